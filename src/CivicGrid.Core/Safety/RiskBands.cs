namespace CivicGrid.Safety;

/// <summary>
/// Where an enterprise draws the lines between the four levels. LEC: a score above <see cref="LecMajorAbove"/> is 重大,
/// above <see cref="LecLargeAbove"/> 较大, above <see cref="LecGeneralAbove"/> 一般, the rest 低 (defaults 320/160/70:
/// the two lowest classic bands are both 低). Matrix: R from <see cref="MatrixMajorFrom"/> is 重大 and so on (defaults 20/15/9).
/// </summary>
public sealed record RiskBands(
    double LecMajorAbove = 320, double LecLargeAbove = 160, double LecGeneralAbove = 70,
    int MatrixMajorFrom = 20, int MatrixLargeFrom = 15, int MatrixGeneralFrom = 9)
{
    public static RiskBands Default { get; } = new();

    public RiskLevel LevelOf(RiskMethod method, double score) => method == RiskMethod.Lec
        ? score > LecMajorAbove ? RiskLevel.Major : score > LecLargeAbove ? RiskLevel.Large : score > LecGeneralAbove ? RiskLevel.General : RiskLevel.Low
        : score >= MatrixMajorFrom ? RiskLevel.Major : score >= MatrixLargeFrom ? RiskLevel.Large : score >= MatrixGeneralFrom ? RiskLevel.General : RiskLevel.Low;

    /// <summary>Why these bands cannot be used, or null: each line must lie above the next and within the method's range.</summary>
    public string? Problem() =>
        !(LecMajorAbove > LecLargeAbove && LecLargeAbove > LecGeneralAbove && LecGeneralAbove > 0)
            ? "LEC 分级界限须满足：重大 > 较大 > 一般 > 0。"
            : !(MatrixMajorFrom > MatrixLargeFrom && MatrixLargeFrom > MatrixGeneralFrom && MatrixGeneralFrom > 1 && MatrixMajorFrom <= 25)
                ? "风险矩阵分级界限须满足：25 ≥ 重大 > 较大 > 一般 > 1。"
                : null;
}
