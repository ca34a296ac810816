namespace CivicGrid.Safety;

/// <summary>A task (作业任务) done by a post in an area, cut into work steps whose hazards are identified one by one.</summary>
public sealed class SafetyTask
{
    public int Id { get; set; }
    public int EnterpriseId { get; set; }
    public int? AreaId { get; set; }
    public int? PostId { get; set; }
    public required string Name { get; set; }
    public List<SafetyTaskStep> Steps { get; set; } = [];
}

public sealed class SafetyTaskStep
{
    public int Id { get; set; }
    public int TaskId { get; set; }
    public int Order { get; set; }
    public required string Name { get; set; }
}
