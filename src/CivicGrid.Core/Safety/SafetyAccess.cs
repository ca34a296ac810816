using CivicGrid.Accounts;
using CivicGrid.Data;
using CivicGrid.Grid;
using CivicGrid.Organization;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Safety;

/// <summary>
/// Who works on which enterprise's safety data: an enterprise's safety officer (role bound to the unit) on his own
/// enterprise only; district safety staff (a safety officer bound to a region) and administrators on every enterprise
/// in their region. Nobody else: a 镇街 or a department sees no enterprise's risk register.
/// </summary>
public static class SafetyAccess
{
    public static bool UsesSafety(AccessScope scope) =>
        scope.Assignments.Any(a => a.Role is AppRole.SafetyOfficer or AppRole.Admin);

    public static bool CanSee(AccessScope scope, int enterpriseId, string regionCode) =>
        scope.Assignments.Any(a =>
            (a.Role == AppRole.SafetyOfficer && a.UnitId == enterpriseId)
            || (a.Role is AppRole.SafetyOfficer or AppRole.Admin && a.UnitId is null && a.RegionCode is not null && RegionLevels.IsWithin(regionCode, a.RegionCode)));

    /// <summary>The enterprises (units of kind 企事业单位) the caller may work on.</summary>
    public static async Task<List<Unit>> EnterprisesAsync(AppDbContext db, AccessScope scope, CancellationToken ct)
    {
        if (!UsesSafety(scope))
        {
            return [];
        }

        var all = await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Enterprise && u.IsActive).OrderBy(u => u.Code).ToListAsync(ct);
        return all.Where(u => CanSee(scope, u.Id, u.RegionCode)).ToList();
    }

    /// <summary>The enterprise if the caller may work on it: Forbidden for roles without safety work, NotFound otherwise.</summary>
    public static async Task<Outcome<Unit>> EnterpriseAsync(AppDbContext db, AccessScope scope, int enterpriseId, CancellationToken ct)
    {
        if (!UsesSafety(scope))
        {
            return Outcome<Unit>.Forbidden("安全风险管控仅对企业安全管理人员和安全监管人员开放。");
        }

        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == enterpriseId && u.Kind == UnitKind.Enterprise, ct);
        return unit is null || !CanSee(scope, unit.Id, unit.RegionCode)
            ? Outcome<Unit>.NotFound($"企业 {enterpriseId} 不存在或不在您的管辖范围内。")
            : Outcome<Unit>.Ok(unit);
    }

    public static Outcome<TOut> Fail<TIn, TOut>(this Outcome<TIn> failed) =>
        new(failed.Status, default, failed.Message, failed.Problems);
}
