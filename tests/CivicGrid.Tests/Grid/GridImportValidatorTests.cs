using CivicGrid.Grid;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;

namespace CivicGrid.Tests.Grid;

public sealed class GridImportValidatorTests
{
    private const string Town = "110199001";
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch;

    private static List<GridFeature> TownFile() => DemoGrid.Features(DemoGrid.Subtree(Town));

    private static GridImportPlan Validate(List<GridFeature> file) => GridImportValidator.Validate(file, DemoGrid.Regions.ToList(), Now);

    private static GridFeature With(List<GridFeature> file, string code, Func<GridFeature, GridFeature> change)
    {
        var i = file.FindIndex(f => f.Code == code);
        file[i] = change(file[i]);
        return file[i];
    }

    private static string FirstCell(string parent) => DemoGrid.Regions.Where(r => r.ParentCode == parent).Min(r => r.Code)!;

    [Fact]
    public void Export_of_a_town_validates_cleanly_and_updates_in_place()
    {
        var plan = Validate(TownFile());
        Assert.Empty(plan.Errors);
        Assert.Empty(plan.Warnings);
        Assert.Empty(plan.Deletes);
        Assert.Equal(DemoGrid.Subtree(Town).Count(), plan.Upserts.Count);
        var original = DemoGrid.Subtree(Town).ToDictionary(r => r.Code);
        Assert.All(plan.Upserts, r => Assert.Equal(original[r.Code].AreaSquareMetres!.Value, r.AreaSquareMetres!.Value, 1e-6));
    }

    [Fact]
    public void Overlapping_cell_is_rejected_with_both_codes_and_area()
    {
        var file = TownFile();
        var community = Town + "001";
        string a = FirstCell(community), b = (long.Parse(a) + 1).ToString();
        var grown = DemoGrid.Shape(DemoGrid.Regions.Single(r => r.Code == a)).Union(
            DemoGrid.Shape(DemoGrid.Regions.Single(r => r.Code == b)).Buffer(-0.0005));
        With(file, a, f => f with { Geometry = grown });

        var plan = Validate(file);
        Assert.Contains(plan.Errors, e => e.Code == a && e.Message.Contains("与同级网格 " + b + " 重叠") && e.Message.Contains("平方米"));
        Assert.Empty(plan.Upserts);
        Assert.Empty(plan.Deletes);
    }

    [Fact]
    public void Every_problem_is_reported_with_its_code_and_nothing_is_planned()
    {
        var file = TownFile();
        var cells = DemoGrid.Regions.Where(r => r.Level == RegionLevel.Cell && r.Code.StartsWith(Town)).Select(r => r.Code).Order().ToList();
        var f = new GeometryFactory();
        With(file, cells[0], x => x with { Geometry = f.CreatePolygon([new(116.5, 40.1), new(116.51, 40.11), new(116.51, 40.1), new(116.5, 40.11), new(116.5, 40.1)]) });
        With(file, cells[1], x => x with { Geometry = AffineTransformation.TranslationInstance(0.3, 0).Transform(x.Geometry!) });
        With(file, cells[2], x => x with { ParentCode = "110199002001" });
        With(file, cells[3], x => x with { Name = " " });
        With(file, cells[4], x => x with { Level = "村居" });
        file.Add(file.Single(x => x.Code == cells[5]) with { Index = file.Count });
        file.Add(new GridFeature(file.Count, "110199001099001", "孤儿网格", "cell", null, DemoGrid.Shape(DemoGrid.Regions.Single(r => r.Code == cells[6]))));

        var errors = Validate(file).Errors;
        Assert.Contains(errors, e => e.Code == cells[0] && e.Message.Contains("多边形无效") && e.Message.Contains("自相交"));
        Assert.Contains(errors, e => e.Code == cells[1] && e.Message.Contains("超出上级区域"));
        Assert.Contains(errors, e => e.Code == cells[2] && e.Message.Contains("编码不以上级编码开头"));
        Assert.Contains(errors, e => e.Code == cells[3] && e.Message.Contains("缺少名称"));
        Assert.Contains(errors, e => e.Code == cells[4] && e.Message.Contains("编码长度与层级不符"));
        Assert.Contains(errors, e => e.Code == cells[5] && e.Message.Contains("重复编码"));
        Assert.Contains(errors, e => e.Code == "110199001099001" && e.Message.Contains("上级编码不存在"));
        Assert.Empty(Validate(file).Upserts);
    }

    [Fact]
    public void Dropping_a_cell_from_a_replaced_community_deletes_it_and_warns_of_the_gap()
    {
        var community = Town + "002";
        var file = DemoGrid.Features(DemoGrid.Subtree(community));
        var dropped = file.Where(x => x.Code!.Length == 15).Max(x => x.Code)!;
        file.RemoveAll(x => x.Code == dropped);

        var plan = Validate(file);
        Assert.Empty(plan.Errors);
        Assert.Equal([dropped], plan.Deletes);
        var area = DemoGrid.Regions.Single(r => r.Code == dropped).AreaSquareMetres!.Value;
        var warning = Assert.Single(plan.Warnings);
        Assert.Equal(community, warning.Code);
        Assert.Contains("存在空隙", warning.Message);
        Assert.Contains(area.ToString("N0"), warning.Message);
    }

    [Fact]
    public void A_single_cell_update_keeps_its_siblings_and_a_town_boundary_keeps_its_children()
    {
        var cell = DemoGrid.Regions.First(r => r.Level == RegionLevel.Cell);
        var plan = Validate([DemoGrid.Feature(cell, 0) with { Name = "新名称网格" }]);
        Assert.Empty(plan.Errors);
        Assert.Empty(plan.Deletes);
        Assert.Equal("新名称网格", Assert.Single(plan.Upserts).Name);

        // A shrunken town boundary alone leaves its stored 村居 sticking out.
        var town = DemoGrid.Regions.Single(r => r.Code == Town);
        var shrunk = Validate([DemoGrid.Feature(town, 0, DemoGrid.Shape(town).Buffer(-0.002))]);
        Assert.Contains(shrunk.Errors, e => e.Code.StartsWith(Town) && e.Code.Length == 12 && e.Message.Contains("超出上级区域 " + Town));
    }
}
