namespace CivicGrid.Inspections;

/// <summary>Settings of inspections (<c>CivicGrid:Inspections:…</c>).</summary>
public sealed class InspectionOptions
{
    public const string Section = "CivicGrid:Inspections";

    /// <summary>How far (metres) from the point the captured position may be before the record carries a warning.</summary>
    public double MaxDistanceMeters { get; set; } = 200;

    /// <summary>Whether the scheduled job makes today's tasks.</summary>
    public bool JobEnabled { get; set; } = true;
}
