using System.Globalization;
using CivicGrid.Platform;

namespace CivicGrid.Standards;

/// <summary>One row of the index sheet: a standard with its 测评项目 and 测评内容 (created by name when new).</summary>
public sealed record StandardInput(
    string? Project, string? Content, string? Code, string? Text, decimal? Points, string? Observation, string? CountBasis, string? CountSubject,
    int? Threshold, int? MaxScore, int? PassScore, IReadOnlyList<string> PointCategories, string? CaseCategoryCode, int SortOrder, bool IsActive);

/// <summary>The Excel layout of the assessment index, one standard a row (export adds 问题分类名称 for reading).</summary>
public static class IndexSheet
{
    public static readonly string[] Headers =
    [
        "测评项目", "测评内容", "标准编码", "测评标准", "分值", "观测方式", "计数口径", "计数对象", "阈值", "满分", "达标分",
        "适用点位类别", "问题分类编码", "排序", "启用",
    ];

    private static readonly char[] ListSeparators = ['、', ',', '，', ';', '；', '/', '|', '\n'];

    public static IDictionary<string, object?> ToRow(StandardRow row)
    {
        var s = row.Standard;
        return new Dictionary<string, object?>
        {
            ["测评项目"] = row.Project,
            ["测评内容"] = row.Content,
            ["标准编码"] = s.Code,
            ["测评标准"] = s.Text,
            ["分值"] = s.Points,
            ["观测方式"] = s.ObservationName,
            ["计数口径"] = s.CountBasis,
            ["计数对象"] = s.CountSubject,
            ["阈值"] = s.Threshold,
            ["满分"] = s.MaxScore,
            ["达标分"] = s.PassScore,
            ["适用点位类别"] = string.Join("、", s.PointCategories.Select(c => c.Name)),
            ["问题分类编码"] = s.CaseCategoryCode,
            ["问题分类名称"] = s.CaseCategoryName,
            ["排序"] = s.SortOrder,
            ["启用"] = s.IsActive ? "是" : "否",
        };
    }

    /// <summary>Reads one row; cell format problems (not numbers, not 是/否) are added to <paramref name="problems"/>.</summary>
    public static StandardInput ToInput(ExcelSheet.Row row, List<Problem> problems)
    {
        decimal? points = null;
        if (!string.IsNullOrWhiteSpace(row["分值"]))
        {
            if (decimal.TryParse(row["分值"], NumberStyles.Number, CultureInfo.InvariantCulture, out var p))
            {
                points = p;
            }
            else
            {
                problems.Add(new("分值", $"分值“{row["分值"]}”不是数字。"));
            }
        }

        return new StandardInput(
            row["测评项目"], row["测评内容"], row["标准编码"], row["测评标准"], points, row["观测方式"], row["计数口径"], row["计数对象"],
            Integer(row, "阈值", problems), Integer(row, "满分", problems), Integer(row, "达标分", problems),
            SplitList(row["适用点位类别"]), row["问题分类编码"], Integer(row, "排序", problems) ?? 0, YesNo(row, "启用", problems));
    }

    public static IReadOnlyList<string> SplitList(string? text) =>
        (text ?? "").Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();

    private static int? Integer(ExcelSheet.Row row, string header, List<Problem> problems)
    {
        var text = row[header];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        problems.Add(new(header, $"{header}“{text}”不是整数。"));
        return null;
    }

    private static bool YesNo(ExcelSheet.Row row, string header, List<Problem> problems)
    {
        switch (row[header]?.Trim())
        {
            case null or "" or "是" or "启用" or "1":
                return true;
            case "否" or "停用" or "0":
                return false;
            default:
                problems.Add(new(header, $"“{header}”应填“是”或“否”，而不是“{row[header]}”。"));
                return true;
        }
    }
}
