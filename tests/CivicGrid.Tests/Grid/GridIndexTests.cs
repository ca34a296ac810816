using CivicGrid.Grid;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace CivicGrid.Tests.Grid;

public sealed class GridIndexTests
{
    private static readonly Lazy<GridIndex> Index = new(() => new GridIndex(
        DemoGrid.Level(RegionLevel.Cell).Select(c => (c.Code, DemoGrid.Shape(c)))));

    [Fact]
    public void Centre_of_every_cell_locates_to_that_cell()
    {
        foreach (var cell in DemoGrid.Level(RegionLevel.Cell))
        {
            Assert.Equal(cell.Code, Index.Value.Locate(cell.CenterLon!.Value, cell.CenterLat!.Value));
        }
    }

    [Theory]
    [InlineData(116.44, 40.1)]
    [InlineData(116.86, 40.1)]
    [InlineData(116.6, 39.99)]
    [InlineData(116.6, 40.26)]
    [InlineData(0, 0)]
    [InlineData(double.NaN, 40.1)]
    public void Points_outside_the_district_locate_nowhere(double lon, double lat) => Assert.Null(Index.Value.Locate(lon, lat));

    [Fact]
    public void Answers_equal_nts_covers_with_smallest_code_on_shared_edges()
    {
        var cells = DemoGrid.Level(RegionLevel.Cell).Select(c => (c.Code, Shape: PreparedGeometryFactory.Prepare(DemoGrid.Shape(c)))).ToList();
        string? Expected(double x, double y) => cells.Where(c => c.Shape.Covers(new Point(x, y))).Select(c => c.Code).Order(StringComparer.Ordinal).FirstOrDefault();

        var rng = new Random(7);
        var points = Enumerable.Range(0, 3000).Select(_ => (116.44 + (rng.NextDouble() * 0.42), 39.99 + (rng.NextDouble() * 0.27))).ToList();
        // Vertices and edge midpoints lie on shared boundaries: the smallest code must win.
        foreach (var cell in DemoGrid.Level(RegionLevel.Cell).Where((_, i) => i % 20 == 0))
        {
            var ring = ((Polygon)DemoGrid.Shape(cell)).Shell.Coordinates;
            points.AddRange(ring.Select(c => (c.X, c.Y)));
            points.AddRange(ring.Zip(ring.Skip(1)).Select(e => ((e.First.X + e.Second.X) / 2, (e.First.Y + e.Second.Y) / 2)));
        }

        var onBoundary = 0;
        foreach (var (x, y) in points)
        {
            var expected = Expected(x, y);
            Assert.Equal(expected, Index.Value.Locate(x, y));
            onBoundary += cells.Count(c => c.Shape.Covers(new Point(x, y))) > 1 ? 1 : 0;
        }

        Assert.True(onBoundary > 100, "shared-edge points were exercised");
    }

    [Fact]
    public void Holes_and_multipolygons_follow_covers()
    {
        var f = new GeometryFactory();
        var donut = f.CreatePolygon(f.CreateLinearRing([new(0, 0), new(10, 0), new(10, 10), new(0, 10), new(0, 0)]),
            [f.CreateLinearRing([new(4, 4), new(6, 4), new(6, 6), new(4, 6), new(4, 4)])]);
        var plug = f.CreatePolygon([new(4, 4), new(6, 4), new(6, 6), new(4, 6), new(4, 4)]);
        var islands = f.CreateMultiPolygon([f.CreatePolygon([new(20, 0), new(21, 0), new(21, 1), new(20, 0)]), f.CreatePolygon([new(30, 0), new(31, 0), new(31, 1), new(30, 0)])]);
        var index = new GridIndex([("002", donut), ("003", plug), ("001", islands)]);
        Assert.Equal("002", index.Locate(1, 1));
        Assert.Equal("003", index.Locate(5, 5));
        Assert.Equal("002", index.Locate(4, 5)); // on the hole's edge, 002 < 003
        Assert.Equal("001", index.Locate(30.9, 0.5));
        Assert.Null(index.Locate(25, 0.5));
        Assert.Equal(3, index.Count);
    }
}
