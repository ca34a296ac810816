namespace CivicGrid.Standards;

/// <summary>How a point of a category lies on the map: a place (market, school) or a stretch of street.</summary>
public enum PointShape
{
    Point = 1,
    Line = 2,
}

/// <summary>
/// A kind of inspection point (点位类别) as the field test (实地考察) groups them: 主次干道, 农贸市场, 公交站点 …
/// Standards say which categories they apply to; every point has one category.
/// </summary>
public sealed class PointCategory
{
    public int Id { get; set; }

    /// <summary>Short stable code, e.g. ZCGD (主次干道), NMSC (农贸市场); prefixes the codes of its points.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }
    public PointShape Shape { get; set; } = PointShape.Point;
    public string? Description { get; set; }
    public int SortOrder { get; set; }
    public bool IsActive { get; set; } = true;
}

public static class PointShapes
{
    public static string ChineseName(PointShape shape) => shape == PointShape.Line ? "线（街巷）" : "点";
}
