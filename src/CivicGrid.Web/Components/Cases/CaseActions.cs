using CivicGrid.Accounts;
using CivicGrid.Cases;

namespace CivicGrid.Web.Components.Cases;

/// <summary>Which buttons the caller gets on a case: allowed by the state machine and by who he is (mirrors TransitionCase's checks).</summary>
public static class CaseActions
{
    /// <summary>Button order on the detail page.</summary>
    public static IReadOnlyList<string> Order { get; } =
        ["register", "reject", "merge", "dispatch", "acknowledge", "return", "handle", "verify", "rework", "close", "postpone", "suspend", "evaluate"];

    public static IReadOnlyList<string> For(AccessScope scope, Case c)
    {
        var acting = CaseAccess.ActingAssignments(scope, c);
        var actions = new List<string>();
        foreach (var name in Order)
        {
            if (!CaseStatuses.TryParseAction(name, out var action))
            {
                continue;
            }

            var permitted = action switch
            {
                CaseAction.Register or CaseAction.Reject or CaseAction.Merge or CaseAction.Dispatch or CaseAction.Close or CaseAction.Postpone
                    or CaseAction.Suspend => CaseAccess.CanDispatch(scope, c),
                CaseAction.Acknowledge => acting.Any(a => a.AcknowledgedAt is null),
                CaseAction.Return => acting.Any(a => a.IsLead),
                CaseAction.Handle => c.Status == CaseStatus.Registered ? CaseAccess.CanSelfHandle(scope, c) : acting.Any(a => a.IsLead),
                CaseAction.Verify or CaseAction.Rework => CaseAccess.CanVerify(scope, c),
                CaseAction.Evaluate => CaseAccess.CanEvaluate(scope, c),
                _ => false,
            };

            // A co-unit reports (报到) whenever its own assignment is open, whatever the lead has done.
            var stateAllows = CaseStateMachine.IsAllowed(c.Status, action)
                || (action == CaseAction.Acknowledge && !CaseStatuses.IsFinal(c.Status) && acting.Any(a => a.AcknowledgedAt is null && !a.IsLead));
            if (permitted && stateAllows)
            {
                actions.Add(name);
            }
        }

        return actions;
    }

    public static string Title(string action) => CaseStatuses.TryParseAction(action, out var a) ? CaseStatuses.ChineseName(a) : action;
}
