namespace CivicGrid.Grid;

/// <summary>
/// Deterministic demo grid for 示例区 (lon 116.45–116.85, lat 40.00–40.25): 25 镇街 (19 镇, 6 街道),
/// 6–10 村居 each, 4–8 单元网格 each (about 1,200 cells), all cut from one shared jittered lattice
/// (see <see cref="LatticeGridGenerator"/>), so the tiling has no gaps or overlaps at any level.
/// </summary>
public static class DemoGridGenerator
{
    public const string DistrictCode = "110199";
    public const string DistrictName = "示例区";
    public const double MinLon = 116.45, MaxLon = 116.85, MinLat = 40.00, MaxLat = 40.25;

    public static LatticeGridOptions Options { get; } = new()
    {
        DistrictCode = DistrictCode,
        DistrictName = DistrictName,
        MinLon = MinLon,
        MinLat = MinLat,
        MaxLon = MaxLon,
        MaxLat = MaxLat,
        Columns = 150,
        Rows = 120,
        Towns = 25,
        Names = GridNames.Demo,
        Seed = 110199,
    };

    public static IReadOnlyList<Region> Generate(DateTimeOffset now) => LatticeGridGenerator.Generate(Options, now);

    /// <summary>A synthetic district of about <paramref name="cells"/> cells in the same box, for benchmarks and load tests.</summary>
    public static LatticeGridOptions Large(int cells)
    {
        // 50 镇 × 20–30 村居 × ~cells/1250 网格, on a lattice of about 10 quads a cell.
        var perCommunity = Math.Max(2, (int)Math.Round(cells / 1250.0));
        var quads = cells * 10.0;
        var columns = (int)Math.Sqrt(quads * 1.25);
        return Options with
        {
            Columns = columns,
            Rows = (int)(quads / columns),
            Towns = 50,
            MinCommunities = 20,
            MaxCommunities = 30,
            MinCells = Math.Max(1, perCommunity - 4),
            MaxCells = perCommunity + 4,
            Names = GridNames.Generic,
            Seed = 30000,
        };
    }
}
