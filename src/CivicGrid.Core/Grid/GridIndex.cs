using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;

namespace CivicGrid.Grid;

/// <summary>
/// Immutable point-location index over the grid cells: an STRtree of prepared polygons.
/// Built once per grid version and shared by all requests.
/// </summary>
public sealed class GridIndex
{
    private readonly STRtree<Entry> _tree = new();

    private sealed record Entry(string Code, IPreparedGeometry Shape);

    public GridIndex(IEnumerable<(string Code, Geometry Shape)> cells)
    {
        foreach (var (code, shape) in cells)
        {
            _tree.Insert(shape.EnvelopeInternal, new Entry(code, PreparedGeometryFactory.Prepare(shape)));
            Count++;
        }

        _tree.Build();
    }

    public int Count { get; }

    /// <summary>The code of the cell covering the point; on a shared edge the smallest code wins.</summary>
    public string? Locate(double lon, double lat)
    {
        var envelope = new Envelope(lon, lon, lat, lat);
        var point = new Point(lon, lat);
        string? found = null;
        foreach (var entry in _tree.Query(envelope))
        {
            if (entry.Shape.Covers(point) && (found is null || string.CompareOrdinal(entry.Code, found) < 0))
            {
                found = entry.Code;
            }
        }

        return found;
    }
}
