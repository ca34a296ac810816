using System.Text.Json;

namespace CivicGrid.Platform.Calendar;

/// <summary>One day of the holiday data: a statutory holiday (off) or a make-up workday (调休, on).</summary>
public sealed record HolidayEntry(DateOnly Date, bool IsOffDay, string Name);

/// <summary>
/// The Chinese statutory holidays and make-up workdays of the years that ship with the platform,
/// from holiday-cn (https://github.com/NateScarlet/holiday-cn, MIT licence, see HolidayData/LICENSE),
/// embedded in the assembly: one <c>YYYY.json</c> a year with <c>days[]</c> of <c>date</c>, <c>name</c>, <c>isOffDay</c>.
/// </summary>
public sealed class HolidayData
{
    private const string Prefix = "CivicGrid.HolidayData.";

    public HolidayData(IEnumerable<HolidayEntry> days, IEnumerable<int> years)
    {
        Days = days.ToDictionary(d => d.Date);
        Years = years.ToHashSet();
    }

    public IReadOnlyDictionary<DateOnly, HolidayEntry> Days { get; }

    /// <summary>
    /// Years for which data is present (other years fall back to Monday–Friday). A year file with no days
    /// (holiday-cn publishes an empty <c>days</c> list until the State Council announces the year) does not count.
    /// </summary>
    public IReadOnlySet<int> Years { get; }

    public static HolidayData Empty { get; } = new([], []);

    private static readonly Lazy<HolidayData> EmbeddedData = new(LoadEmbedded);

    /// <summary>The data embedded in the assembly (2023–2026 at the time of writing; 2027 is not announced yet).</summary>
    public static HolidayData Embedded => EmbeddedData.Value;

    /// <summary>The licence text of the embedded holiday data.</summary>
    public static string License()
    {
        using var stream = typeof(HolidayData).Assembly.GetManifestResourceStream(Prefix + "LICENSE");
        using var reader = new StreamReader(stream!);
        return reader.ReadToEnd();
    }

    /// <summary>Parses one holiday-cn year file.</summary>
    public static (int Year, List<HolidayEntry> Days) ParseYear(Stream json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var year = root.GetProperty("year").GetInt32();
        var days = root.GetProperty("days").EnumerateArray().Select(d => new HolidayEntry(
            DateOnly.ParseExact(d.GetProperty("date").GetString()!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            d.GetProperty("isOffDay").GetBoolean(),
            d.TryGetProperty("name", out var n) ? n.GetString() ?? "" : "")).ToList();
        return (year, days);
    }

    private static HolidayData LoadEmbedded()
    {
        var assembly = typeof(HolidayData).Assembly;
        var years = new List<int>();
        var days = new List<HolidayEntry>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)).Order())
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var (year, yearDays) = ParseYear(stream);
            if (yearDays.Count > 0)
            {
                years.Add(year);
                days.AddRange(yearDays);
            }
        }

        return new HolidayData(days, years);
    }
}
