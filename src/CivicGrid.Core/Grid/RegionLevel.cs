namespace CivicGrid.Grid;

/// <summary>The four levels of the grid: 区 → 镇街 → 村居 → 单元网格.</summary>
public enum RegionLevel
{
    District = 1,
    Town = 2,
    Community = 3,
    Cell = 4,
}

public static class RegionLevels
{
    /// <summary>Code length of each level: 6-digit GB/T 2260 district code, then 3 digits a level.</summary>
    public static int CodeLength(RegionLevel level) => level switch
    {
        RegionLevel.District => 6,
        RegionLevel.Town => 9,
        RegionLevel.Community => 12,
        RegionLevel.Cell => 15,
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    public static RegionLevel? FromCode(string code) => code.Length switch
    {
        6 => RegionLevel.District,
        9 => RegionLevel.Town,
        12 => RegionLevel.Community,
        15 => RegionLevel.Cell,
        _ => null,
    };

    public static string ChineseName(RegionLevel level) => level switch
    {
        RegionLevel.District => "区",
        RegionLevel.Town => "镇街",
        RegionLevel.Community => "村居",
        RegionLevel.Cell => "单元网格",
        _ => "未知",
    };

    /// <summary>Name used in the API (<c>level</c> fields): district, town, community, cell.</summary>
    public static string ApiName(RegionLevel level) => level switch
    {
        RegionLevel.District => "district",
        RegionLevel.Town => "town",
        RegionLevel.Community => "community",
        RegionLevel.Cell => "cell",
        _ => "unknown",
    };

    public static RegionLevel? FromApiName(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "district" or "区" or "1" => RegionLevel.District,
        "town" or "镇街" or "2" => RegionLevel.Town,
        "community" or "村居" or "3" => RegionLevel.Community,
        "cell" or "单元网格" or "网格" or "4" => RegionLevel.Cell,
        _ => null,
    };

    public static string? ParentCodeOf(string code) => code.Length > 6 ? code[..(code.Length - 3)] : null;

    /// <summary>True when <paramref name="code"/> is <paramref name="scope"/> or lies below it.</summary>
    public static bool IsWithin(string code, string scope) => code.StartsWith(scope, StringComparison.Ordinal);
}
