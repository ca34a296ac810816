using CivicGrid.Accounts;
using CivicGrid.Data;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Safety;

public sealed record ViolationView(int Id, int PersonId, string PersonName, int UnitId, string UnitName, DateTimeOffset OccurredAt, string? Place,
    string Type, string Grade, string Rule, string FoundBy, decimal Fine, int Points, string Retraining, int RepeatCount);

public sealed record PersonViolations(int PersonId, string Name, int Count, int PointsWithinYear, int Threshold, bool NeedsRetraining, IReadOnlyList<ViolationView> Records);

public sealed record UnitViolationRate(int UnitId, string UnitName, int People, int Violations, double RatePerHundred,
    IReadOnlyDictionary<string, int> ByType, IReadOnlyDictionary<string, int> ByMonth, int SafeDays);

/// <summary>三违 lists, a person's history, and per-unit rates, trends and safe days.</summary>
public sealed class ViolationQueries(AppDbContext db, TimeProvider clock)
{
    public async Task<Outcome<PagedList<ViolationView>>> ListAsync(AccessScope scope, int enterpriseId, int? page, int? pageSize, CancellationToken ct = default)
    {
        var found = await SafetyAccess.EnterpriseAsync(db, scope, enterpriseId, ct);
        if (!found.Succeeded)
        {
            return found.Fail<Organization.Unit, PagedList<ViolationView>>();
        }

        var query = db.Set<Violation>().AsNoTracking().Where(v => v.EnterpriseId == enterpriseId);
        var (p, size) = Paging.Normalize(page, pageSize);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(v => v.OccurredAt).ThenByDescending(v => v.Id).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return Outcome<PagedList<ViolationView>>.Ok(new PagedList<ViolationView>(await ViewsAsync(rows, ct), total, p, size));
    }

    public async Task<Outcome<PersonViolations>> PersonAsync(AccessScope scope, int enterpriseId, int personId, CancellationToken ct = default)
    {
        var found = await SafetyAccess.EnterpriseAsync(db, scope, enterpriseId, ct);
        if (!found.Succeeded)
        {
            return found.Fail<Organization.Unit, PersonViolations>();
        }

        var units = await SafetyPeople.UnitIdsAsync(db, enterpriseId, ct);
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(x => x.Id == personId && units.Contains(x.UnitId), ct);
        if (person is null)
        {
            return Outcome<PersonViolations>.NotFound($"人员 {personId} 不属于本企业。");
        }

        var rows = await db.Set<Violation>().AsNoTracking().Where(v => v.PersonId == personId && v.EnterpriseId == enterpriseId).ToListAsync(ct);
        rows = rows.OrderByDescending(v => v.OccurredAt).ToList();
        var threshold = await ThresholdAsync(enterpriseId, ct);
        var yearAgo = clock.GetUtcNow().AddDays(-365);
        var points = rows.Where(v => v.OccurredAt >= yearAgo).Sum(v => v.Points);
        return Outcome<PersonViolations>.Ok(new PersonViolations(person.Id, person.Name, rows.Count, points, threshold,
            ViolationRules.NeedsRetraining(points, threshold), await ViewsAsync(rows, ct)));
    }

    /// <summary>Per unit of the enterprise: 三违 per 100 people in [from, to), by type and by month (Beijing), and safe days.</summary>
    public async Task<Outcome<IReadOnlyList<UnitViolationRate>>> RatesAsync(AccessScope scope, int enterpriseId, DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        var found = await SafetyAccess.EnterpriseAsync(db, scope, enterpriseId, ct);
        if (!found.Succeeded)
        {
            return found.Fail<Organization.Unit, IReadOnlyList<UnitViolationRate>>();
        }

        var today = SafetyClock.Today(clock);
        var start = from ?? today.AddDays(-365);
        var end = to ?? today.AddDays(1);
        if (end <= start)
        {
            return Outcome<IReadOnlyList<UnitViolationRate>>.Invalid("to", "结束日期须晚于开始日期。");
        }

        var beijing = TimeSpan.FromHours(8);
        var startAt = new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), beijing);
        var endAt = new DateTimeOffset(end.ToDateTime(TimeOnly.MinValue), beijing);
        var units = await db.Units.AsNoTracking().Where(u => u.Id == enterpriseId || u.ParentUnitId == enterpriseId).OrderBy(u => u.Id).Select(u => new { u.Id, u.Name }).ToListAsync(ct);
        var unitIds = units.Select(u => u.Id).ToList();
        var people = await db.People.Where(p => unitIds.Contains(p.UnitId) && p.IsActive).GroupBy(p => p.UnitId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var rows = await db.Set<Violation>().AsNoTracking().Where(v => v.EnterpriseId == enterpriseId && v.OccurredAt >= startAt && v.OccurredAt < endAt)
            .Select(v => new { v.UnitId, v.Type, v.OccurredAt }).ToListAsync(ct);
        var incidents = await db.Set<SafetyIncident>().Where(i => i.EnterpriseId == enterpriseId).Select(i => new { i.UnitId, i.OccurredOn }).ToListAsync(ct);
        var since = await db.Set<SafetySettings>().Where(s => s.EnterpriseId == enterpriseId).Select(s => s.SafeSince).FirstOrDefaultAsync(ct);
        var enterpriseLast = incidents.Count == 0 ? (DateOnly?)null : incidents.Max(i => i.OccurredOn);
        return Outcome<IReadOnlyList<UnitViolationRate>>.Ok(units.Select(u =>
        {
            var mine = rows.Where(r => r.UnitId == u.Id).ToList();
            var headcount = people.GetValueOrDefault(u.Id);
            // An incident of the enterprise as a whole (no unit) counts for every unit; a unit's own only for it.
            var last = u.Id == enterpriseId ? enterpriseLast : incidents.Where(i => i.UnitId is null || i.UnitId == u.Id).Select(i => (DateOnly?)i.OccurredOn).Max();
            return new UnitViolationRate(u.Id, u.Name, headcount, mine.Count, ViolationRules.RatePerHundred(mine.Count, headcount),
                mine.GroupBy(r => ViolationRules.TypeName(r.Type)).ToDictionary(g => g.Key, g => g.Count()),
                mine.GroupBy(r => r.OccurredAt.ToOffset(beijing).ToString("yyyy-MM")).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()),
                ViolationRules.SafeDays(today, last, since));
        }).ToList());
    }

    private async Task<int> ThresholdAsync(int enterpriseId, CancellationToken ct) =>
        await db.Set<SafetySettings>().Where(s => s.EnterpriseId == enterpriseId).Select(s => (int?)s.RetrainingPoints).FirstOrDefaultAsync(ct)
        ?? ViolationRules.DefaultRetrainingPoints;

    private async Task<List<ViolationView>> ViewsAsync(List<Violation> rows, CancellationToken ct)
    {
        var personIds = rows.Select(v => v.PersonId).Distinct().ToList();
        var unitIds = rows.Select(v => v.UnitId).Distinct().ToList();
        var names = await db.People.Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var unitNames = await db.Units.Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return rows.Select(v => new ViolationView(v.Id, v.PersonId, names.GetValueOrDefault(v.PersonId, ""), v.UnitId, unitNames.GetValueOrDefault(v.UnitId, ""),
            v.OccurredAt, v.Place, ViolationRules.TypeName(v.Type), ViolationRules.GradeName(v.Grade), v.Rule, v.FoundBy, v.Fine, v.Points,
            ViolationRules.RetrainingName(v.Retraining), v.RepeatCount)).ToList();
    }
}
