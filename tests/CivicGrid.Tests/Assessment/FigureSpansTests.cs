using CivicGrid.Assessment.Figures;

namespace CivicGrid.Tests.Assessment;

public sealed class FigureSpansTests
{
    [Fact]
    public void A_calendar_month_is_one_whole_month_and_no_days()
    {
        var s = FigureSpans.Of(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31));
        Assert.Equal((202610, 202610), (s.FirstMonth, s.LastMonth));
        Assert.False(s.HasDays);
    }

    [Fact]
    public void A_month_from_the_19th_is_two_runs_of_days()
    {
        var s = FigureSpans.Of(new DateOnly(2026, 9, 19), new DateOnly(2026, 10, 18));
        Assert.False(s.HasMonths);
        Assert.Equal((20260919, 20261018), (s.HeadFirst, s.HeadLast));
        Assert.True(s.TailFirst > s.TailLast);
    }

    [Fact]
    public void A_quarter_starting_mid_month_keeps_the_days_at_both_ends()
    {
        var s = FigureSpans.Of(new DateOnly(2026, 1, 19), new DateOnly(2026, 4, 18));
        Assert.Equal((202602, 202603), (s.FirstMonth, s.LastMonth));
        Assert.Equal((20260119, 20260131), (s.HeadFirst, s.HeadLast));
        Assert.Equal((20260401, 20260418), (s.TailFirst, s.TailLast));
    }

    [Fact]
    public void Up_to_a_day_is_every_earlier_month_and_this_month_so_far()
    {
        var s = FigureSpans.Of(FigureSpans.Beginning, new DateOnly(2024, 2, 29).AddDays(-1));
        Assert.Equal((200001, 202401), (s.FirstMonth, s.LastMonth));
        Assert.Equal((20240201, 20240228), (s.TailFirst, s.TailLast));
        Assert.True(s.HeadFirst > s.HeadLast);
        Assert.Equal(202402, FigureSpans.Of(FigureSpans.Beginning, new DateOnly(2024, 2, 29)).LastMonth);
    }

    [Fact]
    public void An_empty_range_reads_nothing()
    {
        var s = FigureSpans.Of(new DateOnly(2026, 5, 2), new DateOnly(2026, 5, 1));
        Assert.False(s.HasMonths);
        Assert.False(s.HasDays);
    }
}
