namespace CivicGrid.Assessment;

/// <summary>
/// The public red/black list page (红黑榜公示): off until an administrator switches it on; it then shows the red and black
/// lists of the latest published run of each default scheme, drawn by this rule.
/// </summary>
public sealed class PublicHonourSettings
{
    public required string DistrictCode { get; set; }
    public bool Enabled { get; set; }
    public int Top { get; set; } = 3;
    public int Bottom { get; set; } = 3;
    public double? RedAtLeast { get; set; }
    public double? BlackBelow { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    public HonourRule Rule => new(Top, Bottom, RedAtLeast, BlackBelow);
}
