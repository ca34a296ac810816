using CivicGrid.Platform;

namespace CivicGrid.Cases.Catalog;

/// <summary>The Excel layout of the catalog, shared by export and import (export adds 类别 and 上级编码 for reading).</summary>
public static class CategorySheet
{
    public static readonly string[] Headers =
        ["编码", "名称", "时限", "时限单位", "立案条件", "结案条件", "默认责任单位类型", "默认责任部门编码", "关键词", "接受公众上报", "不满意可重办", "启用", "排序"];

    public static IDictionary<string, object?> ToRow(CategoryDetail c) => new Dictionary<string, object?>
    {
        ["编码"] = c.Code,
        ["名称"] = c.Name,
        ["类别"] = c.Kind,
        ["上级编码"] = c.ParentCode,
        ["时限"] = c.TimeLimit?.Value,
        ["时限单位"] = c.TimeLimit?.Unit,
        ["立案条件"] = c.RegisterCriteria,
        ["结案条件"] = c.CloseCriteria,
        ["默认责任单位类型"] = c.DefaultUnitKind,
        ["默认责任部门编码"] = c.DefaultDepartmentCode,
        ["关键词"] = string.Join("、", c.Keywords),
        ["接受公众上报"] = c.AcceptsPublicReports ? "是" : "否",
        ["不满意可重办"] = c.ReopenOnDissatisfied ? "是" : "否",
        ["启用"] = c.IsActive ? "是" : "否",
        ["排序"] = c.SortOrder,
    };

    /// <summary>Reads one row; cell format problems (not numbers, not 是/否) are added to <paramref name="problems"/>.</summary>
    public static SaveCategoryRequest ToRequest(ExcelSheet.Row row, List<Problem> problems)
    {
        int? limit = null;
        if (!string.IsNullOrWhiteSpace(row["时限"]))
        {
            if (int.TryParse(row["时限"], out var n))
            {
                limit = n;
            }
            else
            {
                problems.Add(new("时限", $"时限“{row["时限"]}”不是整数。"));
            }
        }

        var sort = 0;
        if (!string.IsNullOrWhiteSpace(row["排序"]) && !int.TryParse(row["排序"], out sort))
        {
            problems.Add(new("排序", $"排序“{row["排序"]}”不是整数。"));
        }

        var timeLimit = limit is null && string.IsNullOrWhiteSpace(row["时限单位"]) ? null : new TimeLimitInput(limit, row["时限单位"]);
        return new SaveCategoryRequest(row["编码"], row["名称"], timeLimit, row["立案条件"], row["结案条件"], row["默认责任单位类型"],
            row["默认责任部门编码"], CategoryCodes.SplitKeywords(row["关键词"]),
            YesNo(row, "接受公众上报", problems), YesNo(row, "不满意可重办", problems), YesNo(row, "启用", problems), sort);
    }

    private static bool YesNo(ExcelSheet.Row row, string header, List<Problem> problems)
    {
        switch (row[header]?.Trim().ToLowerInvariant())
        {
            case null or "" or "是" or "y" or "yes" or "true" or "1" or "√":
                return true;
            case "否" or "n" or "no" or "false" or "0" or "×":
                return false;
            default:
                problems.Add(new(header, $"“{header}”应填“是”或“否”，而不是“{row[header]}”。"));
                return true;
        }
    }
}
