using CivicGrid.Safety.Detections;
using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace CivicGrid.Safety.Detectors;

/// <summary>
/// Runs an operator-supplied YOLO-style ONNX model (ONNX Runtime, CPU) on a snapshot: letterbox to the model's input,
/// decode boxes and class scores (<see cref="YoloDecoder"/>), and map classes to detection types. The model is loaded on
/// first use; a missing file is looked for again on the next use, a runtime that cannot load is reported and not retried.
/// </summary>
public sealed class OnnxObjectDetector : ISnapshotDetector, IDisposable
{
    private readonly OnnxModelOptions _options;
    private readonly string _modelPath;
    private readonly ILogger _log;
    private readonly Lock _gate = new();
    private readonly IReadOnlyDictionary<int, DetectionType> _classes;
    private readonly string? _classProblem;
    private InferenceSession? _session;
    private string? _loadFailure;
    private bool _runtimeMissing;

    public OnnxObjectDetector(OnnxModelOptions options, string modelPath, ILogger log)
    {
        _options = options;
        _modelPath = modelPath;
        _log = log;
        Name = "onnx:" + options.Name;
        Title = string.IsNullOrWhiteSpace(options.Title) ? $"ONNX 模型 {options.Name}" : options.Title;
        (_classes, _classProblem) = ParseClasses(options.Classes);
    }

    public string Name { get; }
    public string Title { get; }
    public string ModelPath => _modelPath;

    public DetectorStatus Status
    {
        get
        {
            var problem = EnsureLoaded();
            var types = string.Join("、", _classes.OrderBy(c => c.Key).Select(c => $"{c.Key}→{DetectionTypes.Name(c.Value)}"));
            return new DetectorStatus(Name, Title, problem is null, problem ?? $"可用（类别：{types}）");
        }
    }

    public Task<IReadOnlyList<DetectorFinding>> DetectAsync(byte[] jpeg, CameraEntry camera, CancellationToken ct)
    {
        if (EnsureLoaded() is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        return Task.Run(() => Detect(jpeg), ct);
    }

    /// <summary>Drops the loaded model so the next use loads the file again (after the operator replaced it).</summary>
    public void Reload()
    {
        lock (_gate)
        {
            _session?.Dispose();
            _session = null;
            _loadFailure = null;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _session?.Dispose();
            _session = null;
        }
    }

    private IReadOnlyList<DetectorFinding> Detect(byte[] jpeg)
    {
        var session = _session!;
        var input = session.InputMetadata.First();
        var dims = input.Value.Dimensions;
        var height = dims.Length == 4 && dims[2] > 0 ? dims[2] : _options.InputSize;
        var width = dims.Length == 4 && dims[3] > 0 ? dims[3] : _options.InputSize;
        var letterbox = Letterbox.Of(jpeg, width, height);

        using var tensor = OrtValue.CreateTensorValueFromMemory(letterbox.Pixels, [1, 3, height, width]);
        using var runOptions = new RunOptions();
        using var results = session.Run(runOptions, [input.Key], [tensor], [session.OutputMetadata.First().Key]);
        var output = results[0];
        var shape = output.GetTensorTypeAndShape().Shape.Select(d => (int)d).ToArray();
        var boxes = YoloDecoder.Decode(output.GetTensorDataAsSpan<float>(), shape, _options.Layout, (float)_options.MinScore, (float)_options.NmsIou);

        return boxes
            .Where(b => _classes.ContainsKey(b.ClassIndex))
            .Select(b => (Type: _classes[b.ClassIndex], b.Score, Box: letterbox.ToImage(b)))
            .Where(b => b.Box is not null)
            .GroupBy(b => b.Type)
            .Select(g => new DetectorFinding(g.Key, Math.Round(g.Max(b => (double)b.Score), 4), g.OrderByDescending(b => b.Score).Select(b => b.Box!.Value).Take(IngestDetection.MaxBoxes).ToList()))
            .ToList();
    }

    /// <summary>Loads the model when needed; answers why the detector cannot run, or null.</summary>
    private string? EnsureLoaded()
    {
        if (_classProblem is not null)
        {
            return _classProblem;
        }

        lock (_gate)
        {
            if (_session is not null)
            {
                return null;
            }

            if (_runtimeMissing)
            {
                return _loadFailure;
            }

            if (!File.Exists(_modelPath))
            {
                return $"模型文件不存在：{_modelPath}，「{Title}」检测不可用。";
            }

            try
            {
                _session = new InferenceSession(_modelPath);
                if (_session.InputMetadata.Count == 0 || _session.InputMetadata.First().Value.ElementType != typeof(float))
                {
                    _session.Dispose();
                    _session = null;
                    return _loadFailure = $"模型「{Title}」的输入须为 float32 图像张量 [1, 3, 高, 宽]。";
                }

                _loadFailure = null;
                return null;
            }
            catch (Exception ex) when (NativeDependency.IsLoadFailure(ex))
            {
                _runtimeMissing = true;
                _log.LogError(ex, "ONNX Runtime 运行库无法加载");
                return _loadFailure = $"ONNX Runtime 运行库无法加载：{NativeDependency.Describe(ex)}，「{Title}」检测不可用。";
            }
            catch (OnnxRuntimeException ex)
            {
                _log.LogWarning(ex, "模型 {Model} 无法加载", _modelPath);
                return _loadFailure = $"模型文件无法加载：{ex.Message}，「{Title}」检测不可用。";
            }
        }
    }

    private static (IReadOnlyDictionary<int, DetectionType>, string?) ParseClasses(Dictionary<string, string> map)
    {
        var classes = new Dictionary<int, DetectionType>();
        foreach (var (key, code) in map)
        {
            if (!int.TryParse(key, out var index) || index < 0 || DetectionTypes.Parse(code) is not { } type)
            {
                return (classes, $"类别映射 “{key}: {code}” 无效：须为类别序号 → 识别类型（{DetectionTypes.CodeList}）。");
            }

            classes[index] = type;
        }

        return classes.Count == 0 ? (classes, "未配置类别映射（类别序号 → 识别类型），模型检测不可用。") : (classes, null);
    }
}
