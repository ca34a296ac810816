using CivicGrid.Accounts;
using CivicGrid.Data;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Cases.Responsibility;

/// <summary>Deletes a rule (logged); only inside the caller's managed region.</summary>
public sealed class DeleteResponsibilityRule(AppDbContext db, ResponsibilityResolver resolver, TimeProvider clock)
{
    public async Task<Outcome<int>> HandleAsync(AccessScope scope, int id, CancellationToken ct = default)
    {
        var rule = await db.Set<ResponsibilityRule>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null || !scope.CanReadRegion(rule.RegionCode))
        {
            return Outcome<int>.NotFound($"责任规则 {id} 不存在或不在您的管辖范围内。");
        }

        if (!scope.CanManageRegion(rule.RegionCode))
        {
            return Outcome<int>.Forbidden("您只能删除本辖区内的责任规则。");
        }

        db.Remove(rule);
        await RuleChangeRecorder.AddAsync(db, scope, clock, RuleChangeAction.Deleted, rule, RuleState.Of(rule), null, ct);
        await db.SaveChangesAsync(ct);
        resolver.Invalidate();
        return Outcome<int>.Ok(id);
    }
}
