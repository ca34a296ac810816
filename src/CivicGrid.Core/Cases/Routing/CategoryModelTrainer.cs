using System.Collections.Frozen;
using System.Runtime.InteropServices;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace CivicGrid.Cases.Routing;

/// <summary>
/// Trains the category model with ML.NET (SDCA maximum entropy) on <see cref="CategoryFeatures"/> vectors and exports
/// the learnt weights into a <see cref="CategoryModel"/>. The ML.NET model stays reachable for checking that the compact
/// model ranks exactly as ML.NET does (<see cref="TrainedCategoryModel.MlNetProbabilities"/>).
/// </summary>
public static class CategoryModelTrainer
{
    // Chosen on the development reports: SDCA's own L2 heuristic regularises so hard that the model learns little beyond
    // the catalog's names; 1e-5 generalises best to resident wording; past ~15 passes the accuracy no longer moves.
    private const float L2Regularization = 1e-5f;
    private const int Iterations = 15;

    public static TrainedCategoryModel Train(IReadOnlyCollection<CategoryExample> examples, IReadOnlyDictionary<string, string> names, int seed = 1)
    {
        var usable = examples.Where(e => names.ContainsKey(e.CategoryCode)).ToList();
        if (usable.Select(e => e.CategoryCode).Distinct().Count() < 2)
        {
            throw new InvalidOperationException("训练样本不足：至少需要两个分类的样本。");
        }

        var hashed = usable.Select(e =>
        {
            var hashes = new List<ulong>();
            CategoryFeatures.Extract(e.Text, hashes);
            return hashes;
        }).ToList();
        var order = new Dictionary<ulong, int>();
        foreach (var hash in hashed.SelectMany(h => h))
        {
            order.TryAdd(hash, order.Count);
        }

        var featureHashes = order.OrderBy(kv => kv.Value).Select(kv => kv.Key).ToArray();
        var vocabulary = order.ToFrozenDictionary();
        var rows = usable.Select((e, i) => new Row { Label = e.CategoryCode, Features = Vector(hashed[i], vocabulary) }).ToList();

        var ml = new MLContext(seed);
        var schema = RowSchema(featureHashes.Length);
        var data = ml.Data.LoadFromEnumerable(rows, schema);
        var keyed = ml.Transforms.Conversion.MapValueToKey(nameof(Row.Label)).Fit(data).Transform(data);
        var predictor = ml.MulticlassClassification.Trainers
            .SdcaMaximumEntropy(nameof(Row.Label), nameof(Row.Features), l2Regularization: L2Regularization, maximumNumberOfIterations: Iterations)
            .Fit(keyed);

        var keys = default(VBuffer<ReadOnlyMemory<char>>);
        keyed.Schema[nameof(Row.Label)].GetKeyValues(ref keys);
        var labels = keys.DenseValues().Select(k => k.ToString()).Select(code => (code, names[code])).ToArray();
        var model = new CategoryModel(labels, featureHashes, FeatureMajor(predictor.Model, featureHashes.Length, labels.Length),
            predictor.Model.GetBiases().ToArray());
        return new TrainedCategoryModel(model, ml, predictor, schema);
    }

    internal static SchemaDefinition RowSchema(int features)
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, features);
        return schema;
    }

    internal static VBuffer<float> Vector(List<ulong> hashes, FrozenDictionary<ulong, int> vocabulary)
    {
        var ids = new int[hashes.Count];
        var values = new float[hashes.Count];
        var count = CategoryFeatures.Vectorize(CollectionsMarshal.AsSpan(hashes), vocabulary, ids, values);
        return new VBuffer<float>(vocabulary.Count, count, values[..count], ids[..count]);
    }

    private static float[] FeatureMajor(MaximumEntropyModelParameters parameters, int features, int classes)
    {
        VBuffer<float>[] perClass = [];
        parameters.GetWeights(ref perClass, out var count);
        if (count != classes)
        {
            throw new InvalidOperationException($"ML.NET 返回 {count} 个分类的权重，预期 {classes} 个。");
        }

        var weights = new float[features * classes];
        for (var c = 0; c < classes; c++)
        {
            foreach (var (feature, weight) in perClass[c].Items())
            {
                weights[feature * classes + c] = weight;
            }
        }

        return weights;
    }

    internal sealed class Row
    {
        public string Label { get; set; } = "";

        public VBuffer<float> Features { get; set; }
    }
}

/// <summary>A freshly trained model: the compact <see cref="Model"/> and, for comparison, ML.NET's own scoring of it.</summary>
public sealed class TrainedCategoryModel(CategoryModel model, MLContext ml, ITransformer predictor, SchemaDefinition schema)
{
    private PredictionEngine<CategoryModelTrainer.Row, MlNetOutput>? _engine;

    public CategoryModel Model => model;

    /// <summary>
    /// Class probabilities (in <see cref="CategoryModel.Labels"/> order) computed by ML.NET's PredictionEngine on the same
    /// feature vector. Not thread-safe, and slow: it is the reference the tests and the benchmark compare against.
    /// </summary>
    public float[] MlNetProbabilities(string text)
    {
        _engine ??= ml.Model.CreatePredictionEngine<CategoryModelTrainer.Row, MlNetOutput>(predictor, inputSchemaDefinition: schema);
        var hashes = new List<ulong>();
        CategoryFeatures.Extract(text, hashes);
        var row = new CategoryModelTrainer.Row { Features = CategoryModelTrainer.Vector(hashes, model.Vocabulary) };
        return _engine.Predict(row).Score ?? [];
    }

    internal sealed class MlNetOutput
    {
        [ColumnName("Score")]
        public float[]? Score { get; set; }
    }
}
