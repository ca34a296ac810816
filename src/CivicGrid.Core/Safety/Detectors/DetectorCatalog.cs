using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CivicGrid.Safety.Detectors;

/// <summary>The detectors this platform runs: the built-in 区域入侵 detector and one per configured ONNX model.</summary>
public sealed class DetectorCatalog : IDisposable
{
    private readonly List<ISnapshotDetector> _detectors;

    public DetectorCatalog(IntrusionDetector intrusion, IOptions<DetectorOptions> options, ILoggerFactory logs)
    {
        _detectors = [intrusion];
        foreach (var model in options.Value.Models.Where(m => !string.IsNullOrWhiteSpace(m.Name)))
        {
            _detectors.Add(new OnnxObjectDetector(model, ModelPathOf(model, AppContext.BaseDirectory), logs.CreateLogger<OnnxObjectDetector>()));
        }
    }

    public IReadOnlyList<ISnapshotDetector> All => _detectors;

    public IReadOnlyList<DetectorStatus> Statuses => _detectors.Select(d => d.Status).ToList();

    public ISnapshotDetector? Find(string name) => _detectors.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.Ordinal));

    /// <summary>The model file: <see cref="OnnxModelOptions.ModelPath"/> (the host makes it absolute under the data folder).</summary>
    public static string ModelPathOf(OnnxModelOptions model, string dataDir) =>
        Path.GetFullPath(string.IsNullOrWhiteSpace(model.ModelPath) ? Path.Combine("models", "detectors", model.Name + ".onnx") : model.ModelPath, dataDir);

    public void Dispose()
    {
        foreach (var d in _detectors.OfType<OnnxObjectDetector>())
        {
            d.Dispose();
        }
    }
}
