using CivicGrid.Assessment;

namespace CivicGrid.Tests.Assessment;

public sealed class SchemeScoringTests
{
    [Theory]
    [InlineData(0.75, 25.0)]
    [InlineData(0.70, 25.0)]
    [InlineData(0.65, 20.0)] // ≥70% 得满分, 每低1个百分点扣1分
    [InlineData(0.20, 0.0)] // never below zero
    [InlineData(null, 25.0)] // nothing to measure
    public void A_threshold_gives_full_marks_at_the_line_and_deducts_per_point_below(double? rate, double expected) =>
        Assert.Equal(expected, new SchemeItem("满意率", 25, ScoringRule.Threshold, Threshold: 0.7, PenaltyPerPercent: 1).Score(rate, true), 6);

    [Fact]
    public void Linear_follows_the_direction_and_per_count_deducts_up_to_its_cap()
    {
        Assert.Equal(16, new SchemeItem("结案率", 20, ScoringRule.Linear).Score(0.8, true), 6);
        Assert.Equal(15, new SchemeItem("返工率", 20, ScoringRule.Linear).Score(0.25, false), 6);
        Assert.Equal(-0.6, new SchemeItem("返工次数", 0, ScoringRule.PerCount, PointsPerCount: -0.2).Score(3, false), 6);
        Assert.Equal(-10, new SchemeItem("返工次数", 0, ScoringRule.PerCount, PointsPerCount: -0.2, Cap: 10).Score(80, false), 6);
    }

    [Fact]
    public void Periods_parse_by_kind_and_a_month_can_start_on_the_19th()
    {
        var month = AssessmentPeriod.Parse("2026-10", PeriodKind.Month, 19)!;
        Assert.Equal((new DateOnly(2026, 9, 19), new DateOnly(2026, 10, 18)), (month.First, month.Last));
        Assert.Equal(new DateOnly(2026, 8, 19), month.Previous(19).First);
        Assert.Equal((20261001, 20261031), (AssessmentPeriod.Parse("2026-10", PeriodKind.Month)!.FirstDay, AssessmentPeriod.Parse("2026-10", PeriodKind.Month)!.LastDay));
        Assert.Equal(new DateOnly(2026, 7, 1), AssessmentPeriod.Parse("2026-Q3", PeriodKind.Quarter)!.First);
        Assert.Equal(new DateOnly(2026, 4, 1), AssessmentPeriod.Parse("2026-Q3", PeriodKind.Quarter)!.Previous().First);
        Assert.Equal(DayOfWeek.Monday, AssessmentPeriod.Parse("2026-W43", PeriodKind.Week)!.First.DayOfWeek);
        Assert.Equal(new DateOnly(2025, 1, 1), AssessmentPeriod.Parse("2026", PeriodKind.Year)!.Previous().First);
        Assert.Null(AssessmentPeriod.Parse("2026-13", PeriodKind.Month));
        Assert.Null(AssessmentPeriod.Parse("2026-10", PeriodKind.Quarter));
    }

    [Fact]
    public void Red_and_black_lists_take_the_ends_of_the_ranking_and_thresholds()
    {
        var ranking = Enumerable.Range(1, 6).Select(i => new SubjectScore($"S{i}", $"对象{i}", 100 - i * 10, i, [], [], null, null, null)).ToList();
        var list = HonourList.From(ranking, new HonourRule(Top: 2, Bottom: 1, BlackBelow: 55));
        Assert.Equal(["S1", "S2"], list.Red.Select(s => s.SubjectCode));
        Assert.Equal(["S6", "S5"], list.Black.Select(s => s.SubjectCode));
    }
}
