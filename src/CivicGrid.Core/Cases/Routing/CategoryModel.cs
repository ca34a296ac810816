using System.Collections.Frozen;
using System.IO.Compression;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace CivicGrid.Cases.Routing;

/// <summary>One training example: a description (or keyword) and the leaf a person filed it under.</summary>
public sealed record CategoryExample(string CategoryCode, string Text);

/// <summary>
/// The trained category model in the compact form suggestions use: a multinomial logistic regression whose weights
/// ML.NET learnt (<see cref="CategoryModelTrainer"/>), over <see cref="CategoryFeatures"/>. Scoring a report is jieba plus
/// a few hundred dictionary look-ups and vector additions, with no ML.NET pipeline, no locks and no allocations beyond
/// jieba's and the result: it is immutable and safe from any number of threads.
/// </summary>
public sealed class CategoryModel
{
    private const string FileMagic = "CivicGrid.CategoryModel";
    private const int FileFormat = 1;
    private const string Entry = "model.bin";

    [ThreadStatic]
    private static Scratch? t_scratch;

    private readonly (string Code, string Name)[] _labels;
    private readonly ulong[] _hashes;
    private readonly FrozenDictionary<ulong, int> _vocabulary;

    // Feature-major: the row of feature f holds its weight for every class, so a report touches a few contiguous rows.
    private readonly float[] _weights;
    private readonly float[] _biases;

    internal CategoryModel((string Code, string Name)[] labels, ulong[] hashes, float[] weights, float[] biases)
    {
        if (labels.Length < 2 || biases.Length != labels.Length || weights.Length != hashes.Length * labels.Length)
        {
            throw new InvalidDataException("分类模型的维度不一致。");
        }

        _labels = labels;
        _hashes = hashes;
        _vocabulary = hashes.Select((h, i) => KeyValuePair.Create(h, i)).ToFrozenDictionary();
        _weights = weights;
        _biases = biases;
    }

    public int Classes => _labels.Length;

    /// <summary>How many distinct features (words, word pairs, character n-grams) the model knows.</summary>
    public int Features => _hashes.Length;

    /// <summary>The classes in score order: (code, name).</summary>
    public IReadOnlyList<(string Code, string Name)> Labels => _labels;

    internal FrozenDictionary<ulong, int> Vocabulary => _vocabulary;

    /// <summary>Trains with ML.NET on the examples (labels are leaf codes; <paramref name="names"/> names them) and keeps the compact model.</summary>
    public static CategoryModel Train(IReadOnlyCollection<CategoryExample> examples, IReadOnlyDictionary<string, string> names, int seed = 1) =>
        CategoryModelTrainer.Train(examples, names, seed).Model;

    /// <summary>The <paramref name="top"/> most likely leaves, best first, with their probabilities.</summary>
    public IReadOnlyList<CategorySuggestion> Suggest(string text, int top = 3)
    {
        var classes = _labels.Length;
        Span<float> probabilities = classes <= 512 ? stackalloc float[classes] : new float[classes];
        Probabilities(text, probabilities);
        return TopOf(probabilities, Math.Clamp(top, 1, classes));
    }

    /// <summary>Every class's probability for <paramref name="text"/>, in <see cref="Labels"/> order.</summary>
    public void Probabilities(string text, Span<float> probabilities)
    {
        var scratch = t_scratch ??= new Scratch();
        scratch.Hashes.Clear();
        CategoryFeatures.Extract(text, scratch.Hashes);
        scratch.Fit(scratch.Hashes.Count);
        var count = CategoryFeatures.Vectorize(CollectionsMarshal.AsSpan(scratch.Hashes), _vocabulary, scratch.Ids, scratch.Values);
        Probabilities(scratch.Ids.AsSpan(0, count), scratch.Values.AsSpan(0, count), probabilities);
    }

    /// <summary>Softmax of the linear scores of a vector from <see cref="CategoryFeatures.Vectorize"/>.</summary>
    public void Probabilities(ReadOnlySpan<int> ids, ReadOnlySpan<float> values, Span<float> probabilities)
    {
        var classes = _labels.Length;
        var scores = probabilities[..classes];
        _biases.CopyTo(scores);
        for (var i = 0; i < ids.Length; i++)
        {
            TensorPrimitives.MultiplyAdd(_weights.AsSpan(ids[i] * classes, classes), values[i], scores, scores);
        }

        var max = TensorPrimitives.Max(scores);
        var sum = 0f;
        for (var c = 0; c < classes; c++)
        {
            scores[c] = MathF.Exp(scores[c] - max);
            sum += scores[c];
        }

        TensorPrimitives.Divide(scores, sum, scores);
    }

