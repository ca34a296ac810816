namespace CivicGrid.Safety;

public enum ViolationType
{
    /// <summary>违章指挥.</summary>
    Command = 1,

    /// <summary>违章作业.</summary>
    Operation = 2,

    /// <summary>违反劳动纪律.</summary>
    Discipline = 3,
}

public enum ViolationGrade
{
    General = 1,
    Serious = 2,
    VerySerious = 3,
}

public enum RetrainingStatus
{
    /// <summary>无需培训.</summary>
    None = 0,

    /// <summary>待培训.</summary>
    Required = 1,

    /// <summary>已培训待考试.</summary>
    Trained = 2,

    /// <summary>考试合格.</summary>
    Passed = 3,

    /// <summary>考试不合格.</summary>
    Failed = 4,
}

/// <summary>A 三违 record: who broke which rule, where and when, who found it, and what followed.</summary>
public sealed class Violation
{
    public int Id { get; set; }
    public int EnterpriseId { get; set; }
    public int PersonId { get; set; }

    /// <summary>The person's unit at the time (the enterprise or one of its teams).</summary>
    public int UnitId { get; set; }

    public int? AreaId { get; set; }
    public string? Place { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public ViolationType Type { get; set; }
    public ViolationGrade Grade { get; set; }
    public required string Rule { get; set; }
    public required string FoundBy { get; set; }
    public decimal Fine { get; set; }
    public int Points { get; set; }
    public RetrainingStatus Retraining { get; set; }

    /// <summary>How many times this person has been recorded so far, this one included.</summary>
    public int RepeatCount { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>A recordable incident (事故/事件) that resets the safe-day counter of its enterprise and unit.</summary>
public sealed class SafetyIncident
{
    public int Id { get; set; }
    public int EnterpriseId { get; set; }
    public int? UnitId { get; set; }
    public DateOnly OccurredOn { get; set; }
    public required string Description { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
