namespace CivicGrid.Cases;

/// <summary>
/// Which action may move a case from which state, and where to. Who may act is decided separately
/// (<see cref="CasePermissions"/>); this is only the shape of the loop.
/// </summary>
public static class CaseStateMachine
{
    private static readonly Dictionary<(CaseStatus, CaseAction), CaseStatus> Transitions = new()
    {
        [(CaseStatus.Reported, CaseAction.Register)] = CaseStatus.Registered,
        [(CaseStatus.Reported, CaseAction.Reject)] = CaseStatus.Rejected,
        [(CaseStatus.Reported, CaseAction.Merge)] = CaseStatus.Merged,
        [(CaseStatus.Registered, CaseAction.Merge)] = CaseStatus.Merged,
        [(CaseStatus.Registered, CaseAction.Dispatch)] = CaseStatus.Dispatched,
        [(CaseStatus.Returned, CaseAction.Dispatch)] = CaseStatus.Dispatched,
        [(CaseStatus.Returned, CaseAction.Reject)] = CaseStatus.Rejected,

        // The lead unit's 报到; co-units' acknowledgements are recorded without a state change.
        [(CaseStatus.Dispatched, CaseAction.Acknowledge)] = CaseStatus.Acknowledged,
        [(CaseStatus.Dispatched, CaseAction.Return)] = CaseStatus.Returned,
        [(CaseStatus.Acknowledged, CaseAction.Return)] = CaseStatus.Returned,

        [(CaseStatus.Acknowledged, CaseAction.Handle)] = CaseStatus.Handled,
        [(CaseStatus.Rework, CaseAction.Handle)] = CaseStatus.Handled,
        [(CaseStatus.Postponed, CaseAction.Handle)] = CaseStatus.Handled,
        [(CaseStatus.Suspended, CaseAction.Handle)] = CaseStatus.Handled,

        // 自行处置: a grid worker handles what he registered himself, without dispatch.
        [(CaseStatus.Registered, CaseAction.Handle)] = CaseStatus.Handled,

        [(CaseStatus.Handled, CaseAction.Verify)] = CaseStatus.Verified,
        [(CaseStatus.Handled, CaseAction.Rework)] = CaseStatus.Rework,
        [(CaseStatus.Verified, CaseAction.Close)] = CaseStatus.Closed,
        [(CaseStatus.Closed, CaseAction.Evaluate)] = CaseStatus.Evaluated,
        [(CaseStatus.Evaluated, CaseAction.Reopen)] = CaseStatus.Rework,

        [(CaseStatus.Acknowledged, CaseAction.Postpone)] = CaseStatus.Postponed,
        [(CaseStatus.Rework, CaseAction.Postpone)] = CaseStatus.Postponed,
        [(CaseStatus.Postponed, CaseAction.Postpone)] = CaseStatus.Postponed,

        [(CaseStatus.Registered, CaseAction.Suspend)] = CaseStatus.Suspended,
        [(CaseStatus.Dispatched, CaseAction.Suspend)] = CaseStatus.Suspended,
        [(CaseStatus.Acknowledged, CaseAction.Suspend)] = CaseStatus.Suspended,
        [(CaseStatus.Postponed, CaseAction.Suspend)] = CaseStatus.Suspended,
        [(CaseStatus.Rework, CaseAction.Suspend)] = CaseStatus.Suspended,
    };

    public static CaseStatus? Next(CaseStatus from, CaseAction action) =>
        Transitions.TryGetValue((from, action), out var to) ? to : null;

    public static bool IsAllowed(CaseStatus from, CaseAction action) => Transitions.ContainsKey((from, action));

    public static IEnumerable<CaseAction> AllowedActions(CaseStatus from) =>
        Transitions.Keys.Where(k => k.Item1 == from).Select(k => k.Item2);

    /// <summary>Why an action is refused, in Chinese.</summary>
    public static string RefusalMessage(CaseStatus from, CaseAction action)
    {
        var allowed = AllowedActions(from).Select(CaseStatuses.ChineseName).ToList();
        return $"案卷当前状态为“{CaseStatuses.ChineseName(from)}”，不能执行“{CaseStatuses.ChineseName(action)}”。"
            + (allowed.Count > 0 ? "当前可执行：" + string.Join("、", allowed) + "。" : "案卷已办结，不能再操作。");
    }
}
