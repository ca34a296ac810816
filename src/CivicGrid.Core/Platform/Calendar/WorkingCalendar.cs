namespace CivicGrid.Platform.Calendar;

/// <summary>Where a day's status comes from.</summary>
public enum DaySource
{
    /// <summary>A plain Monday–Friday.</summary>
    Weekday = 1,

    /// <summary>A plain Saturday or Sunday.</summary>
    Weekend = 2,

    /// <summary>The shipped holiday data (法定节假日 or 调休上班).</summary>
    HolidayData = 3,

    /// <summary>An administrator's correction.</summary>
    Override = 4,
}

public sealed record DayInfo(DateOnly Date, bool IsOffDay, string? Name, DaySource Source)
{
    /// <summary>A make-up workday (调休): a Saturday or Sunday that is worked.</summary>
    public bool IsMakeUpWorkday => !IsOffDay && Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>Chinese label for the console: 工作日, 周末, 国庆节, 国庆节调休上班 …</summary>
    public string Label => (IsOffDay, Name) switch
    {
        (true, { Length: > 0 }) => Name,
        (true, _) => "休息日",
        (false, { Length: > 0 }) when IsMakeUpWorkday => Name + "调休上班",
        (false, { Length: > 0 }) => Name,
        _ when IsMakeUpWorkday => "调休上班",
        _ => "工作日",
    };
}

/// <summary>
/// The Chinese working calendar: weekends and statutory holidays are off, make-up workdays (调休) are on,
/// administrators' overrides win over the shipped data; a year without data falls back to Monday–Friday.
/// All computations happen in the district's local time (Asia/Shanghai).
/// <para>Conventions (the case engine relies on them):</para>
/// <list type="bullet">
/// <item><b>Clock start</b>: a report inside a working period starts the clock at once; otherwise (evening, lunch,
/// weekend, holiday) the clock starts at the beginning of the next working period.</item>
/// <item><b>工作时</b> (<see cref="AddWorkingHours"/>): the limit is consumed only inside working periods of working days;
/// the deadline is the instant it runs out (an exact period end stays on that period end).</item>
/// <item><b>工作日</b> (<see cref="AddWorkingDays"/>): with clock start on working day D, a limit of N is due at the end of the
/// last working period of the N-th working day after D (N = 0: the end of D itself). A report on Monday 10:00 with
/// 1 工作日 is due Tuesday 17:30; a report on Saturday is treated as arriving on Monday 08:30 and is due Tuesday 17:30.</item>
/// <item><see cref="WorkingHoursBetween"/> counts the working time between two instants (negative when b precedes a).</item>
/// </list>
/// </summary>
public sealed class WorkingCalendar
{
    private const int MaxDaysScanned = 3 * 366;
    private readonly HolidayData _data;
    private readonly Dictionary<DateOnly, CalendarOverride> _overrides;

    public WorkingCalendar(HolidayData data, IEnumerable<CalendarOverride> overrides, WorkingHours hours, TimeZoneInfo timeZone)
    {
        _data = data;
        _overrides = overrides.ToDictionary(o => o.Date);
        Hours = hours;
        TimeZone = timeZone;
    }

    /// <summary>The shipped data with the default hours in Asia/Shanghai and no overrides.</summary>
    public static WorkingCalendar Default { get; } = new(HolidayData.Embedded, [], WorkingHours.Default, ChinaTimeZone);

    public static TimeZoneInfo ChinaTimeZone => TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public WorkingHours Hours { get; }

    public TimeZoneInfo TimeZone { get; }

    public IReadOnlyCollection<CalendarOverride> Overrides => _overrides.Values;

    public DayInfo Day(DateOnly date)
    {
        if (_overrides.TryGetValue(date, out var o))
        {
            return new DayInfo(date, o.IsOffDay, o.Name, DaySource.Override);
        }

        if (_data.Days.TryGetValue(date, out var h))
        {
            return new DayInfo(date, h.IsOffDay, h.Name, DaySource.HolidayData);
        }

        return date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday
            ? new DayInfo(date, true, null, DaySource.Weekend)
            : new DayInfo(date, false, null, DaySource.Weekday);
    }

    public bool IsWorkingDay(DateOnly date) => !Day(date).IsOffDay;

