using CivicGrid.Accounts;
using CivicGrid.Data;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Safety;

/// <summary>A hazard as entered: where (area or task step), what, how assessed (LEC: L, E, C; matrix: L, S), controls.</summary>
public sealed record HazardInput(
    string? Name, int? AreaId = null, int? TaskStepId = null, string? AccidentType = null, string? Method = "LEC",
    double? Likelihood = null, double? Exposure = null, double? Consequence = null, int? Severity = null,
    string? EngineeringControls = null, string? ManagementControls = null, string? TrainingControls = null,
    string? PpeControls = null, string? EmergencyControls = null, string? Owner = null, DateOnly? ReviewDate = null);

/// <summary>Create (id null) or update a hazard of an enterprise, assessed with the enterprise's bands.</summary>
public sealed class SaveHazard(AppDbContext db, TimeProvider clock)
{
    public async Task<Outcome<Hazard>> HandleAsync(AccessScope scope, int enterpriseId, int? id, HazardInput input, CancellationToken ct = default)
    {
        var enterprise = await SafetyAccess.EnterpriseAsync(db, scope, enterpriseId, ct);
        if (!enterprise.Succeeded)
        {
            return enterprise.Fail<Organization.Unit, Hazard>();
        }

        var problems = new List<Problem>();
        if (input.AreaId is { } areaId && !await db.Set<SafetyArea>().AnyAsync(a => a.Id == areaId && a.EnterpriseId == enterpriseId, ct))
        {
            problems.Add(new("areaId", "区域不存在或不属于本企业。"));
        }

        if (input.TaskStepId is { } stepId && !await db.Set<SafetyTaskStep>().AnyAsync(s => s.Id == stepId && db.Set<SafetyTask>().Any(t => t.Id == s.TaskId && t.EnterpriseId == enterpriseId), ct))
        {
            problems.Add(new("taskStepId", "作业步骤不存在或不属于本企业。"));
        }

        Hazard? hazard = null;
        if (id is { } existing)
        {
            hazard = await db.Set<Hazard>().FirstOrDefaultAsync(h => h.Id == existing && h.EnterpriseId == enterpriseId, ct);
            if (hazard is null)
            {
                return Outcome<Hazard>.NotFound($"危险源 {existing} 不存在。");
            }
        }

        hazard ??= new Hazard { EnterpriseId = enterpriseId, Name = "" };
        HazardRules.Apply(hazard, input, await SaveSettings.BandsOfAsync(db, enterpriseId, ct), problems);
        if (problems.Count > 0)
        {
            return Outcome<Hazard>.Invalid(problems);
        }

        hazard.UpdatedAt = clock.GetUtcNow();
        if (id is null)
        {
            db.Add(hazard);
        }

        await db.SaveChangesAsync(ct);
        return id is null ? Outcome<Hazard>.Created(hazard) : Outcome<Hazard>.Ok(hazard);
    }
}
