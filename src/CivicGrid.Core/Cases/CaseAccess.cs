using System.Linq.Expressions;
using CivicGrid.Accounts;
using CivicGrid.Grid;

namespace CivicGrid.Cases;

/// <summary>
/// Who sees and who may act on a case. Area roles see the cases in their region subtree; handling units
/// (部门办理人, 企业) see the cases dispatched to them; anyone sees what he reported himself.
/// </summary>
public static class CaseAccess
{
    private static readonly AppRole[] AreaRoles =
        [AppRole.Admin, AppRole.Dispatcher, AppRole.Leader, AppRole.Inspector, AppRole.TownAdmin, AppRole.CommunityAdmin, AppRole.GridWorker];

    private static readonly AppRole[] DispatchRoles = [AppRole.Admin, AppRole.Dispatcher];
    private static readonly AppRole[] VerifyRoles = [AppRole.Admin, AppRole.Dispatcher, AppRole.Inspector, AppRole.GridWorker, AppRole.CommunityAdmin];

    public static IReadOnlyList<string> AreaPrefixes(AccessScope scope) => PrefixesOf(scope, AreaRoles);

    public static Expression<Func<Case, bool>> Visible(AccessScope scope)
    {
        var prefixes = AreaPrefixes(scope);
        var units = scope.ScopedUnitIds.ToList();
        var me = scope.UserId;
        Expression<Func<Case, bool>> own = c => c.ReporterUserId == me || c.Assignments.Any(a => units.Contains(a.UnitId));
        var parameter = own.Parameters[0];
        var region = Expression.Property(parameter, nameof(Case.RegionCode));
        var district = Expression.Property(parameter, nameof(Case.DistrictCode));
        var startsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
        Expression body = own.Body;
        foreach (var prefix in prefixes)
        {
            // A district-wide role also sees the district's cases that could not be located.
            body = Expression.OrElse(body, prefix.Length <= 6
                ? Expression.Equal(district, Expression.Constant(prefix))
                : Expression.AndAlso(
                    Expression.NotEqual(region, Expression.Constant(null, typeof(string))),
                    Expression.Call(region, startsWith, Expression.Constant(prefix))));
        }

        return Expression.Lambda<Func<Case, bool>>(body, parameter);
    }

    public static bool CanSee(AccessScope scope, Case c) =>
        c.ReporterUserId == scope.UserId
        || c.Assignments.Any(a => scope.ScopedUnitIds.Contains(a.UnitId))
        || InArea(scope, AreaRoles, c);

    /// <summary>受理、立案、派遣、结案、延期审批、挂账: the command centre of the case's area.</summary>
    public static bool CanDispatch(AccessScope scope, Case c) => InArea(scope, DispatchRoles, c);

    /// <summary>The caller's units among the case's current assignments (he acts for them).</summary>
    public static IReadOnlyList<CaseAssignment> ActingAssignments(AccessScope scope, Case c)
    {
        var units = scope.ScopedUnitIds.ToHashSet();
        return c.Assignments.Where(a => a.IsActive && units.Contains(a.UnitId)).ToList();
    }

    public static bool CanSelfHandle(AccessScope scope, Case c) => InArea(scope, [AppRole.GridWorker], c);

    public static bool CanVerify(AccessScope scope, Case c) => InArea(scope, VerifyRoles, c);

    public static bool CanEvaluate(AccessScope scope, Case c) =>
        (c.ReporterUserId is not null && c.ReporterUserId == scope.UserId) || CanDispatch(scope, c);

    private static bool InArea(AccessScope scope, AppRole[] roles, Case c) =>
        PrefixesOf(scope, roles).Any(p => p.Length <= 6 ? c.DistrictCode == p : c.RegionCode is not null && RegionLevels.IsWithin(c.RegionCode, p));

    private static List<string> PrefixesOf(AccessScope scope, AppRole[] roles) =>
        scope.Assignments.Where(a => roles.Contains(a.Role) && a.RegionCode is not null).Select(a => a.RegionCode!).Distinct().ToList();
}
