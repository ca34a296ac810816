using System.Globalization;
using System.Text.RegularExpressions;

namespace CivicGrid.Assessment;

public enum PeriodKind
{
    Week = 1,
    Month = 2,
    Quarter = 3,
    Year = 4,
}

public enum SubjectKind
{
    /// <summary>镇街</summary>
    Town = 1,

    /// <summary>村居</summary>
    Community = 2,

    /// <summary>职能部门</summary>
    Department = 3,
}

/// <summary>
/// An assessment period as whole local days [<see cref="FirstDay"/>, <see cref="LastDay"/>] (yyyyMMdd numbers, the
/// keys of the daily figures). A month with a start day other than 1 (e.g. the 19th) is named after the month it
/// ends in: "2026-10" with start day 19 runs from 19 September to 18 October.
/// </summary>
public sealed partial record AssessmentPeriod(string Key, PeriodKind Kind, DateOnly First, DateOnly Last)
{
    public int FirstDay => DayNumber(First);
    public int LastDay => DayNumber(Last);

    public static int DayNumber(DateOnly d) => d.Year * 10000 + d.Month * 100 + d.Day;

    public string ChineseName => Kind switch
    {
        PeriodKind.Week => $"{First:yyyy年M月d日}—{Last:M月d日}",
        PeriodKind.Month when First.Day == 1 => $"{First:yyyy年M月}",
        PeriodKind.Month => $"{Last:yyyy年M月}（{First:M月d日}—{Last:M月d日}）",
        PeriodKind.Quarter => $"{First.Year}年第{(First.Month - 1) / 3 + 1}季度",
        _ => $"{First.Year}年",
    };

    [GeneratedRegex(@"^(\d{4})-(\d{2})$")]
    private static partial Regex MonthPattern();

    [GeneratedRegex(@"^(\d{4})-Q([1-4])$")]
    private static partial Regex QuarterPattern();

    [GeneratedRegex(@"^(\d{4})-W(\d{2})$")]
    private static partial Regex WeekPattern();

    [GeneratedRegex(@"^(\d{4})$")]
    private static partial Regex YearPattern();

    /// <summary>Parses "2026-10", "2026-Q3", "2026-W43" (ISO week) or "2026" for the given kind; null when malformed.</summary>
    public static AssessmentPeriod? Parse(string? text, PeriodKind kind, int monthStartDay = 1)
    {
        text = text?.Trim() ?? "";
        int N(Group g) => int.Parse(g.Value, CultureInfo.InvariantCulture);
        switch (kind)
        {
            case PeriodKind.Month when MonthPattern().Match(text) is { Success: true } m && N(m.Groups[2]) is >= 1 and <= 12 && N(m.Groups[1]) is >= 2000 and <= 2100:
                var month = new DateOnly(N(m.Groups[1]), N(m.Groups[2]), 1);
                var start = Math.Clamp(monthStartDay, 1, 28);
                return start == 1
                    ? new(text, kind, month, month.AddMonths(1).AddDays(-1))
                    : new(text, kind, month.AddMonths(-1).AddDays(start - 1), month.AddDays(start - 2));
            case PeriodKind.Quarter when QuarterPattern().Match(text) is { Success: true } q && N(q.Groups[1]) is >= 2000 and <= 2100:
                var first = new DateOnly(N(q.Groups[1]), (N(q.Groups[2]) - 1) * 3 + 1, 1);
                return new(text, kind, first, first.AddMonths(3).AddDays(-1));
            case PeriodKind.Week when WeekPattern().Match(text) is { Success: true } w && N(w.Groups[2]) is >= 1 and <= 53 && N(w.Groups[1]) is >= 2000 and <= 2100:
                var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(N(w.Groups[1]), N(w.Groups[2]), DayOfWeek.Monday));
                return new(text, kind, monday, monday.AddDays(6));
            case PeriodKind.Year when YearPattern().Match(text) is { Success: true } y && N(y.Groups[1]) is >= 2000 and <= 2100:
                return new(text, kind, new DateOnly(N(y.Groups[1]), 1, 1), new DateOnly(N(y.Groups[1]), 12, 31));
            default:
                return null;
        }
    }

    /// <summary>The period just before this one, for the change in score and rank.</summary>
    public AssessmentPeriod Previous(int monthStartDay = 1) => Kind switch
    {
        PeriodKind.Month => Parse(Last.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture), Kind, monthStartDay)!,
        PeriodKind.Quarter => Parse($"{First.AddMonths(-3).Year}-Q{(First.AddMonths(-3).Month - 1) / 3 + 1}", Kind)!,
        PeriodKind.Week => WeekOf(First.AddDays(-7)),
        _ => Parse((First.Year - 1).ToString(CultureInfo.InvariantCulture), Kind)!,
    };

    private static AssessmentPeriod WeekOf(DateOnly day)
    {
        var dt = day.ToDateTime(TimeOnly.MinValue);
        return Parse($"{ISOWeek.GetYear(dt)}-W{ISOWeek.GetWeekOfYear(dt):00}", PeriodKind.Week)!;
    }
}
