using CivicGrid.Grid;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Union;

namespace CivicGrid.Tests.Grid;

public sealed class DemoGridGeneratorTests
{
    [Fact]
    public void Demo_district_has_25_towns_19_zhen_6_jiedao_and_about_1200_cells()
    {
        var towns = DemoGrid.Level(RegionLevel.Town).ToList();
        Assert.Single(DemoGrid.Level(RegionLevel.District));
        Assert.Equal(25, towns.Count);
        Assert.Equal(19, towns.Count(t => t.Name.EndsWith('镇')));
        Assert.Equal(6, towns.Count(t => t.Name.EndsWith("街道", StringComparison.Ordinal)));
        Assert.Equal("110199001", towns.Min(t => t.Code));
        Assert.InRange(DemoGrid.Level(RegionLevel.Cell).Count(), 1000, 1400);

        foreach (var town in towns)
        {
            var communities = DemoGrid.Regions.Where(r => r.ParentCode == town.Code).ToList();
            Assert.InRange(communities.Count, 6, 10);
            var suffix = town.Name.EndsWith("街道", StringComparison.Ordinal) ? "社区" : "村";
            Assert.All(communities, c => Assert.EndsWith(suffix, c.Name));
            foreach (var community in communities)
            {
                var cells = DemoGrid.Regions.Where(r => r.ParentCode == community.Code).ToList();
                Assert.InRange(cells.Count, 4, 8);
                Assert.All(cells, c => Assert.Matches($"^{community.Name}第[1-8]网格$", c.Name));
            }
        }

        Assert.Equal(DemoGrid.Level(RegionLevel.Community).Count(), DemoGrid.Level(RegionLevel.Community).Select(c => c.Name).Distinct().Count());
    }

    [Fact]
    public void Every_code_fits_its_parent_and_numbers_from_001()
    {
        var codes = DemoGrid.Regions.Select(r => r.Code).ToHashSet();
        Assert.Equal(DemoGrid.Regions.Count, codes.Count);
        foreach (var r in DemoGrid.Regions.Where(r => r.Level != RegionLevel.District))
        {
            Assert.Equal(RegionLevels.CodeLength(r.Level), r.Code.Length);
            Assert.NotNull(r.ParentCode);
            Assert.StartsWith(r.ParentCode, r.Code);
            Assert.Equal(r.ParentCode.Length + 3, r.Code.Length);
            Assert.Contains(r.ParentCode, codes);
            Assert.Equal("110199", r.DistrictCode);
        }

        foreach (var siblings in DemoGrid.Regions.Where(r => r.ParentCode is not null).GroupBy(r => r.ParentCode))
        {
            Assert.Equal(Enumerable.Range(1, siblings.Count()).Select(i => i.ToString("D3")), siblings.Select(s => s.Code[^3..]).Order());
        }
    }

    [Fact]
    public void Polygons_are_valid_irregular_and_carry_centre_and_area()
    {
        foreach (var r in DemoGrid.Regions)
        {
            var shape = DemoGrid.Shape(r);
            Assert.True(shape.IsValid, r.Code);
            Assert.True(shape.Covers(new Point(r.CenterLon!.Value, r.CenterLat!.Value)), r.Code);
            Assert.True(r.AreaSquareMetres > 0, r.Code);
        }

        // Jittered: inside the district box, cell edges are not axis-parallel.
        Assert.All(DemoGrid.Level(RegionLevel.Cell), c =>
        {
            var ring = ((Polygon)DemoGrid.Shape(c)).Shell.Coordinates;
            Assert.True(ring.Zip(ring.Skip(1)).Count(e => e.First.X != e.Second.X && e.First.Y != e.Second.Y) >= ring.Length / 3, c.Code);
        });
        // 0.4° × 0.25° at 40.1°N: 34.0 km × 27.8 km ≈ 9.45e8 m².
        var district = DemoGrid.Level(RegionLevel.District).Single();
        Assert.InRange(district.AreaSquareMetres!.Value, 9.3e8, 9.6e8);
        var box = new GeometryFactory().ToGeometry(new Envelope(116.45, 116.85, 40.00, 40.25));
        Assert.Equal(0, DemoGrid.Shape(district).SymmetricDifference(box).Area, 15);
    }

    [Fact]
    public void Every_level_tiles_its_parent_without_gaps_or_overlaps()
    {
        foreach (var parent in DemoGrid.Regions.Where(r => r.Level != RegionLevel.Cell))
        {
            var children = DemoGrid.Regions.Where(r => r.ParentCode == parent.Code).ToList();
            Assert.NotEmpty(children);
            Assert.Equal(parent.AreaSquareMetres!.Value, children.Sum(c => c.AreaSquareMetres!.Value), parent.AreaSquareMetres.Value * 1e-9);
            var union = CascadedPolygonUnion.Union(children.Select(DemoGrid.Shape).ToList());
            Assert.True(union.SymmetricDifference(DemoGrid.Shape(parent)).Area < 1e-14, parent.Code);
        }

        foreach (var level in new[] { RegionLevel.Town, RegionLevel.Community, RegionLevel.Cell })
        {
            var shapes = DemoGrid.Level(level).Select(r => (r.Code, Shape: DemoGrid.Shape(r))).ToList();
            var tree = new STRtree<(string Code, Geometry Shape)>();
            shapes.ForEach(s => tree.Insert(s.Shape.EnvelopeInternal, s));
            var pairs = 0;
            foreach (var a in shapes)
            {
                foreach (var b in tree.Query(a.Shape.EnvelopeInternal).Where(b => string.CompareOrdinal(a.Code, b.Code) < 0))
                {
                    pairs++;
                    Assert.True(a.Shape.Intersection(b.Shape).Area < 1e-14, $"{a.Code} 与 {b.Code} 重叠");
                }
            }

            Assert.True(pairs > shapes.Count, "neighbours were compared");
        }
    }

    [Fact]
    public void Generation_is_deterministic()
    {
        var again = DemoGridGenerator.Generate(DateTimeOffset.UnixEpoch);
        Assert.Equal(DemoGrid.Regions.Select(r => (r.Code, r.Name)), again.Select(r => (r.Code, r.Name)));
        Assert.All(DemoGrid.Regions.Zip(again), p => Assert.Equal(p.First.BoundaryWkb, p.Second.BoundaryWkb));
    }
}
