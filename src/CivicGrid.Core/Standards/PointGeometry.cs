using System.Globalization;
using CivicGrid.Grid;
using NetTopologySuite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetTopologySuite.LinearReferencing;

namespace CivicGrid.Standards;

/// <summary>The shape of a point: a position, or a street as “经度,纬度;经度,纬度;…” (WGS84), stored as WKB.</summary>
public static class PointGeometry
{
    public sealed record Shape(Geometry Geometry, double Lon, double Lat);

    /// <summary>Builds the shape from a position and/or a line text; answers the problem in Chinese instead when it cannot.</summary>
    public static Shape? Build(PointShape kind, double? lon, double? lat, string? line, out string? problem)
    {
        problem = null;
        if (!string.IsNullOrWhiteSpace(line))
        {
            if (ParseLine(line, out problem) is not { } parsed)
            {
                return null;
            }

            // The middle of the street along its length: always on the street, where an inspector starts.
            var middle = new LengthIndexedLine(parsed).ExtractPoint(parsed.Length / 2);
            return new Shape(parsed, Math.Round(middle.X, 6), Math.Round(middle.Y, 6));
        }

        if (kind == PointShape.Line && lon is null && lat is null)
        {
            problem = "街巷类点位须填写线路坐标（经度,纬度;经度,纬度…，至少两个点），或至少填写经纬度。";
            return null;
        }

        if (lon is not { } x || lat is not { } y)
        {
            problem = "经度和纬度必填。";
            return null;
        }

        if (!IsValid(x, y))
        {
            problem = $"坐标（{x}, {y}）超出范围：经度应在 -180 到 180 之间，纬度应在 -90 到 90 之间。";
            return null;
        }

        return new Shape(GridGeometry.Factory.CreatePoint(new Coordinate(x, y)), Math.Round(x, 6), Math.Round(y, 6));
    }

    public static LineString? ParseLine(string text, out string? problem)
    {
        problem = null;
        var coordinates = new List<Coordinate>();
        foreach (var pair in text.Split([';', '；', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split([',', '，', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length != 2
                || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
                || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var y)
                || !IsValid(x, y))
            {
                problem = $"线路坐标“{pair}”格式不正确，应为“经度,纬度”，多个点用分号隔开。";
                return null;
            }

            coordinates.Add(new Coordinate(x, y));
        }

        if (coordinates.Count < 2 || coordinates.Distinct().Count() < 2)
        {
            problem = "线路坐标至少需要两个不同的点。";
            return null;
        }

        return GridGeometry.Factory.CreateLineString([.. coordinates]);
    }

    public static Geometry? Read(byte[]? wkb) => wkb is null ? null : new WKBReader(NtsGeometryServices.Instance).Read(wkb);

    /// <summary>The line as “经度,纬度;…” (what the sheet and the edit form take), or null for a plain position.</summary>
    public static string? LineText(byte[]? wkb) => Read(wkb) is LineString line
        ? string.Join(";", line.Coordinates.Select(c => c.X.ToString("0.######", CultureInfo.InvariantCulture) + "," + c.Y.ToString("0.######", CultureInfo.InvariantCulture)))
        : null;

    /// <summary>[[lon, lat], …] of a line for the map, or null for a plain position.</summary>
    public static double[][]? LineCoordinates(byte[]? wkb) => Read(wkb) is LineString line
        ? line.Coordinates.Select(c => new[] { c.X, c.Y }).ToArray()
        : null;

    private static bool IsValid(double lon, double lat) =>
        double.IsFinite(lon) && double.IsFinite(lat) && lon is >= -180 and <= 180 && lat is >= -90 and <= 90;
}
