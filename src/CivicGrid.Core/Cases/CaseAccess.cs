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

    /// <summary>The cases the caller may see: in one of his areas, reported by him, or dispatched to one of his units.</summary>
    public static Expression<Func<Case, bool>> Visible(AccessScope scope)
    {
        var parameter = Expression.Parameter(typeof(Case), "c");
        return Expression.Lambda<Func<Case, bool>>(AnyOf(Ways(scope), parameter), parameter);
    }

    /// <summary>
    /// The cases the caller may see, cut into parts that do not overlap, each a predicate an index can answer on its own:
    /// one per area of his area roles, then what he reported outside them, then what was dispatched to his units outside
    /// both. A query over a million cases unites the parts (UNION ALL, nothing to de-duplicate) instead of OR-ing them,
    /// which no index answers.
    /// </summary>
    public static VisibilityParts VisibleParts(AccessScope scope)
    {
        var ways = Ways(scope);
        var areas = ways.Count - (scope.ScopedUnitIds.Any() ? 2 : 1);
        var beyond = new List<Expression<Func<Case, bool>>>();
        for (var i = areas; i < ways.Count; i++)
        {
            var parameter = Expression.Parameter(typeof(Case), "c");
            var body = i == 0
                ? Expression.Invoke(ways[i], parameter)
                : (Expression)Expression.AndAlso(Expression.Invoke(ways[i], parameter), Expression.Not(AnyOf(ways.Take(i), parameter)));
            beyond.Add(Expression.Lambda<Func<Case, bool>>(body, parameter));
        }

        return new VisibilityParts(ways.Take(areas).ToList(), OutermostAreas(scope), beyond, UnitAssignmentsOutside(scope));
    }

    /// <summary>
    /// Where the cases of the caller's units outside his areas are to be found: his units' assignments whose cell is
    /// unknown or lies between his areas, one predicate per gap, each a range of the (UnitId, RegionCode, CaseId) index.
    /// They hold every case of the "dispatched to his units" part of <see cref="VisibleParts"/> (an assignment keeps its
    /// case's cell, and a located case carries its cell's district) and, for a 镇街 office, few others: its cases are
    /// nearly all in its own 镇街. Null when the caller has no units.
    /// </summary>
    private static List<Expression<Func<CaseAssignment, bool>>>? UnitAssignmentsOutside(AccessScope scope)
    {
        var units = scope.ScopedUnitIds.ToList();
        if (units.Count == 0)
        {
            return null;
        }

        if (CaseRegions.Outside(AreaPrefixes(scope)) is not { } gaps)
        {
            return [a => units.Contains(a.UnitId)];
        }

        var outside = new List<Expression<Func<CaseAssignment, bool>>> { a => units.Contains(a.UnitId) && a.RegionCode == null };
        foreach (var (from, to) in gaps)
        {
            outside.Add((from, to) switch
            {
                (null, null) => a => units.Contains(a.UnitId) && a.RegionCode != null,
                (null, { } below) => a => units.Contains(a.UnitId) && a.RegionCode != null && string.Compare(a.RegionCode, below) < 0,
                ({ } least, null) => a => units.Contains(a.UnitId) && string.Compare(a.RegionCode, least) >= 0,
                ({ } least, { } below) => a => units.Contains(a.UnitId) && string.Compare(a.RegionCode, least) >= 0 && string.Compare(a.RegionCode, below) < 0,
            });
        }

        return outside;
    }

    /// <summary>
    /// Each way a case can be visible: one per area of the caller's area roles (an area inside another is left out:
    /// a located case carries its cell's district, so the outer one holds it), what he reported, and what was
    /// dispatched to his units when he has any. A district-wide role also sees the district's cases that could not be located.
    /// </summary>
    private static List<Expression<Func<Case, bool>>> Ways(AccessScope scope)
    {
        var ways = OutermostAreas(scope).Select(CaseRegions.Within).ToList();
        var me = scope.UserId;
        ways.Add(c => c.ReporterUserId == me);
        var units = scope.ScopedUnitIds.ToList();
        if (units.Count > 0)
        {
            ways.Add(c => c.Assignments.Any(a => units.Contains(a.UnitId)));
        }

        return ways;
    }

    private static List<string> OutermostAreas(AccessScope scope)
    {
        var areas = AreaPrefixes(scope);
        return areas.Where(p => !areas.Any(q => q != p && RegionLevels.IsWithin(p, q))).ToList();
    }

    private static Expression AnyOf(IEnumerable<Expression<Func<Case, bool>>> ways, ParameterExpression parameter) =>
        ways.Select(w => (Expression)Expression.Invoke(w, parameter)).Aggregate(Expression.OrElse);

    /// <summary>
    /// True when the caller sees every case in <paramref name="region"/> because it lies in one of his areas. For a
    /// district-wide role this rests on a located case carrying its cell's district (intake takes both from the same
    /// locate path).
    /// </summary>
    public static bool SeesWholeRegion(AccessScope scope, string region) => AreaPrefixes(scope).Any(p => RegionLevels.IsWithin(region, p));

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

/// <summary>
/// What a caller sees, in parts that do not overlap: his areas, and what he sees beyond them (own reports, then his units'
/// cases when he has units); <paramref name="AreaCodes"/> are the regions of <paramref name="Areas"/>, in the same order;
/// <paramref name="UnitAssignmentsOutside"/> finds the assignments of the cases in the last of the parts beyond.
/// </summary>
public sealed record VisibilityParts(
    IReadOnlyList<Expression<Func<Case, bool>>> Areas,
    IReadOnlyList<string> AreaCodes,
    IReadOnlyList<Expression<Func<Case, bool>>> Beyond,
    IReadOnlyList<Expression<Func<CaseAssignment, bool>>>? UnitAssignmentsOutside);
