namespace CivicGrid.Safety;

public static class ViolationRules
{
    public const int DefaultRetrainingPoints = 12;

    public static string TypeName(ViolationType t) => t switch
    {
        ViolationType.Command => "违章指挥",
        ViolationType.Operation => "违章作业",
        _ => "违反劳动纪律",
    };

    public static ViolationType? ParseType(string? text) => text?.Trim() switch
    {
        "违章指挥" or "command" => ViolationType.Command,
        "违章作业" or "operation" => ViolationType.Operation,
        "违反劳动纪律" or "discipline" => ViolationType.Discipline,
        _ => null,
    };

    public static string GradeName(ViolationGrade g) => g switch
    {
        ViolationGrade.General => "一般",
        ViolationGrade.Serious => "严重",
        _ => "特别严重",
    };

    public static ViolationGrade? ParseGrade(string? text) => text?.Trim() switch
    {
        "一般" or "general" => ViolationGrade.General,
        "严重" or "serious" => ViolationGrade.Serious,
        "特别严重" or "very_serious" => ViolationGrade.VerySerious,
        _ => null,
    };

    public static string RetrainingName(RetrainingStatus s) => s switch
    {
        RetrainingStatus.Required => "待培训",
        RetrainingStatus.Trained => "已培训待考试",
        RetrainingStatus.Passed => "考试合格",
        RetrainingStatus.Failed => "考试不合格",
        _ => "无需培训",
    };

    public static RetrainingStatus? ParseRetraining(string? text) => text?.Trim() switch
    {
        "无需培训" or "none" => RetrainingStatus.None,
        "待培训" or "required" => RetrainingStatus.Required,
        "已培训待考试" or "trained" => RetrainingStatus.Trained,
        "考试合格" or "passed" => RetrainingStatus.Passed,
        "考试不合格" or "failed" => RetrainingStatus.Failed,
        _ => null,
    };

    /// <summary>Points when the recorder gives none: 一般 3, 严重 6, 特别严重 12.</summary>
    public static int DefaultPoints(ViolationGrade g) => g switch
    {
        ViolationGrade.General => 3,
        ViolationGrade.Serious => 6,
        _ => 12,
    };

    /// <summary>A person reaching the threshold with his points of the last twelve months is sent to retraining.</summary>
    public static bool NeedsRetraining(int pointsWithinYear, int threshold) => pointsWithinYear >= threshold;

    /// <summary>Days without a recordable incident: from the last one (or the start date) up to today, never negative.</summary>
    public static int SafeDays(DateOnly today, DateOnly? lastIncident, DateOnly? since)
    {
        var from = lastIncident ?? since;
        return from is { } f ? Math.Max(0, today.DayNumber - f.DayNumber) : 0;
    }

    /// <summary>三违 per 100 people (a unit's rate in a period).</summary>
    public static double RatePerHundred(int violations, int people) => people == 0 ? 0 : Math.Round(violations * 100.0 / people, 2);
}
