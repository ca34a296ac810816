using CivicGrid.Safety;

namespace CivicGrid.Tests.Safety;

public sealed class ViolationRulesTests
{
    [Fact]
    public void Safe_days_count_from_the_last_incident_or_the_start_date()
    {
        var today = new DateOnly(2026, 9, 30);
        Assert.Equal(29, ViolationRules.SafeDays(today, new DateOnly(2026, 9, 1), new DateOnly(2022, 1, 1)));
        Assert.Equal(365, ViolationRules.SafeDays(today, null, new DateOnly(2025, 9, 30)));
        Assert.Equal(0, ViolationRules.SafeDays(today, null, null));
        Assert.Equal(0, ViolationRules.SafeDays(today, today, null));
    }

    [Fact]
    public void Retraining_is_flagged_when_the_points_reach_the_threshold()
    {
        Assert.False(ViolationRules.NeedsRetraining(11, 12));
        Assert.True(ViolationRules.NeedsRetraining(12, 12));
        Assert.Equal(12, ViolationRules.DefaultPoints(ViolationGrade.VerySerious));
    }

    [Fact]
    public void Rates_are_per_hundred_people()
    {
        Assert.Equal(12.5, ViolationRules.RatePerHundred(5, 40));
        Assert.Equal(0, ViolationRules.RatePerHundred(3, 0));
    }
}
