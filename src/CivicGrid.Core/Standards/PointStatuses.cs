namespace CivicGrid.Standards;

public static class PointStatuses
{
    public static string ApiName(PointStatus status) => status == PointStatus.Inactive ? "inactive" : "active";

    public static string ChineseName(PointStatus status) => status == PointStatus.Inactive ? "停用" : "启用";

    /// <summary>启用/停用 or active/inactive; empty means 启用.</summary>
    public static PointStatus? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "启用" or "active" or "正常" or "是" or "1" => PointStatus.Active,
        "停用" or "inactive" or "否" or "0" => PointStatus.Inactive,
        _ => null,
    };
}
