using CivicGrid.Accounts;
using CivicGrid.Data;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Safety.Detections;

public sealed record CameraRuleView(string Type, string TypeName, double MinConfidence, IReadOnlyList<ZonePoint> Zone, bool WholeImage,
    int PersistenceSeconds, int CooldownSeconds, bool WorkingHoursOnly, string Action, string ActionName, bool Enabled);

public sealed record CameraView(int Id, string Code, string Name, int EnterpriseId, int? AreaId, string? RegionCode, bool IsActive,
    DateTimeOffset UpdatedAt, IReadOnlyList<CameraRuleView> Rules);

/// <summary>The cameras of an enterprise with their rules, for the editing page and API.</summary>
public sealed class CameraQueries(AppDbContext db)
{
    public async Task<Outcome<IReadOnlyList<CameraView>>> ListAsync(AccessScope scope, int enterpriseId, CancellationToken ct = default)
    {
        var found = await SafetyAccess.EnterpriseAsync(db, scope, enterpriseId, ct);
        if (!found.Succeeded)
        {
            return found.Fail<Organization.Unit, IReadOnlyList<CameraView>>();
        }

        var cameras = await db.Set<Camera>().AsNoTracking().Where(c => c.EnterpriseId == enterpriseId).OrderBy(c => c.Code).ToListAsync(ct);
        return Outcome<IReadOnlyList<CameraView>>.Ok(await ViewsAsync(cameras, ct));
    }

    public async Task<Outcome<CameraView>> GetAsync(AccessScope scope, int cameraId, CancellationToken ct = default)
    {
        var (camera, refusal) = await FindAsync(db, scope, cameraId, ct);
        return camera is null ? refusal!.Fail<Organization.Unit, CameraView>() : Outcome<CameraView>.Ok((await ViewsAsync([camera], ct))[0]);
    }

    /// <summary>The camera (tracked) when the caller works on its enterprise; NotFound for another's, Forbidden without safety work.</summary>
    internal static async Task<(Camera? Camera, Outcome<Organization.Unit>? Refusal)> FindAsync(AppDbContext db, AccessScope scope, int id, CancellationToken ct)
    {
        var camera = await db.Set<Camera>().FirstOrDefaultAsync(c => c.Id == id, ct);
        var enterprise = await SafetyAccess.EnterpriseAsync(db, scope, camera?.EnterpriseId ?? 0, ct);
        if (enterprise.Status == OutcomeStatus.Forbidden)
        {
            return (null, enterprise);
        }

        return camera is not null && enterprise.Succeeded ? (camera, null)
            : (null, Outcome<Organization.Unit>.NotFound($"摄像头 {id} 不存在或不在您的管辖范围内。"));
    }

    private async Task<List<CameraView>> ViewsAsync(List<Camera> cameras, CancellationToken ct)
    {
        var ids = cameras.Select(c => c.Id).ToList();
        var rules = (await db.Set<DetectionRule>().AsNoTracking().Where(r => ids.Contains(r.CameraId)).ToListAsync(ct)).ToLookup(r => r.CameraId);
        return cameras.Select(c => new CameraView(c.Id, c.Code, c.Name, c.EnterpriseId, c.AreaId, c.RegionCode, c.IsActive, c.UpdatedAt,
            rules[c.Id].OrderBy(r => r.Type).Select(View).ToList())).ToList();
    }

    private static CameraRuleView View(DetectionRule r)
    {
        var zone = ZonePolygon.Parse(r.Zone) ?? ZonePolygon.WholeImage;
        return new CameraRuleView(DetectionTypes.Code(r.Type), DetectionTypes.Name(r.Type), r.MinConfidence,
            zone.Points.Select(p => new ZonePoint(p.X, p.Y)).ToList(), zone.IsWholeImage, r.PersistenceSeconds, r.CooldownSeconds, r.WorkingHoursOnly,
            CameraRules.ActionCode(r.Action), CameraRules.ActionName(r.Action), r.IsEnabled);
    }
}
