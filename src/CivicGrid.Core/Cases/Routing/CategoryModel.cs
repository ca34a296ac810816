using System.Collections.Concurrent;
using CivicGrid.Platform.Text;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

namespace CivicGrid.Cases.Routing;

/// <summary>One training example: a description (or keyword) and the leaf a person filed it under.</summary>
public sealed record CategoryExample(string CategoryCode, string Text);

/// <summary>
/// A trained multiclass model over jieba tokens (word uni- and bigrams) and character uni- and bigrams
/// (SDCA maximum entropy). Labels are "code|name", so a loaded model can name its suggestions.
/// Predictions are thread-safe: prediction engines are pooled, one per concurrent caller.
/// </summary>
public sealed class CategoryModel
{
    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly (string Code, string Name)[] _labels;
    private readonly ConcurrentBag<PredictionEngine<Input, Output>> _engines = [];

    private CategoryModel(MLContext ml, ITransformer model)
    {
        _ml = ml;
        _model = model;
        var engine = ml.Model.CreatePredictionEngine<Input, Output>(model);
        var slots = default(VBuffer<ReadOnlyMemory<char>>);
        engine.OutputSchema["Score"].GetSlotNames(ref slots);
        _labels = slots.DenseValues().Select(s => s.ToString()).Select(s => s.Split('|', 2) is [var c, var n] ? (c, n) : (s, s)).ToArray();
        _engines.Add(engine);
    }

    public int Classes => _labels.Length;

    /// <summary>Tokens as the model sees them: jieba words separated by spaces.</summary>
    public static string Prepare(string text) => string.Join(' ', ChineseText.Segment(text));

    public static CategoryModel Train(IReadOnlyCollection<CategoryExample> examples, IReadOnlyDictionary<string, string> names, int seed = 1)
    {
        var ml = new MLContext(seed);
        var rows = examples.Where(e => names.ContainsKey(e.CategoryCode))
            .Select(e => new Input { Label = e.CategoryCode + "|" + names[e.CategoryCode], Text = Prepare(e.Text) }).ToList();
        if (rows.Select(r => r.Label).Distinct().Count() < 2)
        {
            throw new InvalidOperationException("训练样本不足：至少需要两个分类的样本。");
        }

        var data = ml.Data.LoadFromEnumerable(rows);
        var featurize = new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.Lower,
            KeepPunctuations = false,
            KeepNumbers = true,
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
            CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.Text.FeaturizeText("Features", featurize, nameof(Input.Text)))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy("Label", "Features", maximumNumberOfIterations: 10))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
        return new CategoryModel(ml, pipeline.Fit(data));
    }

    public static CategoryModel Load(string path)
    {
        var ml = new MLContext(1);
        using var stream = File.OpenRead(path);
        return new CategoryModel(ml, ml.Model.Load(stream, out _));
    }

    /// <summary>Writes to a temporary file first, so a crash never leaves half a model behind.</summary>
    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + ".tmp";
        using (var stream = File.Create(temp))
        {
            _ml.Model.Save(_model, null, stream);
        }

        File.Move(temp, path, overwrite: true);
    }

    /// <summary>The <paramref name="top"/> most likely leaves, best first, with their probabilities.</summary>
    public IReadOnlyList<CategorySuggestion> Suggest(string text, int top = 3)
    {
        var input = new Input { Text = Prepare(text) };
        if (!_engines.TryTake(out var engine))
        {
            engine = _ml.Model.CreatePredictionEngine<Input, Output>(_model);
        }

        float[] scores;
        try
        {
            scores = engine.Predict(input).Score ?? [];
        }
        finally
        {
            _engines.Add(engine);
        }

        return TopOf(scores, Math.Clamp(top, 1, _labels.Length));
    }

    private List<CategorySuggestion> TopOf(float[] scores, int top)
    {
        var best = new List<int>(top + 1);
        for (var i = 0; i < scores.Length; i++)
        {
            var at = best.FindIndex(b => scores[i] > scores[b]);
            if (at < 0 && best.Count < top)
            {
                best.Add(i);
            }
            else if (at >= 0)
            {
                best.Insert(at, i);
                if (best.Count > top)
                {
                    best.RemoveAt(top);
                }
            }
        }

        return best.Select(i => new CategorySuggestion(_labels[i].Code, _labels[i].Name, Math.Round(scores[i], 4))).ToList();
    }

    private sealed class Input
    {
        public string Label { get; set; } = "";
        public string Text { get; set; } = "";
    }

    private sealed class Output
    {
        [ColumnName("Score")]
        public float[]? Score { get; set; }
    }
}
