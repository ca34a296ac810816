using CivicGrid.Grid;

namespace CivicGrid.Accounts;

/// <summary>Who may create and change which accounts.</summary>
public static class UserAdministration
{
    /// <summary>Roles a 镇街/村居管理员 may hand out inside his area; everything else is the 系统管理员's.</summary>
    private static readonly AppRole[] DelegableRoles = [AppRole.CommunityAdmin, AppRole.GridWorker, AppRole.Volunteer, AppRole.Resident];

    public static bool CanAdminister(AccessScope scope, IEnumerable<RoleAssignment> assignments) =>
        assignments.All(a => CanGrant(scope, a.Role, a.RegionCode));

    public static bool CanGrant(AccessScope scope, AppRole role, string? regionCode)
    {
        if (scope.IsAdmin)
        {
            return true;
        }

        var managerPrefixes = scope.Assignments.Where(a => a.Role is AppRole.TownAdmin or AppRole.CommunityAdmin && a.RegionCode is not null)
            .Select(a => a.RegionCode!);
        return DelegableRoles.Contains(role) && regionCode is not null
            && managerPrefixes.Any(p => RegionLevels.IsWithin(regionCode, p) && (role != AppRole.CommunityAdmin || regionCode.Length > p.Length));
    }

    public static bool MayAdministerUsers(AccessScope scope) => scope.HasAny(AppRole.Admin, AppRole.TownAdmin, AppRole.CommunityAdmin);
}
