using CivicGrid.Safety;

namespace CivicGrid.Tests.Safety;

public sealed class HiddenDangerRulesTests
{
    private static HiddenDanger Major() => new() { Description = "1201工作面顶板破碎", Grade = HiddenDangerGrade.Major };

    [Fact]
    public void A_major_hidden_danger_is_refused_dispatch_until_all_five_are_filled()
    {
        var d = Major();
        Assert.Equal(["责任", "措施", "资金", "时限", "预案"], HiddenDangerRules.MissingFiveImplementations(d));
        Assert.Contains("五落实", HiddenDangerRules.DispatchRefusal(d));

        d.ResponsiblePerson = "综采一队队长";
        d.Measures = "架设超前支护";
        d.Funds = 0;
        d.RectifyBy = new DateOnly(2026, 10, 15);
        Assert.Equal("重大隐患须先落实“五落实”才能派遣，尚缺：预案。", HiddenDangerRules.DispatchRefusal(d));

        d.ContingencyPlan = "顶板事故现场处置方案";
        Assert.Null(HiddenDangerRules.DispatchRefusal(d));
    }

    [Fact]
    public void A_general_hidden_danger_may_be_dispatched_without_the_five()
    {
        Assert.Null(HiddenDangerRules.DispatchRefusal(new HiddenDanger { Description = "消防器材过期", Grade = HiddenDangerGrade.General }));
    }

    [Fact]
    public void Closing_needs_both_an_effect_evaluation_and_an_acceptance()
    {
        var d = Major();
        Assert.NotNull(HiddenDangerRules.CloseRefusal(d));
        d.EffectEvaluation = "支护到位，顶板稳定";
        Assert.NotNull(HiddenDangerRules.CloseRefusal(d));
        d.AcceptedAt = DateTimeOffset.UnixEpoch;
        Assert.Null(HiddenDangerRules.CloseRefusal(d));
    }
}
