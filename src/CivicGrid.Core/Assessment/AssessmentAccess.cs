using CivicGrid.Accounts;

namespace CivicGrid.Assessment;

/// <summary>Who reads and manages assessments: staff of the command structure; a 镇街/村居 admin only his own area's subjects.</summary>
public static class AssessmentAccess
{
    public static bool CanRead(AccessScope scope) =>
        scope.HasAny(AppRole.Admin, AppRole.Dispatcher, AppRole.Leader, AppRole.Inspector, AppRole.TownAdmin, AppRole.CommunityAdmin);

    public static bool CanManage(AccessScope scope) => scope.HasAny(AppRole.Admin, AppRole.Dispatcher);

    /// <summary>Departments are ranked district-wide, so only those who read the whole district see that ranking.</summary>
    public static bool CanReadSubject(AccessScope scope, SubjectKind kind, string regionCode, string districtCode) =>
        kind == SubjectKind.Department ? scope.CanReadSubtree(districtCode) : scope.CanReadSubtree(regionCode);
}
