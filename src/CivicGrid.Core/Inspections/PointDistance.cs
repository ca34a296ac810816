using CivicGrid.Standards;
using NetTopologySuite.Geometries;

namespace CivicGrid.Inspections;

/// <summary>Metres between a captured position and a point (a place, or the nearest part of a street line).</summary>
public static class PointDistance
{
    private const double EarthRadius = 6_371_000;

    public static double Meters(InspectionPoint point, double lon, double lat)
    {
        if (PointGeometry.Read(point.GeometryWkb) is LineString line)
        {
            // Project around the captured position (equirectangular); exact enough for a few kilometres.
            var k = Math.Cos(lat * Math.PI / 180);
            Coordinate Local(double x, double y) => new((x - lon) * k * Math.PI / 180 * EarthRadius, (y - lat) * Math.PI / 180 * EarthRadius);
            var local = new GeometryFactory().CreateLineString(line.Coordinates.Select(c => Local(c.X, c.Y)).ToArray());
            return local.Distance(new GeometryFactory().CreatePoint(new Coordinate(0, 0)));
        }

        return Haversine(point.Lon, point.Lat, lon, lat);
    }

    public static double Haversine(double lon1, double lat1, double lon2, double lat2)
    {
        static double Rad(double d) => d * Math.PI / 180;
        var a = Math.Pow(Math.Sin(Rad(lat2 - lat1) / 2), 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Pow(Math.Sin(Rad(lon2 - lon1) / 2), 2);
        return 2 * EarthRadius * Math.Asin(Math.Sqrt(a));
    }
}
