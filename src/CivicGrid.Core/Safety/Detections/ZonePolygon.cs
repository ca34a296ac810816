using System.Globalization;

namespace CivicGrid.Safety.Detections;

/// <summary>A detection box in image fractions (0–1): left, top, width, height.</summary>
public readonly record struct DetectionBox(double X, double Y, double W, double H)
{
    public double CenterX => X + (W / 2);
    public double CenterY => Y + (H / 2);

    /// <summary>Compact stored form: <c>x,y,w,h;x,y,w,h</c> with four decimals.</summary>
    public static string Format(IReadOnlyList<DetectionBox> boxes) =>
        string.Join(";", boxes.Select(b => string.Create(CultureInfo.InvariantCulture, $"{b.X:0.####},{b.Y:0.####},{b.W:0.####},{b.H:0.####}")));

    public static IReadOnlyList<DetectionBox> Parse(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : text.Split(';').Select(p => p.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray())
                .Where(v => v.Length == 4).Select(v => new DetectionBox(v[0], v[1], v[2], v[3])).ToList();
}

/// <summary>
/// The part of a camera's image a rule watches, as a polygon in image fractions (x right, y down, 0–1). Text form:
/// <c>x,y x,y x,y …</c> (at least three points). A box is in the zone when its centre is.
/// </summary>
public sealed class ZonePolygon
{
    public const string WholeImageText = "0,0 1,0 1,1 0,1";

    private readonly (double X, double Y)[] _points;

    private ZonePolygon((double X, double Y)[] points)
    {
        _points = points;
        IsWholeImage = points.Length == 4 && points.All(p => p.X is 0 or 1 && p.Y is 0 or 1) && points.Distinct().Count() == 4;
    }

    public static ZonePolygon WholeImage { get; } = Parse(WholeImageText)!;

    public bool IsWholeImage { get; }

    public IReadOnlyList<(double X, double Y)> Points => _points;

    /// <summary>The polygon, or null when the text is not at least three points inside 0–1.</summary>
    public static ZonePolygon? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var points = new List<(double, double)>();
        foreach (var pair in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var xy = pair.Split(',');
            if (xy.Length != 2
                || !double.TryParse(xy[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
                || !double.TryParse(xy[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var y)
                || x is < 0 or > 1 || y is < 0 or > 1)
            {
                return null;
            }

            points.Add((x, y));
        }

        return points.Count >= 3 ? new ZonePolygon([.. points]) : null;
    }

    public override string ToString() =>
        string.Join(" ", _points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.X:0.####},{p.Y:0.####}")));

    /// <summary>Even-odd ray casting; a point on the image border of a whole-image zone counts as inside.</summary>
    public bool Contains(double x, double y)
    {
        if (IsWholeImage)
        {
            return x is >= 0 and <= 1 && y is >= 0 and <= 1;
        }

        var inside = false;
        for (int i = 0, j = _points.Length - 1; i < _points.Length; j = i++)
        {
            var (xi, yi) = _points[i];
            var (xj, yj) = _points[j];
            if ((yi > y) != (yj > y) && x < ((xj - xi) * (y - yi) / (yj - yi)) + xi)
            {
                inside = !inside;
            }
        }

        return inside;
    }

    /// <summary>
    /// Whether a detection falls in the zone: one of its boxes has its centre inside; a detection without boxes
    /// counts only for a whole-image zone (nothing tells where it was).
    /// </summary>
    public bool Covers(IReadOnlyList<DetectionBox> boxes) =>
        boxes.Count == 0 ? IsWholeImage : boxes.Any(b => Contains(b.CenterX, b.CenterY));
}
