namespace CivicGrid.Inspections;

/// <summary>What an inspector recorded for one checklist item.</summary>
public enum ItemOutcome
{
    Pass = 1,
    Fail = 2,

    /// <summary>不适用: left out of the score.</summary>
    NotApplicable = 3,
}

/// <summary>
/// A submitted inspection of a point (督查记录). Immutable once written: a correction is a new record whose
/// <see cref="CorrectsId"/> names the old one. <see cref="SubmissionKey"/> (from the client) makes a repeated submission
/// answer the first record instead of writing another.
/// </summary>
public sealed class Inspection
{
    public long Id { get; set; }
    public required string SubmissionKey { get; set; }
    public long? TaskId { get; set; }
    public int PointId { get; set; }
    public required string PointCode { get; set; }
    public required string PointName { get; set; }
    public required string CategoryCode { get; set; }
    public required string RegionCode { get; set; }
    public int ResponsibleUnitId { get; set; }
    public long? CorrectsId { get; set; }
    public Guid InspectorUserId { get; set; }
    public required string InspectorName { get; set; }
    public double? Lon { get; set; }
    public double? Lat { get; set; }

    /// <summary>Metres between the captured position and the point; null without a position.</summary>
    public double? DistanceMeters { get; set; }

    /// <summary>The position was farther from the point than allowed (a warning, the record is kept).</summary>
    public bool LocationWarning { get; set; }

    public decimal EarnedPoints { get; set; }
    public decimal TotalPoints { get; set; }

    /// <summary>得分率 0–1 over the applicable items.</summary>
    public double ScoreRate { get; set; }

    public int FailedItems { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public List<InspectionItem> Items { get; set; } = [];
}

/// <summary>One checklist line of an inspection, copied from the standard so later edits never rewrite it.</summary>
public sealed class InspectionItem
{
    public long Id { get; set; }
    public long InspectionId { get; set; }
    public required string StandardCode { get; set; }
    public required string Text { get; set; }
    public decimal Points { get; set; }
    public ItemOutcome Outcome { get; set; }

    /// <summary>The recorded value for counts and scores (1/0 for pass/fail).</summary>
    public decimal? Value { get; set; }

    public decimal Earned { get; set; }
    public string? CaseCategoryCode { get; set; }

    /// <summary>Photo file ids (sha-256), comma-separated; at least one for a failure.</summary>
    public string Photos { get; set; } = "";

    public string? Note { get; set; }

    /// <summary>The case the failure became.</summary>
    public long? CaseId { get; set; }

    /// <summary>The 复查 task scheduled after that case closed.</summary>
    public long? ReinspectionTaskId { get; set; }
}
