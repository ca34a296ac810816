namespace CivicGrid.Grid;

/// <summary>A node of the region tree. The code encodes the path, so a subtree is a code prefix.</summary>
public sealed class Region
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public RegionLevel Level { get; set; }
    public string? ParentCode { get; set; }

    /// <summary>The district (region root) this region belongs to; the future partition key.</summary>
    public required string DistrictCode { get; set; }

    /// <summary>Boundary as WKB (WGS84, lon/lat), polygon or multipolygon.</summary>
    public byte[]? BoundaryWkb { get; set; }

    public double? CenterLon { get; set; }
    public double? CenterLat { get; set; }

    /// <summary>Area in square metres, approximated on the WGS84 sphere.</summary>
    public double? AreaSquareMetres { get; set; }

    public int SortOrder { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
