using System.Globalization;
using CivicGrid.Platform.Calendar;

namespace CivicGrid.Open311;

/// <summary>Open311 date-times: W3C ISO 8601 with the Beijing offset out, any offset (or a plain date) in.</summary>
public static class Open311Time
{
    private static readonly TimeZoneInfo China = WorkingCalendar.ChinaTimeZone;

    public static string Format(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, China).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string FormatLocal(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, China).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A W3C date or date-time as Open311 clients send it; see <see cref="InstantText.Parse"/>.</summary>
    public static DateTimeOffset? Parse(string? text, bool endOfDay = false) => InstantText.Parse(text, endOfDay);
}
