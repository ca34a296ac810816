using CivicGrid.Cases.Catalog;

namespace CivicGrid.Tests.Cases.Catalog;

public sealed class StarterCatalogTests
{
    private static readonly List<CaseCategory> Catalog = StarterCatalog.Load(DateTimeOffset.UnixEpoch);

    private static IEnumerable<CaseCategory> Leaves => Catalog.Where(c => c.Level == 2);

    [Fact]
    public void Top_classes_follow_gb_t_30428()
    {
        var classes = Catalog.Where(c => c.Level == 1).ToDictionary(c => c.Code, c => c.Name);
        Assert.Equal(["公用设施", "道路交通", "市容环境", "园林绿化", "房屋土地", "其他设施"], classes.Where(c => c.Key.StartsWith("BJ", StringComparison.Ordinal)).Select(c => c.Value));
        Assert.Equal(["市容环境", "宣传广告", "施工管理", "街面秩序", "突发事件", "其他"], classes.Where(c => c.Key.StartsWith("SJ", StringComparison.Ordinal)).Select(c => c.Value));
        Assert.All(Catalog.Where(c => c.Level == 1), c => Assert.Null(c.TimeLimit));
    }

    [Fact]
    public void Every_leaf_is_complete()
    {
        Assert.True(Leaves.Count() >= 60, $"只有 {Leaves.Count()} 个小类");
        var codes = Catalog.Select(c => c.Code).ToHashSet();
        Assert.Equal(Catalog.Count, codes.Count);
        Assert.All(Leaves, c =>
        {
            Assert.True(CategoryCodes.IsValid(c.Code), c.Code);
            Assert.Contains(c.ParentCode!, codes);
            Assert.Equal(CategoryCodes.KindOf(c.Code), c.Kind);
            Assert.NotNull(c.TimeLimit);
            Assert.InRange(c.TimeLimit!.Value, 1, 10);
            Assert.False(string.IsNullOrWhiteSpace(c.RegisterCriteria), c.Code);
            Assert.False(string.IsNullOrWhiteSpace(c.CloseCriteria), c.Code);
            Assert.True(c.DefaultDepartmentCode is not null || c.DefaultUnitKind is not null, c.Code);
            Assert.True(c.KeywordList.Count >= 5, $"{c.Code} {c.Name} 关键词太少");
            Assert.True(SaveCategory.Validate(new SaveCategoryRequest(c.Code, c.Name, new TimeLimitInput(c.TimeLimitValue, c.TimeLimit.UnitName),
                c.RegisterCriteria, c.CloseCriteria, c.DefaultUnitKind?.ToString(), c.DefaultDepartmentCode, c.KeywordList), out _).Count == 0, c.Code);
        });
    }

    [Theory]
    [InlineData("占道经营", "摆摊")]
    [InlineData("街头游商", "流动摊贩")]
    [InlineData("电动自行车违规充电", "飞线")]
    [InlineData("电动自行车违规充电", "拉线充电")]
    [InlineData("电动自行车违规充电", "楼道充电")]
    [InlineData("小广告乱张贴", "牛皮癣")]
    [InlineData("暴露垃圾", "垃圾没人收")]
    [InlineData("垃圾满溢", "垃圾桶满了")]
    [InlineData("垃圾分类不规范", "混投")]
    [InlineData("乱堆乱放", "楼道堆物")]
    [InlineData("私搭乱建", "违建")]
    [InlineData("道路破损", "坑洼")]
    [InlineData("井盖缺失破损", "井盖")]
    [InlineData("路灯不亮", "路灯")]
    [InlineData("共享单车乱停放", "共享单车")]
    [InlineData("机动车违停", "违停")]
    [InlineData("绿地脏乱", "绿地里有垃圾")]
    [InlineData("毁绿占绿", "踩踏草坪")]
    [InlineData("河道水域不洁", "水面漂浮物")]
    [InlineData("公厕脏乱", "厕所脏")]
    [InlineData("不文明养犬", "遛狗不牵绳")]
    [InlineData("噪音扰民", "广场舞")]
    [InlineData("油烟扰民", "油烟")]
    [InlineData("施工扰民", "夜间施工")]
    [InlineData("渣土遗撒", "渣土车")]
    [InlineData("积水", "路面积水")]
    [InlineData("树木倒伏断枝", "树倒了")]
    [InlineData("消防通道堵塞", "生命通道")]
    public void The_daily_topics_are_covered_with_residents_words(string name, string keyword)
    {
        var leaf = Assert.Single(Leaves, c => c.Name == name);
        Assert.Contains(keyword, leaf.KeywordList);
    }

    [Theory]
    [InlineData("BJ01", true, CategoryKind.Component, 1, null)]
    [InlineData("SJ0401", true, CategoryKind.Event, 2, "SJ04")]
    [InlineData("SJ040101", true, CategoryKind.Event, 3, "SJ0401")]
    [InlineData("SJ4", false, CategoryKind.Event, 0, null)]
    [InlineData("XX0101", false, CategoryKind.Event, 0, null)]
    [InlineData("SJ04010101", false, CategoryKind.Event, 0, null)]
    public void Code_scheme(string code, bool valid, CategoryKind kind, int level, string? parent)
    {
        Assert.Equal(valid, CategoryCodes.IsValid(code));
        if (valid)
        {
            Assert.Equal(kind, CategoryCodes.KindOf(code));
            Assert.Equal(level, CategoryCodes.LevelOf(code));
            Assert.Equal(parent, CategoryCodes.ParentOf(code));
        }
        else
        {
            Assert.Contains("格式不正确", CategoryCodes.Check(code));
        }
    }
}
