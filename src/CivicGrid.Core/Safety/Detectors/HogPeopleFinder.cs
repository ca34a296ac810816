using CivicGrid.Safety.Detections;
using Microsoft.Extensions.Options;
using OpenCvSharp;

namespace CivicGrid.Safety.Detectors;

/// <summary>
/// OpenCV's HOG people detector with its built-in SVM (Dalal–Triggs, trained on upright pedestrians): no model file to
/// supply. Calls are serialized because one descriptor is shared.
/// </summary>
public sealed class HogPeopleFinder : IPeopleFinder, IDisposable
{
    private readonly HOGDescriptor _hog;
    private readonly IntrusionDetectorOptions _options;
    private readonly Lock _gate = new();

    public HogPeopleFinder(IntrusionDetectorOptions options)
    {
        _options = options;
        _hog = new HOGDescriptor();
        _hog.SetSVMDetector(HOGDescriptor.GetDefaultPeopleDetector());
    }

    public IReadOnlyList<PersonBox> Find(byte[] image)
    {
        using var decoded = Cv2.ImDecode(image, ImreadModes.Color);
        if (decoded.Empty())
        {
            throw new ArgumentException("图片无法解码。", nameof(image));
        }

        using var scaled = decoded.Width > _options.MaxWidth
            ? decoded.Resize(new Size(_options.MaxWidth, (int)Math.Round(decoded.Height * (double)_options.MaxWidth / decoded.Width)))
            : decoded.Clone();
        Rect[] rects;
        double[] weights;
        lock (_gate)
        {
            rects = _hog.DetectMultiScale(scaled, out weights, _options.HitThreshold, new Size(8, 8), new Size(16, 16), 1.05, 2);
        }

        var (w, h) = ((double)scaled.Width, (double)scaled.Height);
        return rects.Select((r, i) =>
        {
            // HOG pads its window, so a box may reach past the border: clip to the image.
            var left = Math.Clamp(r.Left, 0, scaled.Width);
            var top = Math.Clamp(r.Top, 0, scaled.Height);
            var right = Math.Clamp(r.Right, 0, scaled.Width);
            var bottom = Math.Clamp(r.Bottom, 0, scaled.Height);
            return (Ok: right > left && bottom > top,
                Person: new PersonBox(new DetectionBox(left / w, top / h, (right - left) / w, (bottom - top) / h), weights[i]));
        }).Where(p => p.Ok).Select(p => p.Person).ToList();
    }

    public void Dispose() => _hog.Dispose();
}

/// <summary>Loads OpenCV (libOpenCvSharpExtern) by creating the HOG descriptor.</summary>
public sealed class HogPeopleFinderLoader(IOptions<DetectorOptions> options) : IPeopleFinderLoader
{
    public string Library => "OpenCV";

    public IPeopleFinder Load() => new HogPeopleFinder(options.Value.Intrusion);
}
