namespace CivicGrid.Platform.Calendar;

public sealed record CalendarDayView(DateOnly Date, string Weekday, bool IsOffDay, string? Name, string Label, string Source,
    string? UpdatedBy, DateTimeOffset? UpdatedAt);

public sealed record CalendarYearView(int Year, bool IsFallback, string? Warning, IReadOnlyList<string> Warnings,
    string TimeZone, string WorkingHours, IReadOnlyList<CalendarDayView> Days);

public sealed record DeadlinePreview(DateTimeOffset Start, DateTimeOffset ClockStart, int Value, string Unit, DateTimeOffset Deadline,
    double WorkingHours, IReadOnlyList<string> Warnings);

/// <summary>Read side of the calendar for the console and the API.</summary>
public sealed class CalendarQueries(WorkingCalendarProvider calendars, TimeProvider clock)
{
    private static readonly string[] Weekdays = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];

    public async Task<CalendarYearView> YearAsync(int year, CancellationToken ct = default)
    {
        var calendar = await calendars.GetAsync(ct);
        var overrides = calendar.Overrides.ToDictionary(o => o.Date);
        var days = new List<CalendarDayView>();
        for (var d = new DateOnly(year, 1, 1); d.Year == year; d = d.AddDays(1))
        {
            var info = calendar.Day(d);
            overrides.TryGetValue(d, out var o);
            days.Add(new CalendarDayView(d, Weekdays[(int)d.DayOfWeek], info.IsOffDay, info.Name, info.Label, SourceName(info.Source), o?.UpdatedBy, o?.UpdatedAt));
        }

        return new CalendarYearView(year, calendar.IsFallbackYear(year), calendar.WarningFor(year), calendar.Warnings(clock.GetUtcNow()),
            calendar.TimeZone.Id, calendar.Hours.ToString(), days);
    }

    public async Task<DeadlinePreview> DeadlineAsync(DateTimeOffset? start, TimeLimit limit, CancellationToken ct = default)
    {
        var calendar = await calendars.GetAsync(ct);
        var from = calendar.ToLocal(start ?? clock.GetUtcNow());
        var deadline = calendar.Deadline(from, limit);
        var years = Enumerable.Range(calendar.LocalDate(from).Year, calendar.LocalDate(deadline).Year - calendar.LocalDate(from).Year + 1);
        return new DeadlinePreview(from, calendar.ClockStart(from), limit.Value, limit.UnitName, deadline,
            Math.Round(calendar.WorkingHoursBetween(from, deadline), 2), years.Select(calendar.WarningFor).OfType<string>().ToList());
    }

    public static string SourceName(DaySource source) => source switch
    {
        DaySource.Override => "人工调整",
        DaySource.HolidayData => "节假日数据",
        DaySource.Weekend => "周末",
        _ => "工作日",
    };
}
