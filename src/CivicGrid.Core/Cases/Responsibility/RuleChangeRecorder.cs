using CivicGrid.Accounts;
using CivicGrid.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Cases.Responsibility;

/// <summary>Adds the 变更记录 of a rule change to the context, to be saved together with the change itself.</summary>
internal static class RuleChangeRecorder
{
    public static async Task AddAsync(AppDbContext db, AccessScope scope, TimeProvider clock, RuleChangeAction action, ResponsibilityRule rule,
        RuleState? before, RuleState? after, CancellationToken ct)
    {
        var displayName = await db.Users.AsNoTracking().Where(u => u.Id == scope.UserId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        var actorName = displayName is null || displayName == scope.UserName ? scope.UserName : $"{displayName}（{scope.UserName}）";
        db.Add(ResponsibilityRuleChange.Of(action, rule, before, after, scope.UserId, actorName, clock.GetUtcNow()));
    }
}
