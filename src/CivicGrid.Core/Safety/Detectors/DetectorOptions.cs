namespace CivicGrid.Safety.Detectors;

/// <summary>Settings under <c>CivicGrid:Safety:Detectors</c>.</summary>
public sealed class DetectorOptions
{
    public IntrusionDetectorOptions Intrusion { get; set; } = new();

    /// <summary>ONNX object-detection models the operator supplies, each with its class → detection type map.</summary>
    public List<OnnxModelOptions> Models { get; set; } = [];
}

public sealed class IntrusionDetectorOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>HOG SVM score a person must reach (OpenCV's hitThreshold; 0 is OpenCV's default).</summary>
    public double HitThreshold { get; set; }

    /// <summary>Snapshots wider than this are scaled down first (HOG time grows with the pixel count).</summary>
    public int MaxWidth { get; set; } = 640;
}

/// <summary>How a YOLO-style model lays out its output.</summary>
public enum YoloLayout
{
    /// <summary>YOLOv8/v11: <c>[1, 4 + classes, candidates]</c>, rows cx, cy, w, h, then class scores.</summary>
    V8 = 1,

    /// <summary>YOLOv5/v7: <c>[1, candidates, 5 + classes]</c>, columns cx, cy, w, h, objectness, then class scores.</summary>
    V5 = 2,
}

public sealed class OnnxModelOptions
{
    /// <summary>Short name (letters, digits, - and _), the detector is then called <c>onnx:{Name}</c>.</summary>
    public string Name { get; set; } = "";

    public string? Title { get; set; }

    /// <summary>The model file; relative to the data folder, <c>models/detectors/{Name}.onnx</c> when not set.</summary>
    public string? ModelPath { get; set; }

    /// <summary>Class index → detection type code (<c>"0": "no_helmet"</c>); classes not listed are ignored.</summary>
    public Dictionary<string, string> Classes { get; set; } = [];

    public YoloLayout Layout { get; set; } = YoloLayout.V8;

    /// <summary>Boxes below this score are dropped before non-maximum suppression.</summary>
    public double MinScore { get; set; } = 0.25;

    /// <summary>Of two boxes of one class overlapping more than this (IoU), the weaker is dropped.</summary>
    public double NmsIou { get; set; } = 0.45;

    /// <summary>Input size for models whose input has no fixed size.</summary>
    public int InputSize { get; set; } = 640;
}
