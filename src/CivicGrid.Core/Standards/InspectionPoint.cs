using CivicGrid.Organization;

namespace CivicGrid.Standards;

public enum PointStatus
{
    Active = 1,
    Inactive = 2,
}

/// <summary>
/// An inspection point (点位): a public place checked against the standards of its category, with the unit and
/// person who answer for it. A street is a line (<see cref="GeometryWkb"/>); every point also has one
/// representative position (<see cref="Lon"/>/<see cref="Lat"/>: the place itself, or the middle of the street)
/// that locates it in a grid cell, puts it on lists and fills the resident's report.
/// </summary>
public sealed class InspectionPoint
{
    public int Id { get; set; }

    /// <summary>Stable public code, e.g. NMSC-0001; the address of the sign page (/p/points/{code}).</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }
    public int CategoryId { get; set; }
    public PointCategory? Category { get; set; }

    public required string DistrictCode { get; set; }

    /// <summary>The grid cell (15 digits) containing <see cref="Lon"/>/<see cref="Lat"/>; its prefixes give 村居 and 镇街.</summary>
    public required string RegionCode { get; set; }

    public double Lon { get; set; }
    public double Lat { get; set; }

    /// <summary>The shape as WKB (WGS84 lon/lat): a point, or a line string for a street.</summary>
    public byte[]? GeometryWkb { get; set; }

    public string? Address { get; set; }

    public int ResponsibleUnitId { get; set; }
    public Unit? ResponsibleUnit { get; set; }

    /// <summary>The person who answers for the point (点位长); shown on the public sign by name.</summary>
    public string? ResponsiblePerson { get; set; }

    /// <summary>The person's phone; masked everywhere but for those who manage, dispatch or inspect.</summary>
    public string? ContactPhone { get; set; }

    public PointStatus Status { get; set; } = PointStatus.Active;

    /// <summary>The latest inspection as the sign and the map show it; written by the inspections module.</summary>
    public LatestInspection? LatestInspection { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Concurrency token, bumped on every change.</summary>
    public int Version { get; set; }
}

/// <summary>
/// The outcome of the newest inspection of a point, kept on the point so the public sign and the map need no
/// inspection tables. Filled through <see cref="RecordLatestInspection"/>; null until the first inspection.
/// </summary>
public sealed class LatestInspection
{
    public DateTimeOffset InspectedAt { get; set; }

    /// <summary>得分率 0–1.</summary>
    public double ScoreRate { get; set; }

    public int FailedItems { get; set; }

    /// <summary>Short plain summary for the sign, e.g. “路面不洁；共享单车乱停放”.</summary>
    public string? Summary { get; set; }

    /// <summary>The inspection's own reference in the inspections module (for a link back).</summary>
    public string? InspectionRef { get; set; }

    public bool Passed => FailedItems == 0;
}
