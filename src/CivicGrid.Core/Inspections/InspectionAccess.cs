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

    public static Expression<Func<Inspection, bool>> Readable(AccessScope scope) =>
        ScopeFilter.ReadableRegion<Inspection>(scope, i => i.RegionCode, i => i.ResponsibleUnitId);

    public static Expression<Func<InspectionTask, bool>> ReadableTask(AccessScope scope) =>
        ScopeFilter.ReadableRegion<InspectionTask>(scope, t => t.RegionCode, t => t.ResponsibleUnitId);
}
