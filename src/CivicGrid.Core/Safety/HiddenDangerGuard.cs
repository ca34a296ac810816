using CivicGrid.Cases;
using CivicGrid.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Safety;

/// <summary>Keeps the case loop from dispatching a 重大 hidden danger without 五落实 and from closing one without acceptance.</summary>
public sealed class HiddenDangerGuard(AppDbContext db) : ICaseStepGuard
{
    public async Task<string?> RefusalAsync(Case c, CaseAction action, CancellationToken ct)
    {
        if (c.Source != CaseSource.Safety || action is not (CaseAction.Dispatch or CaseAction.Close))
        {
            return null;
        }

        var danger = await db.Set<HiddenDanger>().AsNoTracking().FirstOrDefaultAsync(d => d.CaseId == c.Id, ct);
        return danger is null ? null
            : action == CaseAction.Dispatch ? HiddenDangerRules.DispatchRefusal(danger)
            : HiddenDangerRules.CloseRefusal(danger);
    }
}
