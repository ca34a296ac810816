namespace CivicGrid.Inspections;

public enum TaskKind
{
    /// <summary>From a plan.</summary>
    Routine = 1,

    /// <summary>复查: after the case of a finding closed.</summary>
    Reinspection = 2,
}

public enum InspectionTaskStatus
{
    Open = 1,
    Done = 2,
}

/// <summary>One point to inspect by a day, for its assignees; done when an inspection of it is submitted.</summary>
public sealed class InspectionTask
{
    public long Id { get; set; }
    public TaskKind Kind { get; set; } = TaskKind.Routine;
    public int? PlanId { get; set; }
    public InspectionPlan? Plan { get; set; }
    public int PointId { get; set; }
    public required string PointCode { get; set; }

    /// <summary>The point's grid cell, copied for scope filters.</summary>
    public required string RegionCode { get; set; }

    /// <summary>The unit that answers for the point, copied for scope filters.</summary>
    public int ResponsibleUnitId { get; set; }

    /// <summary>The day the task appears.</summary>
    public DateOnly ScheduledDate { get; set; }

    /// <summary>The last day it may be done; open after it means overdue (超期).</summary>
    public DateOnly DueDate { get; set; }

    public required string Assignees { get; set; }
    public InspectionTaskStatus Status { get; set; } = InspectionTaskStatus.Open;

    /// <summary>For a re-inspection: the case of the finding that closed.</summary>
    public long? SourceCaseId { get; set; }

    /// <summary>The inspection that did it.</summary>
    public long? InspectionId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public bool IsOverdue(DateOnly today) => Status == InspectionTaskStatus.Open && today > DueDate;
}
