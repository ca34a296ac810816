namespace CivicGrid.Organization;

/// <summary>A person working in a unit (may or may not have an account).</summary>
public sealed class Person
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public string? Post { get; set; }
    public string? Phone { get; set; }

    /// <summary>Resident identity card number; stored for 三违/training records, always masked when shown.</summary>
    public string? IdNumber { get; set; }

    public Guid? UserId { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTimeOffset UpdatedAt { get; set; }
}
