using System.Globalization;

namespace CivicGrid.Platform.Calendar;

/// <summary>Settings of the working calendar (section <c>CivicGrid:Calendar</c>).</summary>
public sealed class CalendarOptions
{
    public const string Section = "CivicGrid:Calendar";

    /// <summary>IANA time zone of the district; deadlines are counted in its local time.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>Working periods of a working day, e.g. <c>08:30-12:00,13:30-17:30</c>.</summary>
    public string WorkingHours { get; set; } = Calendar.WorkingHours.DefaultText;
}

/// <summary>The working periods of a working day (default 08:30–12:00 and 13:30–17:30), sorted, not overlapping.</summary>
public sealed class WorkingHours
{
    public const string DefaultText = "08:30-12:00,13:30-17:30";

    private WorkingHours(IReadOnlyList<(TimeOnly Start, TimeOnly End)> periods)
    {
        Periods = periods;
        HoursPerDay = periods.Sum(p => (p.End - p.Start).TotalHours);
    }

    public static WorkingHours Default { get; } = Parse(DefaultText);

    public IReadOnlyList<(TimeOnly Start, TimeOnly End)> Periods { get; }

    public double HoursPerDay { get; }

    public TimeOnly DayEnd => Periods[^1].End;

    public override string ToString() =>
        string.Join(",", Periods.Select(p => p.Start.ToString("HH:mm", CultureInfo.InvariantCulture) + "-" + p.End.ToString("HH:mm", CultureInfo.InvariantCulture)));

    /// <exception cref="FormatException">The text is not a list of increasing HH:mm-HH:mm periods.</exception>
    public static WorkingHours Parse(string text)
    {
        var periods = new List<(TimeOnly, TimeOnly)>();
        foreach (var part in text.Split([',', '，', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var ends = part.Split(['-', '–', '~'], StringSplitOptions.TrimEntries);
            if (ends.Length != 2
                || !TimeOnly.TryParseExact(ends[0], "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
                || !TimeOnly.TryParseExact(ends[1], "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end)
                || end <= start
                || (periods.Count > 0 && start < periods[^1].Item2))
            {
                throw new FormatException($"工作时间“{text}”格式不正确，应如 {DefaultText}（按时间先后、互不重叠）。");
            }

            periods.Add((start, end));
        }

        return periods.Count == 0 ? throw new FormatException("工作时间不能为空，应如 " + DefaultText + "。") : new WorkingHours(periods);
    }
}
