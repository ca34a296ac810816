using CivicGrid.Accounts;
using CivicGrid.Cases;
using CivicGrid.Data;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Safety;

public sealed record HiddenDangerView(int Id, long CaseId, string CaseNumber, string Status, string StatusName, string Grade, string Description,
    int? AreaId, int? HazardId, string? ResponsiblePerson, string? Measures, decimal? Funds, DateOnly? RectifyBy, string? ContingencyPlan,
    IReadOnlyList<string> MissingFiveImplementations, bool MayDispatch, string? EffectEvaluation, string? AcceptedBy, DateTimeOffset? AcceptedAt,
    DateTimeOffset ReportedAt);

/// <summary>Hidden dangers of an enterprise with the state of their cases.</summary>
public sealed class HiddenDangerQueries(AppDbContext db)
{
    public async Task<Outcome<PagedList<HiddenDangerView>>> ListAsync(AccessScope scope, int enterpriseId, string? grade, bool? open, int? page, int? pageSize, CancellationToken ct = default)
    {
        var found = await SafetyAccess.EnterpriseAsync(db, scope, enterpriseId, ct);
        if (!found.Succeeded)
        {
            return found.Fail<Organization.Unit, PagedList<HiddenDangerView>>();
        }

        HiddenDangerGrade? parsed = null;
        if (!string.IsNullOrWhiteSpace(grade) && (parsed = HiddenDangerRules.ParseGrade(grade)) is null)
        {
            return Outcome<PagedList<HiddenDangerView>>.Invalid("grade", "隐患等级无效，可选：一般、重大。");
        }

        var query = db.Set<HiddenDanger>().AsNoTracking().Where(d => d.EnterpriseId == enterpriseId);
        if (parsed is { } g)
        {
            query = query.Where(d => d.Grade == g);
        }

        if (open is { } o)
        {
            query = o ? query.Where(d => d.AcceptedAt == null) : query.Where(d => d.AcceptedAt != null);
        }

        var (p, size) = Paging.Normalize(page, pageSize);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(d => d.ReportedAt).ThenByDescending(d => d.Id).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return Outcome<PagedList<HiddenDangerView>>.Ok(new PagedList<HiddenDangerView>(await ViewsAsync(rows, ct), total, p, size));
    }

    public async Task<Outcome<HiddenDangerView>> GetAsync(AccessScope scope, int id, CancellationToken ct = default)
    {
        var (danger, refusal) = await FindAsync(db, scope, id, ct);
        return danger is null ? refusal!.Fail<Organization.Unit, HiddenDangerView>() : Outcome<HiddenDangerView>.Ok((await ViewsAsync([danger], ct))[0]);
    }

    /// <summary>The hidden danger (tracked) when the caller works on its enterprise; otherwise why not.</summary>
    public static async Task<(HiddenDanger? Danger, Outcome<Organization.Unit>? Refusal)> FindAsync(AppDbContext db, AccessScope scope, int id, CancellationToken ct)
    {
        var danger = await db.Set<HiddenDanger>().FirstOrDefaultAsync(d => d.Id == id, ct);
        var enterprise = await SafetyAccess.EnterpriseAsync(db, scope, danger?.EnterpriseId ?? 0, ct);
        if (danger is null && enterprise.Status != OutcomeStatus.Forbidden)
        {
            return (null, Outcome<Organization.Unit>.NotFound($"隐患 {id} 不存在或不在您的管辖范围内。"));
        }

        return enterprise.Succeeded ? (danger, null)
            : (null, enterprise.Status == OutcomeStatus.NotFound ? Outcome<Organization.Unit>.NotFound($"隐患 {id} 不存在或不在您的管辖范围内。") : enterprise);
    }

    private async Task<List<HiddenDangerView>> ViewsAsync(List<HiddenDanger> rows, CancellationToken ct)
    {
        var caseIds = rows.Select(d => d.CaseId).ToList();
        var cases = await db.Set<Case>().AsNoTracking().Where(c => caseIds.Contains(c.Id)).Select(c => new { c.Id, c.ReportedAt, c.Status }).ToDictionaryAsync(c => c.Id, ct);
        return rows.Select(d =>
        {
            var c = cases[d.CaseId];
            return new HiddenDangerView(d.Id, d.CaseId, CaseNumbers.Format(c.ReportedAt, c.Id), c.Status.ToString(), CaseStatuses.ChineseName(c.Status),
                HiddenDangerRules.GradeName(d.Grade), d.Description, d.AreaId, d.HazardId, d.ResponsiblePerson, d.Measures, d.Funds, d.RectifyBy,
                d.ContingencyPlan, HiddenDangerRules.MissingFiveImplementations(d), HiddenDangerRules.DispatchRefusal(d) is null,
                d.EffectEvaluation, d.AcceptedBy, d.AcceptedAt, d.ReportedAt);
        }).ToList();
    }
}
