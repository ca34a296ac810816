using CivicGrid.Safety.Audits;

namespace CivicGrid.Tests.Safety;

public sealed class AuditScoringTests
{
    [Fact]
    public void Sections_score_their_applicable_points_and_the_total_weighs_the_sections()
    {
        var result = AuditScoring.Score(
        [
            new("建筑物及厂房管理", 60, 10, 10),
            new("建筑物及厂房管理", 60, 10, 5),
            new("组织管理", 40, 20, 20),
            new("组织管理", 40, 10, null),
        ]);

        Assert.Equal([75.0m, 100.0m], result.Sections.Select(s => s.Percent));
        Assert.Equal(85.0m, result.TotalPercent);
    }

    [Fact]
    public void A_section_with_nothing_applicable_is_left_out_of_the_total()
    {
        var result = AuditScoring.Score(
        [
            new("事故记录及调查", 10, 30, null),
            new("组织管理", 25, 20, 10),
        ]);

        Assert.Null(result.Sections[0].Percent);
        Assert.Equal(50.0m, result.TotalPercent);
    }

    [Fact]
    public void The_total_is_not_built_from_rounded_section_percentages()
    {
        // 66.667 % and 33.35 % shown as 66.7 and 33.4; their mean is 50.008 → 50.0 (from the rounded ones it would be 50.1).
        var result = AuditScoring.Score([new("A", 1, 3, 2), new("B", 1, 2000, 667)]);
        Assert.Equal([66.7m, 33.4m], result.Sections.Select(s => s.Percent));
        Assert.Equal(50.0m, result.TotalPercent);
    }

    [Theory]
    [InlineData(10, 5.9, true)]
    [InlineData(10, 6, false)]
    [InlineData(10, 0, true)]
    [InlineData(25, 15, false)]
    public void An_element_below_the_fail_line_fails(double weight, double score, bool fails) =>
        Assert.Equal(fails, AuditScoring.Fails((decimal)weight, (decimal)score, 0.6m));

    [Fact]
    public void A_not_applicable_element_never_fails() => Assert.False(AuditScoring.Fails(10, null, 0.6m));

    [Theory]
    [InlineData(94.0, 0.5, 5)]
    [InlineData(91.0, 0.99, 5)]
    [InlineData(94.0, 1.0, 4)]
    [InlineData(94.0, 2.5, 3)]
    [InlineData(90.9, 0.0, 4)]
    [InlineData(75.0, 0.2, 3)]
    [InlineData(61.0, 3.9, 2)]
    [InlineData(55.0, 4.5, 1)]
    [InlineData(50.9, 0.0, 0)]
    [InlineData(99.0, 7.0, 0)]
    public void Star_grade_needs_both_the_percentage_and_an_injury_rate_below_the_row(double percent, double injuryRate, int stars) =>
        Assert.Equal(stars, StarGrading.Grade(StarGrading.Default, (decimal)percent, (decimal)injuryRate));

    [Fact]
    public void A_configured_table_replaces_the_default()
    {
        var options = new AuditOptions { Stars = [new() { Stars = 5, MinPercent = 95, InjuryRateBelow = 0.5m }, new() { Stars = 3, MinPercent = 80, InjuryRateBelow = 2 }] };
        Assert.Equal(3, StarGrading.Grade(options.StarTable, 94, 0.1m));
        Assert.Equal(5, StarGrading.Grade(options.StarTable, 96, 0.1m));
        Assert.Equal(5, StarGrading.Grade(new AuditOptions().StarTable, 94, 0.1m));
        Assert.NotNull(StarGrading.Check([new() { Stars = 6, MinPercent = 95, InjuryRateBelow = 1 }]));
        Assert.Null(StarGrading.Check(StarGrading.Default));
    }
}
