using CivicGrid.Safety.Detections;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CivicGrid.Safety.Detectors;

/// <summary>
/// The built-in, weight-free 区域入侵 detector: people found by the HOG detector whose foot point lies in the camera's
/// intrusion zone (its 区域入侵 rule's polygon; the whole image without such a rule). The native library is loaded on
/// first use; when it cannot load, the detector says so and stays off, and the rest of the platform runs on.
/// </summary>
public sealed class IntrusionDetector(IPeopleFinderLoader loader, IOptions<DetectorOptions> options, ILogger<IntrusionDetector> log)
    : ISnapshotDetector, IDisposable
{
    public const string DetectorName = "intrusion";

    private readonly Lazy<(IPeopleFinder? Finder, string? Problem)> _finder = new(() => Load(loader, log));

    public string Name => DetectorName;

    public string Title => "区域入侵（HOG 人体检测，内置）";

    public DetectorStatus Status
    {
        get
        {
            if (!options.Value.Intrusion.Enabled)
            {
                return new(Name, Title, false, "区域入侵检测已在配置中关闭。");
            }

            var problem = _finder.Value.Problem;
            return new(Name, Title, problem is null, problem ?? "可用（人体脚点落入摄像头区域入侵规则的区域即报警）");
        }
    }

    public Task<IReadOnlyList<DetectorFinding>> DetectAsync(byte[] jpeg, CameraEntry camera, CancellationToken ct)
    {
        var status = Status;
        if (!status.Available)
        {
            throw new InvalidOperationException(status.Message);
        }

        var zone = camera.Rules.TryGetValue(DetectionType.Intrusion, out var rule) ? rule.Settings.Zone : ZonePolygon.WholeImage;
        return Task.Run<IReadOnlyList<DetectorFinding>>(() => IntrusionZone.Judge(_finder.Value.Finder!.Find(jpeg), zone) is { } finding ? [finding] : [], ct);
    }

    public void Dispose()
    {
        if (_finder.IsValueCreated && _finder.Value.Finder is IDisposable finder)
        {
            finder.Dispose();
        }
    }

    private static (IPeopleFinder?, string?) Load(IPeopleFinderLoader loader, ILogger log)
    {
        try
        {
            return (loader.Load(), null);
        }
        catch (Exception ex) when (NativeDependency.IsLoadFailure(ex))
        {
            log.LogError(ex, "{Library} 运行库无法加载，区域入侵检测不可用", loader.Library);
            return (null, $"{loader.Library} 运行库无法加载：{NativeDependency.Describe(ex)}，区域入侵检测不可用。");
        }
    }
}

/// <summary>Which people count as intruders, and the boxes reported for them.</summary>
public static class IntrusionZone
{
    /// <summary>The foot strip is the bottom tenth of a person's box; its centre is the foot point.</summary>
    public const double FootShare = 0.1;

    /// <summary>
    /// The people whose foot point is in the zone, as one 区域入侵 finding with their foot strips as boxes (so the rule
    /// engine's centre-in-zone test is the foot-point test); null when nobody is inside. Confidence from the HOG score
    /// <c>s</c> as <c>1 − e^(−s)</c>: 0 at the SVM's margin, about 0.95 for a clear upright person.
    /// </summary>
    public static DetectorFinding? Judge(IReadOnlyList<PersonBox> people, ZonePolygon zone)
    {
        var inside = people.Select(p => (Foot: FootStrip(p.Box), p.Score)).Where(p => zone.Contains(p.Foot.CenterX, p.Foot.CenterY)).ToList();
        if (inside.Count == 0)
        {
            return null;
        }

        var confidence = Math.Round(1 - Math.Exp(-Math.Max(0, inside.Max(p => p.Score))), 4);
        return new DetectorFinding(DetectionType.Intrusion, confidence,
            inside.OrderByDescending(p => p.Score).Select(p => p.Foot).Take(IngestDetection.MaxBoxes).ToList());
    }

    public static DetectionBox FootStrip(DetectionBox person)
    {
        var strip = Floor4(person.H * FootShare);
        var top = Floor4(person.Y + person.H - strip);
        var left = Floor4(person.X);
        var width = Floor4(person.X + person.W - left);
        return new DetectionBox(left, top, Math.Max(width, 0.0001), Math.Max(strip, 0.0001));
    }

    private static double Floor4(double fraction) => Letterbox.Floor4(fraction);
}
