using System.Globalization;

namespace CivicGrid.Cases;

/// <summary>
/// 案卷号 = report date in Beijing time (yyyyMMdd) + the case id, at least 6 digits: 20261126000123.
/// Derived rather than stored, so numbering needs no counter row that concurrent reports would fight over.
/// </summary>
public static class CaseNumbers
{
    private static readonly TimeZoneInfo China = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static string Format(DateTimeOffset reportedAt, long id) =>
        TimeZoneInfo.ConvertTime(reportedAt, China).ToString("yyyyMMdd", CultureInfo.InvariantCulture) + id.ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>The id inside a case number or a plain id; null when the text is neither.</summary>
    public static long? ParseId(string text)
    {
        if (!text.All(char.IsAsciiDigit) || text.Length == 0 || text.Length > 20)
        {
            return null;
        }

        var digits = text.Length >= 14 ? text[8..] : text;
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;
    }
}
