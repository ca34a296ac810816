namespace CivicGrid.Safety;

/// <summary>
/// A place of an enterprise where work happens (采区, 工作面, 车间, 选煤厂 …). Its rectangle on the enterprise's plan
/// (0–100 both ways) draws the four-colour risk map.
/// </summary>
public sealed class SafetyArea
{
    public int Id { get; set; }
    public int EnterpriseId { get; set; }
    public int? ParentAreaId { get; set; }
    public required string Name { get; set; }
    public required string Kind { get; set; }
    public int PlanX { get; set; }
    public int PlanY { get; set; }
    public int PlanWidth { get; set; } = 10;
    public int PlanHeight { get; set; } = 10;
    public DateTimeOffset UpdatedAt { get; set; }
}
