using CivicGrid.Accounts;
using CivicGrid.Data;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Safety.Detections;

/// <summary>A warning as <c>GET /api/v1/safety/warnings</c> lists it (CONTRACT.md).</summary>
public sealed record WarningListItem(long Id, string CameraCode, string Type, DateTimeOffset FirstSeenAt, string Status);

/// <summary>A warning on the console board.</summary>
public sealed record WarningBoardItem(long Id, string CameraCode, string CameraName, string? AreaName, string Type, string TypeName,
    DateTimeOffset FirstSeenAt, DateTimeOffset RaisedAt, double Confidence, string Action, string ActionName, string Status, string StatusName,
    string? SnapshotUrl, int? HiddenDangerId, int? ViolationId, string? ResolvedBy);

/// <summary>Precision of one camera × type: confirmed / (confirmed + dismissed); null before anything was judged.</summary>
public sealed record WarningPrecision(string CameraCode, string CameraName, string TypeName, int Confirmed, int Dismissed, int Open, double? Precision);

public sealed record WarningPerson(int Id, string Name, string UnitName);

public sealed class WarningQueries(AppDbContext db)
{
    public async Task<Outcome<PagedList<WarningListItem>>> ListAsync(AccessScope scope, string? cameraCode, DateTimeOffset? since, int? page, int? pageSize,
        CancellationToken ct = default)
    {
        if (!SafetyAccess.UsesSafety(scope))
        {
            return Outcome<PagedList<WarningListItem>>.Forbidden("安全风险管控仅对企业安全管理人员和安全监管人员开放。");
        }

        var enterprises = (await SafetyAccess.EnterprisesAsync(db, scope, ct)).Select(u => u.Id).ToList();
        var query = from w in db.Set<DetectionWarning>().AsNoTracking()
                    join c in db.Set<Camera>().AsNoTracking() on w.CameraId equals c.Id
                    where enterprises.Contains(w.EnterpriseId)
                    select new { w, c.Code };
        if (!string.IsNullOrWhiteSpace(cameraCode))
        {
            var code = cameraCode.Trim();
            query = query.Where(x => x.Code == code);
        }

        if (since is { } from)
        {
            query = query.Where(x => x.w.FirstSeenAt >= from);
        }

        var (p, size) = Paging.Normalize(page, pageSize);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(x => x.w.FirstSeenAt).ThenByDescending(x => x.w.Id).Skip((p - 1) * size).Take(size)
            .Select(x => new { x.w.Id, x.Code, x.w.Type, x.w.FirstSeenAt, x.w.Status }).ToListAsync(ct);
        return Outcome<PagedList<WarningListItem>>.Ok(new PagedList<WarningListItem>(
            rows.Select(r => new WarningListItem(r.Id, r.Code, DetectionTypes.Code(r.Type), r.FirstSeenAt, WarningStatuses.Code(r.Status))).ToList(), total, p, size));
    }

    /// <summary>The newest warnings of an enterprise (open ones first when asked), for the board.</summary>
    public async Task<Outcome<IReadOnlyList<WarningBoardItem>>> BoardAsync(AccessScope scope, int enterpriseId, bool openOnly, int take = 100, CancellationToken ct = default)
    {
        var enterprise = await SafetyAccess.EnterpriseAsync(db, scope, enterpriseId, ct);
        if (!enterprise.Succeeded)
        {
            return enterprise.Fail<Organization.Unit, IReadOnlyList<WarningBoardItem>>();
        }

        var query = db.Set<DetectionWarning>().AsNoTracking().Where(w => w.EnterpriseId == enterpriseId);
        if (openOnly)
        {
            query = query.Where(w => w.Status == WarningStatus.New);
        }

        var rows = await (from w in query
                          join c in db.Set<Camera>() on w.CameraId equals c.Id
                          join a in db.Set<SafetyArea>() on c.AreaId equals a.Id into areas
                          from a in areas.DefaultIfEmpty()
                          orderby w.RaisedAt descending, w.Id descending
                          select new { w, c.Code, c.Name, Area = a == null ? null : a.Name }).Take(Math.Clamp(take, 1, 500)).ToListAsync(ct);
        return Outcome<IReadOnlyList<WarningBoardItem>>.Ok(rows.Select(r => new WarningBoardItem(
            r.w.Id, r.Code, r.Name, r.Area, DetectionTypes.Code(r.w.Type), DetectionTypes.Name(r.w.Type), r.w.FirstSeenAt, r.w.RaisedAt, r.w.Confidence,
            r.w.Action.ToString(), WarningStatuses.ActionName(r.w.Action), WarningStatuses.Code(r.w.Status), WarningStatuses.Name(r.w.Status),
            r.w.SnapshotFileId is null ? null : $"/api/v1/files/{r.w.SnapshotFileId}", r.w.HiddenDangerId, r.w.ViolationId, r.w.ResolvedBy)).ToList());
    }

