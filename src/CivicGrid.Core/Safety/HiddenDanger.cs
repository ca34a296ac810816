namespace CivicGrid.Safety;

public enum HiddenDangerGrade
{
    /// <summary>一般隐患.</summary>
    General = 1,

    /// <summary>重大隐患.</summary>
    Major = 2,
}

/// <summary>
/// A hidden danger (隐患) of an enterprise: the safety side of a case of source <c>safety</c>. A 重大 one needs its
/// 五落实 before it may be dispatched; any one needs an effect evaluation and acceptance (验收销号) before it closes.
/// </summary>
public sealed class HiddenDanger
{
    public int Id { get; set; }
    public long CaseId { get; set; }
    public int EnterpriseId { get; set; }
    public int? AreaId { get; set; }
    public int? HazardId { get; set; }
    public HiddenDangerGrade Grade { get; set; }
    public required string Description { get; set; }

    // 五落实: responsibility, measures, funds, deadline, contingency plan.
    public string? ResponsiblePerson { get; set; }
    public string? Measures { get; set; }
    public decimal? Funds { get; set; }
    public DateOnly? RectifyBy { get; set; }
    public string? ContingencyPlan { get; set; }

    public string? EffectEvaluation { get; set; }
    public string? AcceptedBy { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public DateTimeOffset ReportedAt { get; set; }
}

public static class HiddenDangerRules
{
    public static string GradeName(HiddenDangerGrade grade) => grade == HiddenDangerGrade.Major ? "重大" : "一般";

    public static HiddenDangerGrade? ParseGrade(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "重大" or "重大隐患" or "major" => HiddenDangerGrade.Major,
        "一般" or "一般隐患" or "general" => HiddenDangerGrade.General,
        _ => null,
    };

    /// <summary>The parts of 五落实 still missing, in Chinese (empty when all five are filled).</summary>
    public static IReadOnlyList<string> MissingFiveImplementations(HiddenDanger d)
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(d.ResponsiblePerson))
        {
            missing.Add("责任");
        }

        if (string.IsNullOrWhiteSpace(d.Measures))
        {
            missing.Add("措施");
        }

        if (d.Funds is null)
        {
            missing.Add("资金");
        }

        if (d.RectifyBy is null)
        {
            missing.Add("时限");
        }

        if (string.IsNullOrWhiteSpace(d.ContingencyPlan))
        {
            missing.Add("预案");
        }

        return missing;
    }

    /// <summary>Why the hidden danger may not be dispatched yet, or null.</summary>
    public static string? DispatchRefusal(HiddenDanger d)
    {
        if (d.Grade != HiddenDangerGrade.Major)
        {
            return null;
        }

        var missing = MissingFiveImplementations(d);
        return missing.Count == 0 ? null : "重大隐患须先落实“五落实”才能派遣，尚缺：" + string.Join("、", missing) + "。";
    }

    /// <summary>Why the hidden danger may not be closed yet (验收销号), or null.</summary>
    public static string? CloseRefusal(HiddenDanger d) =>
        d.AcceptedAt is null || string.IsNullOrWhiteSpace(d.EffectEvaluation)
            ? "隐患须完成整改效果评价和验收（验收销号）后才能结案。"
            : null;
}