    /// <summary>Writes to a temporary file first, so a crash never leaves half a model behind.</summary>
    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + ".tmp";
        using (var file = File.Create(temp))
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
        using (var writer = new BinaryWriter(zip.CreateEntry(Entry, CompressionLevel.Fastest).Open()))
        {
            writer.Write(FileMagic);
            writer.Write(FileFormat);
            writer.Write(CategoryFeatures.Version);
            writer.Write(_labels.Length);
            foreach (var (code, name) in _labels)
            {
                writer.Write(code);
                writer.Write(name);
            }

            writer.Write(_hashes.Length);
            writer.Write(MemoryMarshal.AsBytes(_hashes.AsSpan()));
            writer.Write(MemoryMarshal.AsBytes(_biases.AsSpan()));
            writer.Write(MemoryMarshal.AsBytes(_weights.AsSpan()));
        }

        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Reads a model <see cref="Save"/> wrote; <see cref="InvalidDataException"/> for anything else (an older format too).</summary>
    public static CategoryModel Load(string path)
    {
        using var file = File.OpenRead(path);
        using var zip = new ZipArchive(file, ZipArchiveMode.Read);
        var entry = zip.GetEntry(Entry) ?? throw new InvalidDataException("不是本版本的分类模型文件。");
        using var reader = new BinaryReader(entry.Open());
        try
        {
            if (reader.ReadString() != FileMagic || reader.ReadInt32() != FileFormat || reader.ReadInt32() != CategoryFeatures.Version)
            {
                throw new InvalidDataException("分类模型文件的格式或特征版本不同，需要重新训练。");
            }

            var labels = new (string, string)[CheckedCount(reader.ReadInt32(), 100_000)];
            for (var i = 0; i < labels.Length; i++)
            {
                labels[i] = (reader.ReadString(), reader.ReadString());
            }

            var hashes = new ulong[CheckedCount(reader.ReadInt32(), 50_000_000)];
            var biases = new float[labels.Length];
            var weights = new float[checked(hashes.Length * labels.Length)];
            ReadExactly(reader, MemoryMarshal.AsBytes(hashes.AsSpan()));
            ReadExactly(reader, MemoryMarshal.AsBytes(biases.AsSpan()));
            ReadExactly(reader, MemoryMarshal.AsBytes(weights.AsSpan()));
            return new CategoryModel(labels, hashes, weights, biases);
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException("分类模型文件不完整。", ex);
        }
    }

    private static int CheckedCount(int count, int max) =>
        count is >= 0 and <= 50_000_000 && count <= max ? count : throw new InvalidDataException("分类模型文件已损坏。");

    private static void ReadExactly(BinaryReader reader, Span<byte> into) => reader.BaseStream.ReadExactly(into);

    private List<CategorySuggestion> TopOf(ReadOnlySpan<float> probabilities, int top)
    {
        Span<int> best = stackalloc int[top];
        var found = 0;
        for (var c = 0; c < probabilities.Length; c++)
        {
            var at = found;
            while (at > 0 && probabilities[c] > probabilities[best[at - 1]])
            {
                at--;
            }

            if (at >= top)
            {
                continue;
            }

            var last = Math.Min(found, top - 1);
            for (var i = last; i > at; i--)
            {
                best[i] = best[i - 1];
            }

            best[at] = c;
            found = Math.Min(found + 1, top);
        }

        var result = new List<CategorySuggestion>(found);
        foreach (var c in best[..found])
        {
            result.Add(new CategorySuggestion(_labels[c].Code, _labels[c].Name, Math.Round(probabilities[c], 4)));
        }

        return result;
    }

    /// <summary>Per-thread buffers, so scoring allocates nothing of its own and needs no lock.</summary>
    private sealed class Scratch
    {
        public List<ulong> Hashes { get; } = new(256);

        public int[] Ids { get; private set; } = new int[256];

        public float[] Values { get; private set; } = new float[256];

        public void Fit(int count)
        {
            if (Ids.Length < count)
            {
                Ids = new int[Math.Max(count, Ids.Length * 2)];
                Values = new float[Ids.Length];
            }
        }
    }
}
