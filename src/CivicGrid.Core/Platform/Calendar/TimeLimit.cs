namespace CivicGrid.Platform.Calendar;

/// <summary>How a handling time limit is counted on the working calendar.</summary>
public enum TimeLimitUnit
{
    /// <summary>工作时: hours inside the working periods of working days.</summary>
    WorkingHours = 1,

    /// <summary>工作日: whole working days, due at the end of the last one.</summary>
    WorkingDays = 2,
}

/// <summary>A handling time limit (处置时限), e.g. 4 工作时 or 3 工作日.</summary>
public sealed record TimeLimit(int Value, TimeLimitUnit Unit)
{
    public string UnitName => TimeLimitUnits.ChineseName(Unit);

    public override string ToString() => $"{Value} {UnitName}";
}

public static class TimeLimitUnits
{
    public const string HoursName = "工作时";
    public const string DaysName = "工作日";

    /// <summary>Largest accepted limits: a year of working days, or its hours.</summary>
    public const int MaxDays = 250, MaxHours = 2000;

    public static string ChineseName(TimeLimitUnit unit) => unit == TimeLimitUnit.WorkingHours ? HoursName : DaysName;

    /// <summary>Parses 工作时/工作日 (also 小时, 天, hours, days, h, d); null when unknown.</summary>
    public static TimeLimitUnit? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        HoursName or "小时" or "工时" or "hours" or "hour" or "h" or "workinghours" => TimeLimitUnit.WorkingHours,
        DaysName or "天" or "日" or "days" or "day" or "d" or "workingdays" => TimeLimitUnit.WorkingDays,
        _ => null,
    };

    /// <summary>Checks a limit; the Chinese problem, or null when it is fine.</summary>
    public static string? Check(int? value, string? unit)
    {
        var parsed = Parse(unit);
        if (parsed is null)
        {
            return $"时限单位“{unit}”无效，应为“{HoursName}”或“{DaysName}”。";
        }

        var max = parsed == TimeLimitUnit.WorkingHours ? MaxHours : MaxDays;
        return value is null || value < 0 || value > max
            ? $"处置时限应为 0 到 {max} 之间的整数（{ChineseName(parsed.Value)}）。"
            : null;
    }
}
