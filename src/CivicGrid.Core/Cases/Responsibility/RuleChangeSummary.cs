namespace CivicGrid.Cases.Responsibility;

/// <summary>Names for the codes and ids a change mentions; unknown ones are shown by code, marked as gone.</summary>
public sealed record RuleChangeNames(IReadOnlyDictionary<int, string> Units, IReadOnlyDictionary<string, string> Categories,
    IReadOnlyDictionary<string, string> Regions)
{
    public string Unit(int id) => Units.TryGetValue(id, out var name) ? name : $"单位 {id}（已删除）";

    public string Category(string code) => Categories.TryGetValue(code, out var name) ? $"{name}（{code}）" : $"{code}（已删除的分类）";

    public string Region(string code) => Regions.TryGetValue(code, out var name) ? $"{name}（{code}）" : code;
}

/// <summary>
/// 变更摘要 in plain Chinese: for a change the fields that differ (<c>牵头单位：区城市管理局 → 区市场监督管理局</c>),
/// for a 新增 or 删除 the whole rule as added or removed.
/// </summary>
public static class RuleChangeSummary
{
    private const string Nothing = "无";

    public static string Describe(RuleState? before, RuleState? after, RuleChangeNames names)
    {
        if (before is null || after is null)
        {
            return (after ?? before) is { } whole ? Whole(whole, names) : "";
        }

        var parts = new List<string>();
        Add(parts, "问题分类", names.Category(before.CategoryCode), names.Category(after.CategoryCode));
        Add(parts, "适用区域", names.Region(before.RegionCode), names.Region(after.RegionCode));
        Add(parts, "牵头单位", names.Unit(before.UnitId), names.Unit(after.UnitId));
        if (!before.CoUnitIds.Order().SequenceEqual(after.CoUnitIds.Order()))
        {
            parts.Add($"协办单位：{Units(before.CoUnitIds, names)} → {Units(after.CoUnitIds, names)}");
        }

        Add(parts, "备注", Note(before.Note), Note(after.Note));
        return parts.Count == 0 ? "内容未变" : string.Join("；", parts);
    }

    private static string Whole(RuleState rule, RuleChangeNames names) =>
        $"问题分类：{names.Category(rule.CategoryCode)}；适用区域：{names.Region(rule.RegionCode)}；牵头单位：{names.Unit(rule.UnitId)}；"
        + $"协办单位：{Units(rule.CoUnitIds, names)}" + (rule.Note is { } note ? $"；备注：{Note(note)}" : "");

    private static void Add(List<string> parts, string field, string before, string after)
    {
        if (before != after)
        {
            parts.Add($"{field}：{before} → {after}");
        }
    }

    private static string Units(IReadOnlyList<int> ids, RuleChangeNames names) =>
        ids.Count == 0 ? Nothing : string.Join("、", ids.Select(names.Unit));

    private static string Note(string? note) => note is null ? Nothing : $"“{note}”";
}
