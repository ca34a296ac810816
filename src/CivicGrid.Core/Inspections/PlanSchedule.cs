using CivicGrid.Platform.Calendar;

namespace CivicGrid.Inspections;

/// <summary>
/// When a plan makes tasks, on the working calendar: daily on each working day; weekly on the first working day of
/// the week (due its last); monthly on the first working day of the month (due its last); a campaign once, on the
/// first working day from its start (due its end). Nothing outside the plan's start and end.
/// </summary>
public static class PlanSchedule
{
    /// <summary>The due date of the occurrence that starts on <paramref name="day"/>, or null when none starts that day.</summary>
    public static DateOnly? Occurrence(InspectionPlan plan, DateOnly day, WorkingCalendar calendar)
    {
        if (day < plan.StartDate || (plan.EndDate is { } end && day > end) || !calendar.IsWorkingDay(day))
        {
            return null;
        }

        var (periodStart, periodEnd) = plan.Cadence switch
        {
            PlanCadence.Daily => (day, day),
            PlanCadence.Weekly => (day.AddDays(-(((int)day.DayOfWeek + 6) % 7)), day.AddDays(-(((int)day.DayOfWeek + 6) % 7) + 6)),
            PlanCadence.Monthly => (new DateOnly(day.Year, day.Month, 1), new DateOnly(day.Year, day.Month, 1).AddMonths(1).AddDays(-1)),
            _ => (plan.StartDate, plan.EndDate ?? plan.StartDate),
        };
        if (periodStart < plan.StartDate)
        {
            periodStart = plan.StartDate;
        }

        if (plan.EndDate is { } last && periodEnd > last)
        {
            periodEnd = last;
        }

        if (FirstWorkingDay(periodStart, periodEnd, calendar) != day)
        {
            return null;
        }

        return LastWorkingDay(periodStart, periodEnd, calendar) ?? day;
    }

    /// <summary>The points of one occurrence: every point in scope, or a draw of N per category that is the same each time it is computed.</summary>
    public static IReadOnlyList<T> Draw<T>(InspectionPlan plan, DateOnly day, IReadOnlyList<T> inScope, Func<T, string> category, Func<T, string> code)
    {
        if (plan.SamplePerCategory is not { } n || n <= 0)
        {
            return inScope;
        }

        var random = new Random(unchecked(plan.Id * 1_000_003 + day.DayNumber));
        return inScope.GroupBy(category).OrderBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(g => g.OrderBy(code, StringComparer.Ordinal).OrderBy(_ => random.Next()).Take(n)).ToList();
    }

    private static DateOnly? FirstWorkingDay(DateOnly from, DateOnly to, WorkingCalendar calendar)
    {
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            if (calendar.IsWorkingDay(d))
            {
                return d;
            }
        }

        return null;
    }

    private static DateOnly? LastWorkingDay(DateOnly from, DateOnly to, WorkingCalendar calendar)
    {
        for (var d = to; d >= from; d = d.AddDays(-1))
        {
            if (calendar.IsWorkingDay(d))
            {
                return d;
            }
        }

        return null;
    }
}
