using CivicGrid.Cases;

namespace CivicGrid.Tests.Cases;

public sealed class CaseStateMachineTests
{
    /// <summary>The loop of DESIGN.md written out independently of the implementation's table.</summary>
    private static readonly (CaseStatus From, CaseAction Action, CaseStatus To)[] Expected =
    [
        (CaseStatus.Reported, CaseAction.Register, CaseStatus.Registered),
        (CaseStatus.Reported, CaseAction.Reject, CaseStatus.Rejected),
        (CaseStatus.Reported, CaseAction.Merge, CaseStatus.Merged),
        (CaseStatus.Registered, CaseAction.Merge, CaseStatus.Merged),
        (CaseStatus.Registered, CaseAction.Dispatch, CaseStatus.Dispatched),
        (CaseStatus.Registered, CaseAction.Handle, CaseStatus.Handled),
        (CaseStatus.Registered, CaseAction.Suspend, CaseStatus.Suspended),
        (CaseStatus.Returned, CaseAction.Dispatch, CaseStatus.Dispatched),
        (CaseStatus.Returned, CaseAction.Reject, CaseStatus.Rejected),
        (CaseStatus.Dispatched, CaseAction.Acknowledge, CaseStatus.Acknowledged),
        (CaseStatus.Dispatched, CaseAction.Return, CaseStatus.Returned),
        (CaseStatus.Dispatched, CaseAction.Suspend, CaseStatus.Suspended),
        (CaseStatus.Acknowledged, CaseAction.Return, CaseStatus.Returned),
        (CaseStatus.Acknowledged, CaseAction.Handle, CaseStatus.Handled),
        (CaseStatus.Acknowledged, CaseAction.Postpone, CaseStatus.Postponed),
        (CaseStatus.Acknowledged, CaseAction.Suspend, CaseStatus.Suspended),
        (CaseStatus.Postponed, CaseAction.Handle, CaseStatus.Handled),
        (CaseStatus.Postponed, CaseAction.Postpone, CaseStatus.Postponed),
        (CaseStatus.Postponed, CaseAction.Suspend, CaseStatus.Suspended),
        (CaseStatus.Suspended, CaseAction.Handle, CaseStatus.Handled),
        (CaseStatus.Rework, CaseAction.Handle, CaseStatus.Handled),
        (CaseStatus.Rework, CaseAction.Postpone, CaseStatus.Postponed),
        (CaseStatus.Rework, CaseAction.Suspend, CaseStatus.Suspended),
        (CaseStatus.Handled, CaseAction.Verify, CaseStatus.Verified),
        (CaseStatus.Handled, CaseAction.Rework, CaseStatus.Rework),
        (CaseStatus.Verified, CaseAction.Close, CaseStatus.Closed),
        (CaseStatus.Closed, CaseAction.Evaluate, CaseStatus.Evaluated),
        (CaseStatus.Evaluated, CaseAction.Reopen, CaseStatus.Rework),
    ];

    public static TheoryData<CaseStatus, CaseAction> EveryPair()
    {
        var data = new TheoryData<CaseStatus, CaseAction>();
        foreach (var s in Enum.GetValues<CaseStatus>())
        {
            foreach (var a in Enum.GetValues<CaseAction>())
            {
                data.Add(s, a);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Every_state_and_action_pair_is_allowed_or_refused_as_designed(CaseStatus from, CaseAction action)
    {
        var expected = Expected.Where(t => t.From == from && t.Action == action).Select(t => (CaseStatus?)t.To).SingleOrDefault();
        Assert.Equal(expected, CaseStateMachine.Next(from, action));
        if (expected is null)
        {
            var message = CaseStateMachine.RefusalMessage(from, action);
            Assert.Contains(CaseStatuses.ChineseName(from), message);
            Assert.Contains(CaseStatuses.ChineseName(action), message);
        }
    }

    [Theory]
    [InlineData(CaseStatus.Rejected)]
    [InlineData(CaseStatus.Merged)]
    [InlineData(CaseStatus.Evaluated)]
    public void Finished_cases_only_reopen_through_the_system(CaseStatus final)
    {
        var allowed = CaseStateMachine.AllowedActions(final).ToList();
        Assert.True(allowed.Count == 0 || allowed.SequenceEqual([CaseAction.Reopen]));
    }

    [Theory]
    [InlineData("register", true)]
    [InlineData("DISPATCH", true)]
    [InlineData("reopen", false)]
    [InlineData("5", false)]
    [InlineData("fly", false)]
    [InlineData(null, false)]
    public void Only_api_actions_parse(string? text, bool ok) => Assert.Equal(ok, CaseStatuses.TryParseAction(text, out _));
}
