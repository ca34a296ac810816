namespace CivicGrid.Grid;

/// <summary>
/// Deterministic demo grid for 示例区 (lon 116.45–116.85, lat 40.00–40.25).
/// Interim lattice version: exact tiling from one shared vertex lattice.
/// </summary>
public static class DemoGridGenerator
{
    public const string DistrictCode = "110199";
    public const string DistrictName = "示例区";
    public const double MinLon = 116.45, MaxLon = 116.85, MinLat = 40.00, MaxLat = 40.25;

    public static IReadOnlyList<Region> Generate(DateTimeOffset now)
    {
        var regions = new List<Region>
        {
            Make(DistrictCode, DistrictName, RegionLevel.District, null, MinLon, MinLat, MaxLon, MaxLat, now, 0),
        };
        const int towns = 5, comms = 2, cells = 2;
        double dLon = (MaxLon - MinLon) / towns, dLat = (MaxLat - MinLat) / towns;
        var t = 0;
        for (var ty = 0; ty < towns; ty++)
        {
            for (var tx = 0; tx < towns; tx++)
            {
                t++;
                var tCode = DistrictCode + t.ToString("D3");
                double tLon = MinLon + (tx * dLon), tLat = MinLat + (ty * dLat);
                regions.Add(Make(tCode, $"第{t}镇", RegionLevel.Town, DistrictCode, tLon, tLat, tLon + dLon, tLat + dLat, now, t));
                var c = 0;
                for (var cy = 0; cy < comms; cy++)
                {
                    for (var cx = 0; cx < comms * 2; cx++)
                    {
                        c++;
                        var cCode = tCode + c.ToString("D3");
                        double cw = dLon / (comms * 2), ch = dLat / comms;
                        double cLon = tLon + (cx * cw), cLat = tLat + (cy * ch);
                        regions.Add(Make(cCode, $"第{c}社区", RegionLevel.Community, tCode, cLon, cLat, cLon + cw, cLat + ch, now, c));
                        var g = 0;
                        for (var gy = 0; gy < cells; gy++)
                        {
                            for (var gx = 0; gx < cells + 1; gx++)
                            {
                                g++;
                                double gw = cw / (cells + 1), gh = ch / cells;
                                double gLon = cLon + (gx * gw), gLat = cLat + (gy * gh);
                                regions.Add(Make(cCode + g.ToString("D3"), $"第{g}网格", RegionLevel.Cell, cCode, gLon, gLat, gLon + gw, gLat + gh, now, g));
                            }
                        }
                    }
                }
            }
        }

        return regions;
    }

    private static Region Make(string code, string name, RegionLevel level, string? parent,
        double x0, double y0, double x1, double y1, DateTimeOffset now, int order)
    {
        var factory = NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory(4326);
        var polygon = factory.CreatePolygon([new(x0, y0), new(x1, y0), new(x1, y1), new(x0, y1), new(x0, y0)]);
        return new Region
        {
            Code = code,
            Name = name,
            Level = level,
            ParentCode = parent,
            DistrictCode = DistrictCode,
            BoundaryWkb = polygon.AsBinary(),
            CenterLon = (x0 + x1) / 2,
            CenterLat = (y0 + y1) / 2,
            SortOrder = order,
            UpdatedAt = now,
        };
    }
}
