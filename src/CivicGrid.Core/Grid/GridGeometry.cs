using NetTopologySuite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace CivicGrid.Grid;

/// <summary>Geometry helpers shared by the generator, the importer and the exporter (WGS84 lon/lat).</summary>
public static class GridGeometry
{
    /// <summary>Mean Earth radius (IUGG), metres.</summary>
    public const double EarthRadius = 6371008.8;

    /// <summary>Overlaps and excursions smaller than this (square degrees) are numeric noise.</summary>
    public const double AreaToleranceDeg2 = 1e-12;

    public static GeometryFactory Factory { get; } = NtsGeometryServices.Instance.CreateGeometryFactory(4326);

    /// <summary>
    /// Area on the sphere in square metres (Chamberlain–Duquette edge sum: exact for edges straight in
    /// longitude/sin(latitude), very close for small polygons). Additive: a shared edge contributes with
    /// opposite signs to its two neighbours, so children's areas sum exactly to their parent's.
    /// </summary>
    public static double AreaSquareMetres(Geometry geometry)
    {
        double total = 0;
        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            if (geometry.GetGeometryN(i) is not Polygon polygon)
            {
                continue;
            }

            total += Math.Abs(RingArea(polygon.ExteriorRing.CoordinateSequence));
            foreach (var hole in polygon.InteriorRings)
            {
                total -= Math.Abs(RingArea(hole.CoordinateSequence));
            }
        }

        return total;
    }

    private static double RingArea(CoordinateSequence ring)
    {
        const double rad = Math.PI / 180;
        double sum = 0;
        for (var i = 0; i < ring.Count - 1; i++)
        {
            double x1 = ring.GetX(i), y1 = ring.GetY(i), x2 = ring.GetX(i + 1), y2 = ring.GetY(i + 1);
            sum += (x2 - x1) * rad * (Math.Sin(y1 * rad) + Math.Sin(y2 * rad));
        }

        return sum * EarthRadius * EarthRadius / 2;
    }

    /// <summary>Converts an area in square degrees near <paramref name="lat"/> to square metres.</summary>
    public static double Deg2ToSquareMetres(double deg2, double lat)
    {
        var m = EarthRadius * Math.PI / 180;
        return deg2 * m * m * Math.Cos(lat * Math.PI / 180);
    }

    /// <summary>Fills the derived fields of a region from its boundary: WKB, interior point and area.</summary>
    public static void ApplyBoundary(Region region, Geometry boundary)
    {
        region.BoundaryWkb = boundary.AsBinary();
        var center = boundary.InteriorPoint;
        region.CenterLon = center.IsEmpty ? null : center.X;
        region.CenterLat = center.IsEmpty ? null : center.Y;
        region.AreaSquareMetres = AreaSquareMetres(boundary);
    }

    public static Geometry? ReadBoundary(Region region) =>
        region.BoundaryWkb is null ? null : new WKBReader(NtsGeometryServices.Instance).Read(region.BoundaryWkb);
}
