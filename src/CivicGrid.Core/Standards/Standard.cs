namespace CivicGrid.Standards;

/// <summary>
/// A 测评标准: one thing an inspector checks at a point, in plain words, with its points, how it is observed
/// (<see cref="Observation"/>), the point categories it applies to and the case category a failure becomes.
/// Inspections copy what they need from it into their checklists, so changing a standard never rewrites history.
/// </summary>
public sealed class Standard
{
    public int Id { get; set; }

    /// <summary>Stable code, e.g. HJ-001; the key of Excel imports and of inspection checklists.</summary>
    public required string Code { get; set; }

    /// <summary>The 测评内容 it belongs to.</summary>
    public int SectionId { get; set; }

    public IndexSection? Section { get; set; }

    /// <summary>The standard as inspectors and residents read it, e.g. “路面干净整洁，无暴露垃圾、无积存污水”.</summary>
    public required string Text { get; set; }

    /// <summary>分值: points (or weight) the standard carries in a score.</summary>
    public decimal Points { get; set; }

    public ObservationKind Observation { get; set; } = ObservationKind.PassFail;

    /// <summary>For counts: over what the count is taken, e.g. “500 米内”, “每 10 分钟”.</summary>
    public string? CountBasis { get; set; }

    /// <summary>For counts: what is counted and its unit, e.g. “烟头（个）”.</summary>
    public string? CountSubject { get; set; }

    /// <summary>For counts: the most that still passes (a count above it fails).</summary>
    public int? Threshold { get; set; }

    /// <summary>For scores: the top of the 0–N scale.</summary>
    public int? MaxScore { get; set; }

    /// <summary>For scores: the lowest score that passes (default: 60 % of <see cref="MaxScore"/>, rounded up).</summary>
    public int? PassScore { get; set; }

    /// <summary>The case category (a catalog leaf such as SJ0101 暴露垃圾) a failure turns into.</summary>
    public string? CaseCategoryCode { get; set; }

    public int SortOrder { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTimeOffset UpdatedAt { get; set; }

    public List<StandardPointCategory> PointCategories { get; set; } = [];

    public ObservationRule Rule => new(Observation, Threshold, MaxScore, PassScore);
}

/// <summary>That a standard applies to the points of a category.</summary>
public sealed class StandardPointCategory
{
    public int StandardId { get; set; }
    public int PointCategoryId { get; set; }
    public PointCategory? PointCategory { get; set; }
}
