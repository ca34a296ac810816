using CivicGrid.Cases.Responsibility;

namespace CivicGrid.Tests.Cases.Catalog;

public sealed class RuleChangeSummaryTests
{
    private static readonly RuleChangeNames Names = new(
        new Dictionary<int, string> { [1] = "区城市管理局", [4] = "区市场监督管理局", [8] = "区住房和城乡建设委员会", [9] = "区公安分局" },
        new Dictionary<string, string> { ["SJ0401"] = "占道经营", ["SJ0402"] = "街头游商" },
        new Dictionary<string, string> { ["110199001"] = "第一街道" });

    [Fact]
    public void A_change_names_only_the_fields_that_differ()
    {
        var before = new RuleState("SJ0401", "110199001", 1, [], null);
        var after = before with { UnitId = 4, CoUnitIds = [8] };
        Assert.Equal("牵头单位：区城市管理局 → 区市场监督管理局；协办单位：无 → 区住房和城乡建设委员会", RuleChangeSummary.Describe(before, after, Names));
        Assert.Equal("问题分类：占道经营（SJ0401） → 街头游商（SJ0402）；备注：无 → “试点”",
            RuleChangeSummary.Describe(before, before with { CategoryCode = "SJ0402", Note = "试点" }, Names));
    }

    [Fact]
    public void Reordered_co_units_are_no_change_and_unknown_codes_stay_readable()
    {
        var before = new RuleState("SJ0401", "110199001", 1, [8, 9], null);
        Assert.Equal("内容未变", RuleChangeSummary.Describe(before, before with { CoUnitIds = [9, 8] }, Names));
        Assert.True(before.SaysTheSameAs(before with { CoUnitIds = [9, 8] }));
        Assert.False(before.SaysTheSameAs(before with { CoUnitIds = [9] }));
        Assert.Equal("问题分类：SJ0499（已删除的分类）；适用区域：110199002；牵头单位：单位 77（已删除）；协办单位：无",
            RuleChangeSummary.Describe(null, new RuleState("SJ0499", "110199002", 77, [], null), Names));
    }
}
