namespace CivicGrid.Cases;

public enum CaseSource
{
    Citizen = 1,
    Hotline = 2,
    Patrol = 3,
    Inspection = 4,
    Duty = 5,
    Ai = 6,
    Proposal = 7,
    Safety = 8,
}

public enum SupervisionCard
{
    None = 0,

    /// <summary>黄牌督办: a configurable share of the time limit has passed.</summary>
    Yellow = 1,

    /// <summary>红牌督办: overdue.</summary>
    Red = 2,
}

public enum Evaluation
{
    Satisfied = 1,
    BasicallySatisfied = 2,
    Dissatisfied = 3,
}

/// <summary>A problem on its way round the loop: report → … → evaluation.</summary>
public sealed class Case
{
    public long Id { get; set; }

    /// <summary>案卷号, derived from the report date and the id (see <see cref="CaseNumbers"/>).</summary>
    public string Number => CaseNumbers.Format(ReportedAt, Id);

    public CaseStatus Status { get; set; }
    public CaseSource Source { get; set; }
    public string? CategoryCode { get; set; }
    public required string DistrictCode { get; set; }

    /// <summary>The grid cell (15 digits) the case lies in; null when it could not be located.</summary>
    public string? RegionCode
    {
        get;
        set
        {
            field = value;
            TownCode = value is { Length: >= TownCodeLength } ? value[..TownCodeLength] : null;
            foreach (var assignment in Assignments)
            {
                assignment.RegionCode = value;
            }
        }
    }

    /// <summary>
    /// The 镇街 (first 9 digits of <see cref="RegionCode"/>), kept with it: a street office's cases are then one index key
    /// rather than a range of cells, so its list comes newest first straight from the index (see CaseQueries.ListAsync).
    /// </summary>
    public string? TownCode { get; private set; }

    internal const int TownCodeLength = 9;

    public required string Description { get; set; }
    public string? Address { get; set; }
    public double? Lon { get; set; }
    public double? Lat { get; set; }

    public Guid? ReporterUserId { get; set; }
    public string? ReporterName { get; set; }
    public string? ReporterPhone { get; set; }
    public string? IdempotencyKey { get; set; }

    /// <summary>Hash of the normalized description: finds a resubmission of the same report (see Intake/ReportDuplicates).</summary>
    public string? ContentHash { get; set; }

    /// <summary>Hash of the client's network address for anonymous resubmissions; the address itself is not kept.</summary>
    public string? ReporterAddressHash { get; set; }

    public DateTimeOffset ReportedAt { get; set; }
    public DateTimeOffset? RegisteredAt { get; set; }
    public DateTimeOffset? DispatchedAt { get; set; }
    public DateTimeOffset? Deadline { get; set; }
    public DateTimeOffset? HandledAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public DateTimeOffset? EvaluatedAt { get; set; }
    public Evaluation? Evaluation { get; set; }

    public int ReworkCount { get; set; }
    public int PostponeCount { get; set; }
    public int ReopenCount { get; set; }
    public SupervisionCard Card { get; set; }
    public long? MergedIntoId { get; set; }

    /// <summary>Jieba-segmented description for full-text search.</summary>
    public string? SearchText { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Bumped on every change; a stale writer gets 409.</summary>
    public int Version { get; set; }

    public List<CaseAssignment> Assignments { get; set; } = [];
}

/// <summary>A unit a case was dispatched to (吹哨): the lead and any co-units, each reporting (报到) on its own.</summary>
public sealed class CaseAssignment
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public int UnitId { get; set; }

    /// <summary>
    /// The case's cell (<see cref="Case.RegionCode"/>), kept with the assignment: a unit's cases outside a caller's areas
    /// are then found from the assignment index alone, without reading every case of the unit (see CaseQueries.ListAsync).
    /// </summary>
    public string? RegionCode { get; set; }

    public bool IsLead { get; set; }
    public int Round { get; set; }
    public DateTimeOffset DispatchedAt { get; set; }
    public DateTimeOffset AcknowledgeBy { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public DateTimeOffset? ReturnedAt { get; set; }
    public string? ReturnReason { get; set; }
    public bool IsActive { get; set; } = true;
}

/// <summary>One append-only step of a case's history, hash-linked to the previous one.</summary>
public sealed class CaseEvent
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public int Sequence { get; set; }
    public CaseAction? Action { get; set; }

    /// <summary>"report" for the first event, otherwise the action name.</summary>
    public required string Kind { get; set; }

    public CaseStatus? FromStatus { get; set; }
    public CaseStatus ToStatus { get; set; }
    public Guid? ActorUserId { get; set; }
    public required string ActorName { get; set; }
    public DateTimeOffset At { get; set; }
    public string? Comment { get; set; }

    /// <summary>Action details (units, evaluation, new deadline…) as JSON.</summary>
    public string? Data { get; set; }

    /// <summary>Attachment content hashes (files live content-addressed in the file store).</summary>
    public string? Attachments { get; set; }

    public bool IsPublic { get; set; } = true;
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";
}
