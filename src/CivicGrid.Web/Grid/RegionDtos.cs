using CivicGrid.Grid;

namespace CivicGrid.Web.Grid;

public sealed record RegionRefDto(string Code, string Name, string Level, string LevelName)
{
    public static RegionRefDto From(RegionRef r) => new(r.Code, r.Name, RegionLevels.ApiName(r.Level), RegionLevels.ChineseName(r.Level));
}

public sealed record LocateResponse(string Code, string Name, string Level, string LevelName, IReadOnlyList<RegionRefDto> Path);

public sealed record RegionDto(
    string Code, string Name, string Level, string LevelName, string? ParentCode,
    double? CenterLon, double? CenterLat, double? AreaSquareMetres, int ChildCount)
{
    public static RegionDto From(Region r, int childCount) => new(
        r.Code, r.Name, RegionLevels.ApiName(r.Level), RegionLevels.ChineseName(r.Level), r.ParentCode,
        r.CenterLon, r.CenterLat, r.AreaSquareMetres, childCount);
}
