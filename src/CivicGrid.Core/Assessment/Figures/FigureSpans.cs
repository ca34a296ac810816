namespace CivicGrid.Assessment.Figures;

/// <summary>
/// A day range cut into the whole months inside it, read from the monthly roll-up, and the days left over at either
/// end (yyyyMMdd, an empty range is [1, 0]), read from the daily figures.
/// </summary>
public readonly record struct FigureSpans(int FirstMonth, int LastMonth, int HeadFirst, int HeadLast, int TailFirst, int TailLast)
{
    /// <summary>Early enough for "every day up to": the platform holds no figures before it.</summary>
    public static readonly DateOnly Beginning = new(2000, 1, 1);

    public bool HasMonths => FirstMonth <= LastMonth;
    public bool HasDays => HeadFirst <= HeadLast || TailFirst <= TailLast;

    public static FigureSpans Of(DateOnly first, DateOnly last)
    {
        if (first > last)
        {
            return new FigureSpans(1, 0, 1, 0, 1, 0);
        }

        var firstWhole = first.Day == 1 ? first : new DateOnly(first.Year, first.Month, 1).AddMonths(1);
        var lastWhole = last.AddDays(1).Day == 1 ? last : new DateOnly(last.Year, last.Month, 1).AddDays(-1);
        if (firstWhole > lastWhole)
        {
            return new FigureSpans(1, 0, AssessmentPeriod.DayNumber(first), AssessmentPeriod.DayNumber(last), 1, 0);
        }

        return new FigureSpans(MonthNumber(firstWhole), MonthNumber(lastWhole),
            first < firstWhole ? AssessmentPeriod.DayNumber(first) : 1, first < firstWhole ? AssessmentPeriod.DayNumber(firstWhole.AddDays(-1)) : 0,
            lastWhole < last ? AssessmentPeriod.DayNumber(lastWhole.AddDays(1)) : 1, lastWhole < last ? AssessmentPeriod.DayNumber(last) : 0);
    }

    public static int MonthNumber(DateOnly d) => (d.Year * 100) + d.Month;
}
