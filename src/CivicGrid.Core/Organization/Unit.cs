namespace CivicGrid.Organization;

/// <summary>A department, office, committee or enterprise that answers for something.</summary>
public sealed class Unit
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public UnitKind Kind { get; set; }
    public int? ParentUnitId { get; set; }

    /// <summary>The region whose subtree this unit answers for (a department: the district).</summary>
    public required string RegionCode { get; set; }

    public required string DistrictCode { get; set; }
    public string? Phone { get; set; }
    public string? Address { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Concurrency token, bumped on every change.</summary>
    public int Version { get; set; }
}
