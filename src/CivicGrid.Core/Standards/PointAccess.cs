using System.Linq.Expressions;
using CivicGrid.Accounts;
using CivicGrid.Grid;

namespace CivicGrid.Standards;

/// <summary>
/// Who sees and who changes inspection points. Everyone who sees the grid of an area sees its points (and a unit
/// sees the points it answers for); 系统管理员 and 镇街/村居管理员 change the points of their area. The contact phone is
/// shown in full only to those who manage the point or who dispatch and inspect in its area.
/// </summary>
public static class PointAccess
{
    private static readonly AppRole[] ContactRoles = [AppRole.Admin, AppRole.Dispatcher, AppRole.Inspector];

    public static Expression<Func<InspectionPoint, bool>> Readable(AccessScope scope) =>
        ScopeFilter.ReadableRegion<InspectionPoint>(scope, p => p.RegionCode, p => p.ResponsibleUnitId);

    public static bool CanRead(AccessScope scope, InspectionPoint point) =>
        scope.CanReadRegion(point.RegionCode) || scope.ScopedUnitIds.Contains(point.ResponsibleUnitId);

    public static bool CanManage(AccessScope scope, string regionCode) => scope.CanManageRegion(regionCode);

    /// <summary>Whether the caller may change points at all (to show edit and import buttons).</summary>
    public static bool ManagesAny(AccessScope scope) => scope.ManagedRegionPrefixes.Any();

    public static bool SeesContact(AccessScope scope, string regionCode) =>
        CanManage(scope, regionCode)
        || scope.Assignments.Any(a => ContactRoles.Contains(a.Role) && a.RegionCode is not null && RegionLevels.IsWithin(regionCode, a.RegionCode));
}
