using CivicGrid.Accounts;
using CivicGrid.Cases;
using CivicGrid.Data;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Safety;

public sealed record AcceptHiddenDangerRequest(string? EffectEvaluation, string? AcceptedBy = null);

/// <summary>验收销号: after rectification (case handled or verified) the effect is evaluated and the rectification accepted; then the case may close.</summary>
public sealed class AcceptHiddenDanger(AppDbContext db, TimeProvider clock)
{
    public async Task<Outcome<int>> HandleAsync(AccessScope scope, int dangerId, AcceptHiddenDangerRequest request, CancellationToken ct = default)
    {
        var (danger, refusal) = await HiddenDangerQueries.FindAsync(db, scope, dangerId, ct);
        if (danger is null)
        {
            return refusal!.Fail<Organization.Unit, int>();
        }

        if (string.IsNullOrWhiteSpace(request.EffectEvaluation) || request.EffectEvaluation.Trim().Length > 2000)
        {
            return Outcome<int>.Invalid("effectEvaluation", "请填写整改效果评价（不超过 2000 字）。");
        }

        if (request.AcceptedBy?.Trim().Length > 100)
        {
            return Outcome<int>.Invalid("acceptedBy", "验收人不超过 100 字。");
        }

        var status = await db.Set<Case>().Where(c => c.Id == danger.CaseId).Select(c => c.Status).FirstAsync(ct);
        if (status is not (CaseStatus.Handled or CaseStatus.Verified))
        {
            return Outcome<int>.Conflict($"隐患整改尚未完成（案卷状态：{CaseStatuses.ChineseName(status)}），整改并反馈后才能验收。");
        }

        if (danger.AcceptedAt is not null)
        {
            return Outcome<int>.Conflict("隐患已验收销号。");
        }

        danger.EffectEvaluation = request.EffectEvaluation.Trim();
        danger.AcceptedBy = string.IsNullOrWhiteSpace(request.AcceptedBy) ? scope.UserName : request.AcceptedBy.Trim();
        danger.AcceptedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(danger.Id);
    }
}
