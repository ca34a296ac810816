using System.Globalization;

namespace CivicGrid.Standards;

/// <summary>How an inspector observes a standard at a point.</summary>
public enum ObservationKind
{
    /// <summary>是否达标: the item passes or fails.</summary>
    PassFail = 1,

    /// <summary>计数: a count over a distance or time (e.g. 500 米内烟头数); above the threshold fails.</summary>
    Count = 2,

    /// <summary>评分: a score 0–N; below the pass score fails.</summary>
    Score = 3,
}

public static class ObservationKinds
{
    public static string ChineseName(ObservationKind kind) => kind switch
    {
        ObservationKind.Count => "计数",
        ObservationKind.Score => "评分",
        _ => "是否达标",
    };

    public static ObservationKind? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "是否达标" or "达标" or "合格" or "是否" or "passfail" or "pass/fail" => ObservationKind.PassFail,
        "计数" or "数量" or "count" => ObservationKind.Count,
        "评分" or "打分" or "score" => ObservationKind.Score,
        _ => null,
    };
}

/// <summary>
/// The judging rule of a standard: whether an observed value passes and how many of the standard's points it earns.
/// Values: pass/fail 1 or 0; a count of things seen; a score 0–N.
/// </summary>
public sealed record ObservationRule(ObservationKind Kind, int? Threshold = null, int? MaxScore = null, int? PassScore = null)
{
    /// <summary>Share of the top score that passes when no pass score is set.</summary>
    public const double DefaultPassShare = 0.6;

    public int EffectivePassScore => PassScore ?? (int)Math.Ceiling((MaxScore ?? 0) * DefaultPassShare);

    /// <summary>Why the rule is incomplete (in Chinese), empty when it can judge.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        switch (Kind)
        {
            case ObservationKind.Count when Threshold is null or < 0:
                problems.Add("计数类标准须填写阈值（不小于 0 的整数：超过即不达标）。");
                break;
            case ObservationKind.Score when MaxScore is null or < 1 or > 100:
                problems.Add("评分类标准须填写满分（1–100 的整数）。");
                break;
            case ObservationKind.Score when PassScore is < 0 || PassScore > MaxScore:
                problems.Add($"达标分须在 0 到满分 {MaxScore} 之间。");
                break;
        }

        return problems;
    }

    /// <summary>Whether <paramref name="value"/> is something an inspector can record for this rule.</summary>
    public bool Accepts(decimal value) => Kind switch
    {
        ObservationKind.PassFail => value is 0 or 1,
        ObservationKind.Count => value >= 0 && value == decimal.Truncate(value),
        _ => value >= 0 && value <= (MaxScore ?? 0),
    };

    public bool Passes(decimal value) => Kind switch
    {
        ObservationKind.PassFail => value == 1,
        ObservationKind.Count => value <= (Threshold ?? 0),
        _ => value >= EffectivePassScore,
    };

    /// <summary>Points earned out of <paramref name="points"/>: all or nothing, or in proportion to the score.</summary>
    public decimal Earned(decimal points, decimal value) => Kind switch
    {
        ObservationKind.Score when MaxScore is > 0 => Math.Round(points * Math.Clamp(value, 0, MaxScore.Value) / MaxScore.Value, 2),
        _ => Passes(value) ? points : 0,
    };

    /// <summary>How the standard is checked, in plain Chinese, e.g. “计数：500 米内烟头（个）不超过 3”.</summary>
    public string Describe(string? countBasis, string? countSubject) => Kind switch
    {
        ObservationKind.Count => $"计数：{Join(countBasis, countSubject, "数量")}不超过 {Threshold?.ToString(CultureInfo.InvariantCulture) ?? "0"}，超过即不达标",
        ObservationKind.Score => $"评分：0–{MaxScore} 分，{EffectivePassScore} 分及以上为达标",
        _ => "是否达标：逐项核对，不符合即不达标",
    };

    private static string Join(string? basis, string? subject, string fallback) =>
        (basis?.Trim() ?? "") + (string.IsNullOrWhiteSpace(subject) ? fallback : subject.Trim());
}
