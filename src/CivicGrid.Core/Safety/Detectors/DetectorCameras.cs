using CivicGrid.Accounts;
using CivicGrid.Data;
using CivicGrid.Platform;
using CivicGrid.Safety.Detections;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Safety.Detectors;

public sealed record DetectorCamera(string Code, string Name)
{
    public string Label => Code + " " + Name;
}

/// <summary>The active cameras of an enterprise a detector can be run for (the console's camera choice).</summary>
public sealed class DetectorCameras(AppDbContext db)
{
    public async Task<Outcome<IReadOnlyList<DetectorCamera>>> ListAsync(AccessScope scope, int enterpriseId, CancellationToken ct = default)
    {
        var enterprise = await SafetyAccess.EnterpriseAsync(db, scope, enterpriseId, ct);
        if (!enterprise.Succeeded)
        {
            return enterprise.Fail<Organization.Unit, IReadOnlyList<DetectorCamera>>();
        }

        var cameras = await db.Set<Camera>().AsNoTracking().Where(c => c.EnterpriseId == enterpriseId && c.IsActive)
            .OrderBy(c => c.Code).Select(c => new DetectorCamera(c.Code, c.Name)).ToListAsync(ct);
        return Outcome<IReadOnlyList<DetectorCamera>>.Ok(cameras);
    }
}