    /// <summary>Per camera and type: how many warnings people confirmed or dismissed as false alarms.</summary>
    public async Task<Outcome<IReadOnlyList<WarningPrecision>>> PrecisionAsync(AccessScope scope, int enterpriseId, CancellationToken ct = default)
    {
        var enterprise = await SafetyAccess.EnterpriseAsync(db, scope, enterpriseId, ct);
        if (!enterprise.Succeeded)
        {
            return enterprise.Fail<Organization.Unit, IReadOnlyList<WarningPrecision>>();
        }

        var counts = await (from w in db.Set<DetectionWarning>().AsNoTracking()
                            where w.EnterpriseId == enterpriseId
                            group w by new { w.CameraId, w.Type, w.Status } into g
                            select new { g.Key.CameraId, g.Key.Type, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        var cameras = await db.Set<Camera>().AsNoTracking().Where(c => c.EnterpriseId == enterpriseId).ToDictionaryAsync(c => c.Id, ct);
        return Outcome<IReadOnlyList<WarningPrecision>>.Ok(counts.GroupBy(c => (c.CameraId, c.Type)).Select(g =>
        {
            var confirmed = g.Where(x => x.Status is WarningStatus.HiddenDanger or WarningStatus.Violation).Sum(x => x.Count);
            var dismissed = g.Where(x => x.Status == WarningStatus.Dismissed).Sum(x => x.Count);
            var open = g.Where(x => x.Status == WarningStatus.New).Sum(x => x.Count);
            var camera = cameras[g.Key.CameraId];
            return new WarningPrecision(camera.Code, camera.Name, DetectionTypes.Name(g.Key.Type), confirmed, dismissed, open,
                confirmed + dismissed == 0 ? null : (double)confirmed / (confirmed + dismissed));
        }).OrderBy(p => p.CameraCode).ThenBy(p => p.TypeName, StringComparer.Ordinal).ToList());
    }

    /// <summary>The people of the enterprise, for confirming a 三违 against one of them.</summary>
    public async Task<Outcome<IReadOnlyList<WarningPerson>>> PeopleAsync(AccessScope scope, int enterpriseId, CancellationToken ct = default)
    {
        var enterprise = await SafetyAccess.EnterpriseAsync(db, scope, enterpriseId, ct);
        if (!enterprise.Succeeded)
        {
            return enterprise.Fail<Organization.Unit, IReadOnlyList<WarningPerson>>();
        }

        var units = await SafetyPeople.UnitIdsAsync(db, enterpriseId, ct);
        var people = await (from p in db.People.AsNoTracking()
                            join u in db.Units.AsNoTracking() on p.UnitId equals u.Id
                            where units.Contains(p.UnitId)
                            orderby p.Name
                            select new WarningPerson(p.Id, p.Name, u.Name)).Take(2000).ToListAsync(ct);
        return Outcome<IReadOnlyList<WarningPerson>>.Ok(people);
    }
}
