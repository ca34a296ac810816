using CivicGrid.Accounts;
using CivicGrid.Data;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Safety;

public sealed record EnterpriseSummary(int Id, string Code, string Name, string RegionCode, int Areas, int Hazards, int MajorHazards, int SafeDays);

public sealed record AreaView(int Id, string Name, string Kind, int? ParentAreaId, int PlanX, int PlanY, int PlanWidth, int PlanHeight);

public sealed record PostView(int Id, string Name, string? Duties);

public sealed record TaskView(int Id, string Name, int? AreaId, int? PostId, IReadOnlyList<TaskStepView> Steps);

public sealed record TaskStepView(int Id, int Order, string Name);

public sealed record SafetyPersonView(int Id, string Name, string UnitName, string? Phone, IReadOnlyList<string> Posts);

public sealed record EnterpriseDetail(int Id, string Code, string Name, string RegionCode, RiskBands Bands, int RetrainingPoints, DateOnly? SafeSince,
    IReadOnlyList<AreaView> Areas, IReadOnlyList<PostView> Posts, IReadOnlyList<TaskView> Tasks, IReadOnlyList<SafetyPersonView> People);

/// <summary>Places and people of the enterprises the caller works on (phones masked).</summary>
public sealed class EnterpriseQueries(AppDbContext db, TimeProvider clock)
{
    public async Task<Outcome<IReadOnlyList<EnterpriseSummary>>> ListAsync(AccessScope scope, CancellationToken ct = default)
    {
        if (!SafetyAccess.UsesSafety(scope))
        {
            return Outcome<IReadOnlyList<EnterpriseSummary>>.Forbidden("安全风险管控仅对企业安全管理人员和安全监管人员开放。");
        }

        var enterprises = await SafetyAccess.EnterprisesAsync(db, scope, ct);
        var ids = enterprises.Select(e => e.Id).ToList();
        var areas = await db.Set<SafetyArea>().Where(a => ids.Contains(a.EnterpriseId)).GroupBy(a => a.EnterpriseId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var hazards = await db.Set<Hazard>().Where(h => ids.Contains(h.EnterpriseId)).GroupBy(h => h.EnterpriseId)
            .Select(g => new { g.Key, Count = g.Count(), Major = g.Count(h => h.Level == RiskLevel.Major) }).ToDictionaryAsync(g => g.Key, ct);
        var safeDays = await SafeDaysAsync(ids, ct);
        return Outcome<IReadOnlyList<EnterpriseSummary>>.Ok(enterprises.Select(e => new EnterpriseSummary(e.Id, e.Code, e.Name, e.RegionCode,
            areas.GetValueOrDefault(e.Id), hazards.TryGetValue(e.Id, out var h) ? h.Count : 0, h?.Major ?? 0, safeDays.GetValueOrDefault(e.Id))).ToList());
    }

    public async Task<Outcome<EnterpriseDetail>> GetAsync(AccessScope scope, int enterpriseId, CancellationToken ct = default)
    {
        var found = await SafetyAccess.EnterpriseAsync(db, scope, enterpriseId, ct);
        if (!found.Succeeded)
        {
            return found.Fail<Organization.Unit, EnterpriseDetail>();
        }

        var e = found.Value!;
        var settings = await db.Set<SafetySettings>().AsNoTracking().FirstOrDefaultAsync(s => s.EnterpriseId == enterpriseId, ct) ?? new SafetySettings { EnterpriseId = enterpriseId };
        var areas = await db.Set<SafetyArea>().Where(a => a.EnterpriseId == enterpriseId).OrderBy(a => a.Id)
            .Select(a => new AreaView(a.Id, a.Name, a.Kind, a.ParentAreaId, a.PlanX, a.PlanY, a.PlanWidth, a.PlanHeight)).ToListAsync(ct);
        var posts = await db.Set<SafetyPost>().Where(p => p.EnterpriseId == enterpriseId).OrderBy(p => p.Id).Select(p => new PostView(p.Id, p.Name, p.Duties)).ToListAsync(ct);
        var tasks = await db.Set<SafetyTask>().AsNoTracking().Include(t => t.Steps).Where(t => t.EnterpriseId == enterpriseId).OrderBy(t => t.Id).ToListAsync(ct);
        var units = await SafetyPeople.UnitIdsAsync(db, enterpriseId, ct);
        var people = await db.People.AsNoTracking().Where(p => units.Contains(p.UnitId) && p.IsActive).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.Name, UnitName = p.Unit!.Name, p.Phone }).ToListAsync(ct);
        var personIds = people.Select(p => p.Id).ToList();
        var postNames = posts.ToDictionary(p => p.Id, p => p.Name);
        var held = (await db.Set<SafetyPersonPost>().Where(pp => personIds.Contains(pp.PersonId)).ToListAsync(ct))
            .ToLookup(pp => pp.PersonId, pp => postNames.GetValueOrDefault(pp.PostId, ""));
        return Outcome<EnterpriseDetail>.Ok(new EnterpriseDetail(e.Id, e.Code, e.Name, e.RegionCode, settings.Bands, settings.RetrainingPoints, settings.SafeSince,
            areas, posts,
            tasks.Select(t => new TaskView(t.Id, t.Name, t.AreaId, t.PostId, t.Steps.OrderBy(s => s.Order).Select(s => new TaskStepView(s.Id, s.Order, s.Name)).ToList())).ToList(),
            people.Select(p => new SafetyPersonView(p.Id, p.Name, p.UnitName, PersonalData.MaskPhone(p.Phone), held[p.Id].ToList())).ToList()));
    }

    /// <summary>Days since the last recordable incident (or the configured start) for each enterprise, counted in Beijing time.</summary>
    public async Task<Dictionary<int, int>> SafeDaysAsync(IReadOnlyList<int> enterpriseIds, CancellationToken ct)
    {
        var today = SafetyClock.Today(clock);
        var last = await db.Set<SafetyIncident>().Where(i => enterpriseIds.Contains(i.EnterpriseId)).GroupBy(i => i.EnterpriseId)
            .Select(g => new { g.Key, Last = g.Max(i => i.OccurredOn) }).ToDictionaryAsync(g => g.Key, g => g.Last, ct);
        var since = await db.Set<SafetySettings>().Where(s => enterpriseIds.Contains(s.EnterpriseId)).ToDictionaryAsync(s => s.EnterpriseId, s => s.SafeSince, ct);
        return enterpriseIds.ToDictionary(id => id, id => ViolationRules.SafeDays(today,
            last.TryGetValue(id, out var l) ? l : null, since.GetValueOrDefault(id)));
    }
}
