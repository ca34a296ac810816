using CivicGrid.Platform;

namespace CivicGrid.Standards;

/// <summary>The Excel layout of points, shared by export and import (export adds names for reading).</summary>
public static class PointSheet
{
    public static readonly string[] Headers =
        ["编码", "名称", "点位类别", "经度", "纬度", "线路坐标", "地址", "责任单位编码", "责任人", "联系电话", "状态"];

    public static IDictionary<string, object?> ToRow(PointExportRow p) => new Dictionary<string, object?>
    {
        ["编码"] = p.Code,
        ["名称"] = p.Name,
        ["点位类别"] = p.CategoryName,
        ["经度"] = p.Lon,
        ["纬度"] = p.Lat,
        ["线路坐标"] = p.Line,
        ["地址"] = p.Address,
        ["责任单位编码"] = p.UnitCode,
        ["责任单位"] = p.UnitName,
        ["责任人"] = p.Person,
        ["联系电话"] = p.Phone,
        ["所在镇街"] = p.TownName,
        ["所在村居"] = p.CommunityName,
        ["单元网格编码"] = p.RegionCode,
        ["状态"] = PointStatuses.ChineseName(p.Status),
    };

    /// <summary>Reads one row; number format problems are added to <paramref name="problems"/>.</summary>
    public static SavePointRequest ToRequest(ExcelSheet.Row row, List<Problem> problems) => new(
        row["编码"], row["名称"], row["点位类别"], row.ParseNumber("经度", problems), row.ParseNumber("纬度", problems), row["线路坐标"],
        row["地址"], row["责任单位编码"], row["责任人"], row["联系电话"], row["状态"]);
}
