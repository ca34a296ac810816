using System.Globalization;
using System.Text.RegularExpressions;

namespace CivicGrid.Platform.Calendar;

/// <summary>Instants typed into query strings: a W3C (ISO 8601) date or date-time, read in Beijing time unless an offset is given.</summary>
public static partial class InstantText
{
    private static readonly TimeZoneInfo China = WorkingCalendar.ChinaTimeZone;

    /// <summary>
    /// Parses a W3C date or date-time. A plain date is a Beijing day: its start, or with <paramref name="endOfDay"/>
    /// its last instant. A date-time without offset is Beijing time. A '+' that a client forgot to URL-encode
    /// arrives as a space and is put back.
    /// </summary>
    public static DateTimeOffset? Parse(string? text, bool endOfDay = false)
    {
        var s = text?.Trim();
        if (string.IsNullOrEmpty(s) || s.Length > 40)
        {
            return null;
        }

        s = UnencodedPlus().Replace(s, "$1+$2");
        if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), China.GetUtcOffset(day.ToDateTime(TimeOnly.MinValue)));
            return endOfDay ? start.AddDays(1).AddTicks(-1) : start;
        }

        if (!DateTimeLike().IsMatch(s))
        {
            return null;
        }

        if (HasOffset().IsMatch(s))
        {
            return DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null;
        }

        return DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), China.GetUtcOffset(local))
            : null;
    }

    [GeneratedRegex(@"^(.*T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?) (\d{2}:?\d{2})$")]
    private static partial Regex UnencodedPlus();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:?\d{2})?$")]
    private static partial Regex DateTimeLike();

    [GeneratedRegex(@"(Z|[+-]\d{2}:?\d{2})$")]
    private static partial Regex HasOffset();
}
