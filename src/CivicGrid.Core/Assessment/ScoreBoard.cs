namespace CivicGrid.Assessment;

/// <summary>One subject's result: score, rank, the scheme's indicators (rates 0–1), other figures, and the change from the previous period.</summary>
public sealed record SubjectScore(
    string SubjectCode, string SubjectName, double Score, int Rank, Dictionary<string, double?> Indicators, Dictionary<string, double?> Figures,
    double? PreviousScore, int? PreviousRank, int? RankChange);

/// <summary>A ranking of one scheme over one period, computed live or read from a published run.</summary>
public sealed record ScoreBoard(
    string Period, string PeriodName, string SubjectKind, int SchemeId, string SchemeName, IReadOnlyList<SubjectScore> Items,
    long? RunId = null, DateTimeOffset? PublishedAt = null, string? PublishedBy = null);

/// <summary>A computed ranking, kept; once published it is frozen and answers for its scheme and period.</summary>
public sealed class AssessmentRun
{
    public long Id { get; set; }
    public int SchemeId { get; set; }
    public required string PeriodKey { get; set; }
    public required string DistrictCode { get; set; }
    public DateTimeOffset ComputedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public string? PublishedBy { get; set; }

    /// <summary>The whole <see cref="ScoreBoard"/> as JSON, exactly as it was computed.</summary>
    public required string BoardJson { get; set; }
}
