using System.Globalization;
using CivicGrid.Accounts;
using CivicGrid.Platform.Calendar;

namespace CivicGrid.Web.Platform;

public static class CalendarApi
{
    public static void MapCalendarApi(this RouteGroupBuilder api)
    {
        var calendar = api.MapGroup("/calendar").RequireAuthorization().WithTags("工作日历");
        calendar.MapGet("/", Year).WithSummary("某年的工作日历（每天是否休息、名称；无数据年份按周一至周五并给出提示）");
        calendar.MapPut("/days/{date}", Save).WithSummary("调整某天：休息或上班（系统管理员）");
        calendar.MapDelete("/days/{date}", Remove).WithSummary("撤销对某天的人工调整（系统管理员）");
        calendar.MapGet("/deadline", Deadline).WithSummary("期限预览：从 start 起算 value 个工作时/工作日的截止时间");
    }

    private static async Task<IResult> Year(string? year, CalendarQueries queries, WorkingCalendarProvider calendars, TimeProvider clock, CancellationToken ct)
    {
        int y;
        if (string.IsNullOrWhiteSpace(year))
        {
            y = (await calendars.GetAsync(ct)).LocalDate(clock.GetUtcNow()).Year;
        }
        else if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out y) || y is < SaveCalendarDay.MinYear or > SaveCalendarDay.MaxYear)
        {
            return Problems.BadRequest($"年份“{year}”无效，应为 {SaveCalendarDay.MinYear} 到 {SaveCalendarDay.MaxYear} 之间的四位数字。");
        }

        return TypedResults.Ok(await queries.YearAsync(y, ct));
    }

    private static async Task<IResult> Save(string date, SaveCalendarDayRequest request, SaveCalendarDay handler, AccessScope scope, CancellationToken ct)
    {
        if (!scope.IsAdmin)
        {
            return Problems.Forbidden("只有系统管理员可以调整工作日历。");
        }

        return ParseDate(date) is { } d
            ? (await handler.HandleAsync(scope, d, request, ct)).ToHttp(DayDto)
            : Problems.BadRequest($"日期“{date}”格式不正确，应为 yyyy-MM-dd，如 2026-10-10。");
    }

    private static async Task<IResult> Remove(string date, SaveCalendarDay handler, AccessScope scope, CancellationToken ct)
    {
        if (!scope.IsAdmin)
        {
            return Problems.Forbidden("只有系统管理员可以调整工作日历。");
        }

        return ParseDate(date) is { } d
            ? (await handler.RemoveAsync(scope, d, ct)).ToHttp(DayDto)
            : Problems.BadRequest($"日期“{date}”格式不正确，应为 yyyy-MM-dd，如 2026-10-10。");
    }

    private static async Task<IResult> Deadline(string? start, string? value, string? unit, CalendarQueries queries, CancellationToken ct)
    {
        DateTimeOffset? from = null;
        if (!string.IsNullOrWhiteSpace(start))
        {
            if (!DateTimeOffset.TryParse(start, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed) || !HasOffset(start))
            {
                return Problems.BadRequest($"起算时间“{start}”格式不正确，应为带时区的 ISO 8601 时间，如 2026-09-30T10:00:00+08:00。");
            }

            from = parsed;
        }

        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return Problems.BadRequest($"时限数值“{value}”无效，应为非负整数。");
        }

        if (TimeLimitUnits.Check(n, unit) is { } problem)
        {
            return Problems.BadRequest(problem);
        }

        var preview = await queries.DeadlineAsync(from, new TimeLimit(n, TimeLimitUnits.Parse(unit)!.Value), ct);
        return TypedResults.Ok(preview);
    }

    private static object DayDto(DayInfo d) => new
    {
        date = d.Date,
        d.IsOffDay,
        d.Name,
        d.Label,
        source = CalendarQueries.SourceName(d.Source),
    };

    private static DateOnly? ParseDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>A local time without offset would be read in the server's zone; demand Z or ±hh:mm.</summary>
    private static bool HasOffset(string text)
    {
        var t = text.Trim();
        var timePart = t.Contains('T', StringComparison.Ordinal) ? t[(t.IndexOf('T', StringComparison.Ordinal) + 1)..] : t.Length > 10 ? t[10..] : "";
        return t.EndsWith('Z') || t.EndsWith('z') || timePart.Contains('+', StringComparison.Ordinal) || timePart.Contains('-', StringComparison.Ordinal);
    }
}
