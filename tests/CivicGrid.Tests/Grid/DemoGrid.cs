using CivicGrid.Grid;
using NetTopologySuite.Geometries;

namespace CivicGrid.Tests.Grid;

/// <summary>The demo district, generated once for the unit tests (the same one the app seeds).</summary>
internal static class DemoGrid
{
    private static readonly Lazy<IReadOnlyList<Region>> Shared = new(() => DemoGridGenerator.Generate(DateTimeOffset.UnixEpoch));

    public static IReadOnlyList<Region> Regions => Shared.Value;

    public static Geometry Shape(Region region) => GridGeometry.ReadBoundary(region)!;

    public static IEnumerable<Region> Level(RegionLevel level) => Regions.Where(r => r.Level == level);

    public static IEnumerable<Region> Subtree(string code) => Regions.Where(r => r.Code.StartsWith(code, StringComparison.Ordinal));

    public static GridFeature Feature(Region r, int index, Geometry? shape = null) =>
        new(index, r.Code, r.Name, RegionLevels.ApiName(r.Level), r.ParentCode, shape ?? Shape(r));

    public static List<GridFeature> Features(IEnumerable<Region> regions) => regions.Select((r, i) => Feature(r, i)).ToList();
}
