namespace CivicGrid.Cases.Responsibility;

public enum RuleChangeAction
{
    Created = 1,
    Updated = 2,
    Deleted = 3,
}

/// <summary>
/// 变更记录: one saved change of a <see cref="ResponsibilityRule"/> — who, when, and the rule as it was before and after
/// (null before a 新增, null after a 删除). The region codes are columns of their own so the log is filtered by scope
/// like the rules are; the rule id is no foreign key, the log outlives a deleted rule.
/// </summary>
public sealed class ResponsibilityRuleChange
{
    public long Id { get; set; }
    public int RuleId { get; set; }
    public RuleChangeAction Action { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid ActorUserId { get; set; }
    public required string ActorName { get; set; }
    public required string DistrictCode { get; set; }

    public string? CategoryCodeBefore { get; set; }
    public string? RegionCodeBefore { get; set; }
    public int? UnitIdBefore { get; set; }
    public List<int>? CoUnitIdsBefore { get; set; }
    public string? NoteBefore { get; set; }

    public string? CategoryCodeAfter { get; set; }
    public string? RegionCodeAfter { get; set; }
    public int? UnitIdAfter { get; set; }
    public List<int>? CoUnitIdsAfter { get; set; }
    public string? NoteAfter { get; set; }

    public RuleState? Before => State(CategoryCodeBefore, RegionCodeBefore, UnitIdBefore, CoUnitIdsBefore, NoteBefore);

    public RuleState? After => State(CategoryCodeAfter, RegionCodeAfter, UnitIdAfter, CoUnitIdsAfter, NoteAfter);

    public static string ActionName(RuleChangeAction action) => action switch
    {
        RuleChangeAction.Created => "新增",
        RuleChangeAction.Updated => "修改",
        _ => "删除",
    };

    /// <summary>The record of a change from <paramref name="before"/> to <paramref name="after"/> (not yet added to a context).</summary>
    public static ResponsibilityRuleChange Of(RuleChangeAction action, ResponsibilityRule rule, RuleState? before, RuleState? after,
        Guid actorUserId, string actorName, DateTimeOffset at) => new()
        {
            RuleId = rule.Id,
            Action = action,
            At = at,
            ActorUserId = actorUserId,
            ActorName = actorName,
            DistrictCode = rule.DistrictCode,
            CategoryCodeBefore = before?.CategoryCode,
            RegionCodeBefore = before?.RegionCode,
            UnitIdBefore = before?.UnitId,
            CoUnitIdsBefore = before?.CoUnitIds.ToList(),
            NoteBefore = before?.Note,
            CategoryCodeAfter = after?.CategoryCode,
            RegionCodeAfter = after?.RegionCode,
            UnitIdAfter = after?.UnitId,
            CoUnitIdsAfter = after?.CoUnitIds.ToList(),
            NoteAfter = after?.Note,
        };

    private static RuleState? State(string? category, string? region, int? unit, List<int>? coUnits, string? note) =>
        category is null || region is null || unit is null ? null : new RuleState(category, region, unit.Value, coUnits ?? [], note);
}

/// <summary>What a rule says: the part of it the change log keeps before and after.</summary>
public sealed record RuleState(string CategoryCode, string RegionCode, int UnitId, IReadOnlyList<int> CoUnitIds, string? Note)
{
    public static RuleState Of(ResponsibilityRule rule) => new(rule.CategoryCode, rule.RegionCode, rule.UnitId, [.. rule.CoUnitIds], rule.Note);

    /// <summary>Same category, region, lead, note and co-units (in any order).</summary>
    public bool SaysTheSameAs(RuleState other) =>
        CategoryCode == other.CategoryCode && RegionCode == other.RegionCode && UnitId == other.UnitId && Note == other.Note
        && CoUnitIds.Order().SequenceEqual(other.CoUnitIds.Order());
}
