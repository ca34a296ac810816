using CivicGrid.Accounts;
using CivicGrid.Data;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Cases.Responsibility;

/// <summary>
/// Changes a rule (category, region, lead unit, co-units, note) under the same checks as a new one; the rule must lie in
/// the caller's managed region before and after the change. Who created it and when stay as they were. A real change is
/// logged (<see cref="ResponsibilityRuleChange"/>) in the same save; saving a rule unchanged logs nothing.
/// </summary>
public sealed class UpdateResponsibilityRule(AppDbContext db, ResponsibilityResolver resolver, TimeProvider clock)
{
    public async Task<Outcome<ResponsibilityRule>> HandleAsync(AccessScope scope, int id, CreateResponsibilityRuleRequest request, CancellationToken ct = default)
    {
        var rule = await db.Set<ResponsibilityRule>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null || !scope.CanReadRegion(rule.RegionCode))
        {
            return Outcome<ResponsibilityRule>.NotFound($"责任规则 {id} 不存在或不在您的管辖范围内。");
        }

        if (!scope.CanManageRegion(rule.RegionCode))
        {
            return Outcome<ResponsibilityRule>.Forbidden("您只能修改本辖区内的责任规则。");
        }

        var draft = await CreateResponsibilityRule.PrepareAsync(db, scope, request, id, ct);
        if (!draft.Succeeded)
        {
            return draft;
        }

        var changed = draft.Value!;
        var before = RuleState.Of(rule);
        rule.CategoryCode = changed.CategoryCode;
        rule.RegionCode = changed.RegionCode;
        rule.DistrictCode = changed.DistrictCode;
        rule.UnitId = changed.UnitId;
        rule.CoUnitIds = changed.CoUnitIds;
        rule.Note = changed.Note;
        var after = RuleState.Of(rule);
        if (!before.SaysTheSameAs(after))
        {
            await RuleChangeRecorder.AddAsync(db, scope, clock, RuleChangeAction.Updated, rule, before, after, ct);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another rule took the same category and region meanwhile (unique index); neither the rule nor its log row was saved.
            db.ChangeTracker.Clear();
            return Outcome<ResponsibilityRule>.Conflict("该分类在该区域已有另一条责任规则，请刷新后重试。");
        }

        resolver.Invalidate();
        return Outcome<ResponsibilityRule>.Ok(rule);
    }
}
