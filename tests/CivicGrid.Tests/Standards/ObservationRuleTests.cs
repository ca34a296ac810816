using CivicGrid.Standards;

namespace CivicGrid.Tests.Standards;

public sealed class ObservationRuleTests
{
    [Fact]
    public void Pass_fail_earns_all_or_nothing()
    {
        var rule = new ObservationRule(ObservationKind.PassFail);
        Assert.True(rule.Passes(1));
        Assert.False(rule.Passes(0));
        Assert.Equal(2m, rule.Earned(2, 1));
        Assert.Equal(0m, rule.Earned(2, 0));
        Assert.False(rule.Accepts(2));
        Assert.Empty(rule.Problems());
    }

    [Fact]
    public void A_count_above_the_threshold_fails()
    {
        var rule = new ObservationRule(ObservationKind.Count, Threshold: 5);
        Assert.True(rule.Passes(5));
        Assert.False(rule.Passes(6));
        Assert.Equal(0m, rule.Earned(2, 6));
        Assert.False(rule.Accepts(2.5m));
        Assert.False(rule.Accepts(-1));
        Assert.Equal("计数：500 米内烟头（个）不超过 5，超过即不达标", rule.Describe("500 米内", "烟头（个）"));
        Assert.NotEmpty(new ObservationRule(ObservationKind.Count).Problems());
    }

    [Fact]
    public void A_score_earns_in_proportion_and_passes_from_60_percent_by_default()
    {
        var rule = new ObservationRule(ObservationKind.Score, MaxScore: 5);
        Assert.Equal(3, rule.EffectivePassScore);
        Assert.True(rule.Passes(3));
        Assert.False(rule.Passes(2));
        Assert.Equal(1.2m, rule.Earned(3, 2));
        Assert.Equal(3m, rule.Earned(3, 9));
        Assert.False(rule.Accepts(6));
        Assert.Equal(5, (rule with { PassScore = 5 }).EffectivePassScore);
        Assert.NotEmpty((rule with { PassScore = 6 }).Problems());
        Assert.NotEmpty(new ObservationRule(ObservationKind.Score).Problems());
    }

    [Fact]
    public void A_street_is_located_at_the_middle_of_its_length()
    {
        var shape = PointGeometry.Build(PointShape.Line, null, null, "116.50,40.10;116.52,40.10；116.52,40.12", out var problem);
        Assert.Null(problem);
        Assert.Equal(116.52, shape!.Lon, 6);
        Assert.Equal(40.10, shape.Lat, 6);
        Assert.Equal("116.5,40.1;116.52,40.1;116.52,40.12", PointGeometry.LineText(shape.Geometry.AsBinary()));
        Assert.Null(PointGeometry.Build(PointShape.Line, null, null, null, out problem));
        Assert.Contains("线路坐标", problem);
        Assert.Null(PointGeometry.Build(PointShape.Point, 200, 40, null, out problem));
        Assert.Contains("超出范围", problem);
    }
}
