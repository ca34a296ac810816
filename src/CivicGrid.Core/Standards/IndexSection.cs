namespace CivicGrid.Standards;

/// <summary>
/// The upper two levels of the assessment index (测评体系): 测评项目 (level 1, no parent) and
/// 测评内容 (level 2, under a 项目). Standards hang under a 测评内容. Names are unique among siblings.
/// </summary>
public sealed class IndexSection
{
    public const int ProjectLevel = 1, ContentLevel = 2;

    public int Id { get; set; }
    public int? ParentId { get; set; }
    public IndexSection? Parent { get; set; }
    public required string Name { get; set; }
    public int Level { get; set; }
    public int SortOrder { get; set; }
}
