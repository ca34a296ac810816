using System.Linq.Expressions;
using CivicGrid.Accounts;

namespace CivicGrid.Inspections;

/// <summary>
/// Who does what with inspections. 督查员 and 系统管理员 plan and inspect; an assignee may do his own tasks. Reading
/// follows the points: a 镇街管理员 sees the tasks and records of his area, a department (部门办理人) those of the points it
/// answers for. Nobody changes a submitted record.
/// </summary>
public static class InspectionAccess
{
    public static bool CanPlan(AccessScope scope) => scope.HasAny(AppRole.Admin, AppRole.Inspector);

    public static bool CanInspect(AccessScope scope, string? assignees) =>
        scope.HasAny(AppRole.Admin, AppRole.Inspector)
        || (assignees is not null && InspectionPlan.Split(assignees).Contains(scope.UserName, StringComparer.OrdinalIgnoreCase));

    /// <summary>Roles that read inspections by area; anyone else (a department's 办理人) only those of the points his unit answers for.</summary>
    private static readonly AppRole[] AreaRoles =
        [AppRole.Admin, AppRole.Dispatcher, AppRole.Leader, AppRole.Inspector, AppRole.TownAdmin, AppRole.CommunityAdmin, AppRole.GridWorker];

    public static Expression<Func<Inspection, bool>> Readable(AccessScope scope)
    {
        if (scope.HasAny(AreaRoles))
        {
            return ScopeFilter.ReadableRegion<Inspection>(scope, i => i.RegionCode, i => i.ResponsibleUnitId);
        }

        var units = scope.ScopedUnitIds.ToList();
        return i => units.Contains(i.ResponsibleUnitId);
    }

    public static Expression<Func<InspectionTask, bool>> ReadableTask(AccessScope scope)
    {
        if (scope.HasAny(AreaRoles))
        {
            return ScopeFilter.ReadableRegion<InspectionTask>(scope, t => t.RegionCode, t => t.ResponsibleUnitId);
        }

        var units = scope.ScopedUnitIds.ToList();
        return t => units.Contains(t.ResponsibleUnitId);
    }

    public static bool CanReadTask(AccessScope scope, InspectionTask task) =>
        CanInspect(scope, task.Assignees) || ReadableTask(scope).Compile()(task);
}