    /// <summary>True when no holiday data exists for the year, so only Monday–Friday (and overrides) apply.</summary>
    public bool IsFallbackYear(int year) => !_data.Years.Contains(year);

    /// <summary>The Chinese warning for a fallback year, or null.</summary>
    public string? WarningFor(int year)
    {
        if (!IsFallbackYear(year))
        {
            return null;
        }

        var manual = _overrides.Keys.Count(d => d.Year == year);
        return $"{year} 年尚无法定节假日数据，期限暂按周一至周五上班、周六周日休息计算"
            + (manual > 0 ? $"（已人工录入 {manual} 天）" : "")
            + "。请管理员在“工作日历”中补录该年的节假日和调休安排。";
    }

    /// <summary>Warnings for the console: the current and the next year (deadlines cross into it in December).</summary>
    public IReadOnlyList<string> Warnings(DateTimeOffset now)
    {
        var year = LocalDate(now).Year;
        return new[] { year, year + 1 }.Select(WarningFor).OfType<string>().ToList();
    }

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone);

    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    /// <summary>The instant at a local date and time of the district.</summary>
    public DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time);
        return new DateTimeOffset(local, TimeZone.GetUtcOffset(local));
    }

    /// <summary>The first working instant at or after <paramref name="instant"/>.</summary>
    public DateTimeOffset ClockStart(DateTimeOffset instant) => AddWorkingHours(instant, 0);

    /// <summary>Adds working hours (工作时) to an instant; see the class remarks for the convention.</summary>
    public DateTimeOffset AddWorkingHours(DateTimeOffset start, double hours)
    {
        if (double.IsNaN(hours) || double.IsInfinity(hours) || hours < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(hours), "工作时数必须是非负数。");
        }

        var remaining = TimeSpan.FromHours(hours);
        var date = LocalDate(start);
        for (var i = 0; i < MaxDaysScanned; i++, date = date.AddDays(1))
        {
            if (!IsWorkingDay(date))
            {
                continue;
            }

            foreach (var (ps, pe) in Hours.Periods)
            {
                var periodEnd = At(date, pe);
                if (periodEnd <= start)
                {
                    continue;
                }

                var from = Max(At(date, ps), start);
                var available = periodEnd - from;
                if (remaining <= available)
                {
                    return ToLocal(from + remaining);
                }

                remaining -= available;
            }
        }

        throw new InvalidOperationException("期限超出可计算范围（三年内没有足够的工作时间），请检查工作日历。");
    }

    /// <summary>Adds working days (工作日): the end of the N-th working day after the clock-start day.</summary>
    public DateTimeOffset AddWorkingDays(DateTimeOffset start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var date = LocalDate(ClockStart(start));
        for (var counted = 0; counted < days;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                counted++;
            }
        }

        return At(date, Hours.DayEnd);
    }

    /// <summary>The deadline of a handling time limit started at <paramref name="start"/>.</summary>
    public DateTimeOffset Deadline(DateTimeOffset start, TimeLimit limit) => limit.Unit == TimeLimitUnit.WorkingHours
        ? AddWorkingHours(start, limit.Value)
        : AddWorkingDays(start, limit.Value);

    /// <summary>Working hours between two instants (for on-time figures); negative when <paramref name="b"/> precedes <paramref name="a"/>.</summary>
    public double WorkingHoursBetween(DateTimeOffset a, DateTimeOffset b)
    {
        if (b < a)
        {
            return -WorkingHoursBetween(b, a);
        }

        var total = TimeSpan.Zero;
        var last = LocalDate(b);
        for (var date = LocalDate(a); date <= last; date = date.AddDays(1))
        {
            if (!IsWorkingDay(date))
            {
                continue;
            }

            foreach (var (ps, pe) in Hours.Periods)
            {
                var from = Max(At(date, ps), a);
                var to = Min(At(date, pe), b);
                if (to > from)
                {
                    total += to - from;
                }
            }
        }

        return total.TotalHours;
    }

    private static DateTimeOffset Max(DateTimeOffset x, DateTimeOffset y) => x >= y ? x : y;

    private static DateTimeOffset Min(DateTimeOffset x, DateTimeOffset y) => x <= y ? x : y;
}
