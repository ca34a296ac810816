namespace CivicGrid.Inspections;

/// <summary>How often a plan sends its inspectors out.</summary>
public enum PlanCadence
{
    /// <summary>日调度: every working day.</summary>
    Daily = 1,

    /// <summary>周督查: once a week, on the week's first working day, due by its last.</summary>
    Weekly = 2,

    /// <summary>月督查: once a month, on its first working day, due by its last.</summary>
    Monthly = 3,

    /// <summary>专项行动 (e.g. 夏日攻坚): once, on the first working day from the start, due by the end.</summary>
    Campaign = 4,
}

/// <summary>
/// An inspection plan: which points (regions, categories, named points, or a random draw of N per category as in the
/// national field test), how often, and who goes (one inspector or a two-person team). Tasks come from it by the day.
/// </summary>
public sealed class InspectionPlan
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public PlanCadence Cadence { get; set; }
    public DateOnly StartDate { get; set; }

    /// <summary>Last day of the plan (required for campaigns); null for an open-ended routine.</summary>
    public DateOnly? EndDate { get; set; }

    /// <summary>Region code prefixes (镇街, 村居 …), comma-separated; empty = the whole district.</summary>
    public string RegionCodes { get; set; } = "";

    /// <summary>Point category codes, comma-separated; empty = every category.</summary>
    public string CategoryCodes { get; set; } = "";

    /// <summary>Named point codes, comma-separated; when set, only these points (inside the other filters).</summary>
    public string PointCodes { get; set; } = "";

    /// <summary>When set, each occurrence draws this many points per category at random (抽查).</summary>
    public int? SamplePerCategory { get; set; }

    /// <summary>User names of the inspectors (one, or a two-person team), comma-separated.</summary>
    public required string Assignees { get; set; }

    public bool IsActive { get; set; } = true;
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public static IReadOnlyList<string> Split(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
