namespace CivicGrid.Safety;

/// <summary>One assessment of a hazard: the method's factors, the score and the level the enterprise's bands give it.</summary>
public sealed record RiskAssessment(RiskMethod Method, double Score, RiskLevel Level)
{
    /// <summary>LEC with values from the standard tables; problems in Chinese keyed by field when a value is not in its table.</summary>
    public static RiskAssessment? Lec(double? l, double? e, double? c, RiskBands bands, List<CivicGrid.Platform.Problem> problems)
    {
        Check(l, LecTables.Likelihood, "likelihood", "L（事故发生的可能性）", problems);
        Check(e, LecTables.Exposure, "exposure", "E（暴露于危险环境的频繁程度）", problems);
        Check(c, LecTables.Consequence, "consequence", "C（发生事故产生的后果）", problems);
        if (problems.Count > 0)
        {
            return null;
        }

        var d = LecTables.Score(l!.Value, e!.Value, c!.Value);
        return new RiskAssessment(RiskMethod.Lec, d, bands.LevelOf(RiskMethod.Lec, d));
    }

    /// <summary>5 × 5 matrix: likelihood and severity each 1–5, R = L × S.</summary>
    public static RiskAssessment? Matrix(double? l, int? s, RiskBands bands, List<CivicGrid.Platform.Problem> problems)
    {
        if (l is not { } lv || lv != Math.Floor(lv) || lv is < 1 or > 5)
        {
            problems.Add(new("likelihood", "风险矩阵的可能性 L 须为 1–5 的整数。"));
        }

        if (s is not (>= 1 and <= 5))
        {
            problems.Add(new("severity", "风险矩阵的严重性 S 须为 1–5 的整数。"));
        }

        if (problems.Count > 0)
        {
            return null;
        }

        var r = l!.Value * s!.Value;
        return new RiskAssessment(RiskMethod.Matrix, r, bands.LevelOf(RiskMethod.Matrix, r));
    }

    private static void Check(double? value, IReadOnlyList<LecTables.Choice> table, string field, string label, List<CivicGrid.Platform.Problem> problems)
    {
        if (value is not { } v || !LecTables.IsTableValue(table, v))
        {
            problems.Add(new(field, $"{label}须取标准取值表中的值：" + string.Join("、", table.Select(c => c.Value)) + "。"));
        }
    }
}
