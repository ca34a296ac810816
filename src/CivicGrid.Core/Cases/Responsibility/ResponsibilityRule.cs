namespace CivicGrid.Cases.Responsibility;

/// <summary>
/// 谁来办: cases of a category (a leaf code, or a class prefix such as <c>SJ04</c> for its whole subtree) in a region
/// subtree go to a lead unit, with optional co-units (吹哨报到). The most specific rule wins: the longest region code
/// first, then the longest category code.
/// </summary>
public sealed class ResponsibilityRule
{
    public int Id { get; set; }
    public required string CategoryCode { get; set; }
    public required string RegionCode { get; set; }
    public required string DistrictCode { get; set; }
    public int UnitId { get; set; }
    public List<int> CoUnitIds { get; set; } = [];
    public string? Note { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
