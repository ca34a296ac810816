using CivicGrid.Accounts;
using CivicGrid.Data;
using CivicGrid.Platform;

namespace CivicGrid.Safety;

public sealed record RecordIncidentRequest(DateOnly? OccurredOn, string? Description, int? UnitId = null);

/// <summary>Records a recordable incident; the safe-day counters of the enterprise (and the unit) start again from its day.</summary>
public sealed class RecordIncident(AppDbContext db, TimeProvider clock)
{
    public async Task<Outcome<int>> HandleAsync(AccessScope scope, int enterpriseId, RecordIncidentRequest request, CancellationToken ct = default)
    {
        var enterprise = await SafetyAccess.EnterpriseAsync(db, scope, enterpriseId, ct);
        if (!enterprise.Succeeded)
        {
            return enterprise.Fail<Organization.Unit, int>();
        }

        var now = clock.GetUtcNow();
        if (request.OccurredOn is not { } day || day > SafetyClock.Today(clock))
        {
            return Outcome<int>.Invalid("occurredOn", "请填写事故发生日期（不能晚于今天）。");
        }

        if (string.IsNullOrWhiteSpace(request.Description) || request.Description.Trim().Length > 2000)
        {
            return Outcome<int>.Invalid("description", "请填写事故经过（不超过 2000 字）。");
        }

        if (request.UnitId is { } unit && !(await SafetyPeople.UnitIdsAsync(db, enterpriseId, ct)).Contains(unit))
        {
            return Outcome<int>.Invalid("unitId", "单位不属于本企业。");
        }

        var incident = new SafetyIncident { EnterpriseId = enterpriseId, UnitId = request.UnitId, OccurredOn = day, Description = request.Description.Trim(), RecordedAt = now };
        db.Add(incident);
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Created(incident.Id);
    }
}
