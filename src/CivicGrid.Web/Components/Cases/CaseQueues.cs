using System.Linq.Expressions;
using CivicGrid.Accounts;
using CivicGrid.Cases;

namespace CivicGrid.Web.Components.Cases;

/// <summary>One work queue of the 问题案卷 console (a tab): which cases it holds for the caller.</summary>
public sealed record CaseQueue(string Key, string Title, string Hint, Func<AccessScope, DateTimeOffset, Expression<Func<Case, bool>>> Filter);

/// <summary>The queues in tab order. 待签收 for a handling unit means: dispatched to my unit and not yet acknowledged (报到).</summary>
public static class CaseQueues
{
    private static readonly CaseStatus[] Final = [CaseStatus.Rejected, CaseStatus.Merged, CaseStatus.Closed, CaseStatus.Evaluated];

    public static IReadOnlyList<CaseQueue> All { get; } =
    [
        new("reported", "待受理", "群众、热线等上报、尚未立案的案卷", (_, _) => c => c.Status == CaseStatus.Reported),
        new("dispatch", "待派遣", "已立案或被退回、等待派遣的案卷", (_, _) => c => c.Status == CaseStatus.Registered || c.Status == CaseStatus.Returned),
        new("acknowledge", "待签收", "已派遣、等待责任单位签收（报到）的案卷", AwaitingAcknowledgement),
        new("handling", "办理中", "已签收、返工或延期中的案卷",
            (_, _) => c => c.Status == CaseStatus.Acknowledged || c.Status == CaseStatus.Rework || c.Status == CaseStatus.Postponed),
        new("verify", "待核查", "责任单位已处置、等待核查的案卷", (_, _) => c => c.Status == CaseStatus.Handled),
        new("closed", "已结案", "已结案或已评价的案卷", (_, _) => c => c.Status == CaseStatus.Closed || c.Status == CaseStatus.Evaluated),
        new("overdue", "超期", "已过处置时限、尚未办结的案卷", (_, now) => c => c.Deadline != null && c.Deadline < now && !Final.Contains(c.Status)),
        new("supervised", "督办", "黄牌、红牌督办中的案卷", (_, _) => c => c.Card != SupervisionCard.None && !Final.Contains(c.Status)),
        new("all", "全部", "您可查看的全部案卷", (_, _) => c => true),
    ];

    public static CaseQueue Find(string? key) => All.FirstOrDefault(q => q.Key == key) ?? All[0];

    /// <summary>Area roles see every dispatched case; a handling unit sees what waits for its own 报到 (also as co-unit).</summary>
    private static Expression<Func<Case, bool>> AwaitingAcknowledgement(AccessScope scope, DateTimeOffset now)
    {
        if (CaseAccess.AreaPrefixes(scope).Count > 0 || !scope.ScopedUnitIds.Any())
        {
            return c => c.Status == CaseStatus.Dispatched;
        }

        var units = scope.ScopedUnitIds.ToList();
        return c => !Final.Contains(c.Status) && c.Assignments.Any(a => a.IsActive && a.AcknowledgedAt == null && units.Contains(a.UnitId));
    }
}
