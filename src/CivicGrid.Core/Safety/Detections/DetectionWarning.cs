namespace CivicGrid.Safety.Detections;

public enum WarningStatus
{
    /// <summary>待处理.</summary>
    New = 1,

    /// <summary>已确认为隐患.</summary>
    HiddenDanger = 2,

    /// <summary>已确认为三违.</summary>
    Violation = 3,

    /// <summary>误报.</summary>
    Dismissed = 4,
}

/// <summary>A warning (预警) raised when a camera's detections passed its rule; a person confirms or dismisses it.</summary>
public sealed class DetectionWarning
{
    public long Id { get; set; }
    public int CameraId { get; set; }
    public int EnterpriseId { get; set; }
    public DetectionType Type { get; set; }

    /// <summary>When the run of detections that led to it began.</summary>
    public DateTimeOffset FirstSeenAt { get; set; }

    /// <summary>The detection that made it pass (persistence reached).</summary>
    public DateTimeOffset RaisedAt { get; set; }

    public double Confidence { get; set; }
    public required string Boxes { get; set; }
    public RuleAction Action { get; set; }

    /// <summary>The stored snapshot (a <see cref="Cases.Attachments.StoredFile"/> id), if the camera sent one.</summary>
    public string? SnapshotFileId { get; set; }

    public WarningStatus Status { get; set; } = WarningStatus.New;
    public int? HiddenDangerId { get; set; }
    public int? ViolationId { get; set; }
    public string? ResolvedBy { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? Note { get; set; }
}

/// <summary>Every detection received, whether or not it became a warning (the rules' evidence and the precision base).</summary>
public sealed class Detection
{
    public long Id { get; set; }
    public int CameraId { get; set; }
    public DetectionType Type { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public double Confidence { get; set; }
    public required string Boxes { get; set; }
    public DetectionVerdict Verdict { get; set; }
    public long? WarningId { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}

public static class WarningStatuses
{
    public static string Code(WarningStatus s) => s switch
    {
        WarningStatus.HiddenDanger => "hidden_danger",
        WarningStatus.Violation => "violation",
        WarningStatus.Dismissed => "dismissed",
        _ => "new",
    };

    public static string Name(WarningStatus s) => s switch
    {
        WarningStatus.HiddenDanger => "已立隐患",
        WarningStatus.Violation => "已定三违",
        WarningStatus.Dismissed => "误报",
        _ => "待处理",
    };

    public static string ActionName(RuleAction a) => a switch
    {
        RuleAction.HiddenDanger => "立隐患",
        RuleAction.ViolationCandidate => "三违候选",
        _ => "仅预警",
    };
}
