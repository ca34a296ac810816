using System.Globalization;
using System.Text.Json;
using CivicGrid.Cases;
using CivicGrid.Platform.Calendar;

namespace CivicGrid.Web.Components.Cases;

/// <summary>Console wording: Beijing time, remaining working time, tag colours.</summary>
public static class CaseTexts
{
    private static readonly TimeZoneInfo Beijing = WorkingCalendar.ChinaTimeZone;

    /// <summary>2026-11-26 16:05 (北京时间).</summary>
    public static string Time(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Beijing).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset? instant) => instant is { } i ? Time(i) : "—";

    /// <summary>“剩余 2 个工作日 3.5 工作时” or “已超期 1.5 工作时”, counted on the working calendar.</summary>
    public static string Remaining(WorkingCalendar calendar, DateTimeOffset now, DateTimeOffset deadline)
    {
        var overdue = deadline < now;
        var hours = overdue ? calendar.WorkingHoursBetween(deadline, now) : calendar.WorkingHoursBetween(now, deadline);
        var text = Span(hours, calendar.Hours.HoursPerDay);
        return overdue ? (hours < 0.05 ? "已超期" : "已超期 " + text) : (hours < 0.05 ? "即将到期" : "剩余 " + text);
    }

    private static string Span(double hours, double perDay)
    {
        if (perDay <= 0 || hours < perDay)
        {
            return Hours(hours) + " 工作时";
        }

        var days = (int)Math.Floor(hours / perDay);
        var rest = hours - (days * perDay);
        return rest < 0.05 ? $"{days} 个工作日" : $"{days} 个工作日 {Hours(rest)} 工作时";
    }

    private static string Hours(double hours) => Math.Round(hours, 1).ToString("0.#", CultureInfo.InvariantCulture);

    public static string StatusColor(string status) => Enum.TryParse<CaseStatus>(status, out var s) ? s switch
    {
        CaseStatus.Reported => "blue",
        CaseStatus.Registered or CaseStatus.Returned => "orange",
        CaseStatus.Dispatched => "gold",
        CaseStatus.Acknowledged or CaseStatus.Postponed => "cyan",
        CaseStatus.Rework => "volcano",
        CaseStatus.Handled or CaseStatus.Verified => "geekblue",
        CaseStatus.Closed or CaseStatus.Evaluated => "green",
        CaseStatus.Suspended => "purple",
        _ => "default",
    } : "default";

    /// <summary>The stored attachment list: a JSON array of strings (ids or hashes), or a comma-separated list.</summary>
    public static IReadOnlyList<string> ParseAttachments(string stored)
    {
        var text = stored.Trim();
        if (text.StartsWith('['))
        {
            try
            {
                using var doc = JsonDocument.Parse(text);
                return doc.RootElement.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.ToString())
                    .Where(s => s.Length > 0).ToList();
            }
            catch (JsonException)
            {
                return [];
            }
        }

        return text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>The 320 px thumbnail of an uploaded photo.</summary>
    public static string ThumbnailUrl(string reference) => FileUrl(reference) + "/thumbnail";

    /// <summary>Where the console loads an attachment from (the file API of CONTRACT.md).</summary>
    public static string FileUrl(string reference) =>
        reference.StartsWith('/') || reference.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? reference : "/api/v1/files/" + Uri.EscapeDataString(reference);
}
