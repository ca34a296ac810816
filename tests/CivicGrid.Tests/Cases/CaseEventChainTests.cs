using CivicGrid.Cases;

namespace CivicGrid.Tests.Cases;

public sealed class CaseEventChainTests
{
    private static List<CaseEvent> Chain(int count)
    {
        var events = new List<CaseEvent>();
        var previous = CaseEventChain.Genesis;
        var at = new DateTimeOffset(2026, 10, 8, 9, 0, 0, TimeSpan.FromHours(8));
        for (var i = 1; i <= count; i++)
        {
            var e = new CaseEvent
            {
                CaseId = 42,
                Sequence = i,
                Kind = i == 1 ? "report" : "dispatch",
                Action = i == 1 ? null : CaseAction.Dispatch,
                FromStatus = i == 1 ? null : CaseStatus.Registered,
                ToStatus = CaseStatus.Dispatched,
                ActorName = "派遣员",
                At = at.AddMinutes(i),
                Comment = $"第{i}步",
            };
            CaseEventChain.Seal(e, previous);
            previous = e.Hash;
            events.Add(e);
        }

        return events;
    }

    [Fact]
    public void An_untouched_chain_verifies()
    {
        var verdict = CaseEventChain.Verify(Chain(5));
        Assert.True(verdict.Intact);
        Assert.Equal(5, verdict.Events);
    }

    [Fact]
    public void Editing_a_comment_is_detected_at_that_event()
    {
        var events = Chain(5);
        events[2].Comment = "改过的意见";
        var verdict = CaseEventChain.Verify(events);
        Assert.False(verdict.Intact);
        Assert.Equal(3, verdict.FirstBrokenSequence);
        Assert.Contains("篡改", verdict.Message);
    }

    [Fact]
    public void Deleting_an_event_is_detected()
    {
        var events = Chain(5);
        events.RemoveAt(3);
        Assert.Equal(5, CaseEventChain.Verify(events).FirstBrokenSequence);
    }

    [Fact]
    public void Rehashing_one_event_still_breaks_the_next_link()
    {
        var events = Chain(4);
        events[1].ActorName = "冒名者";
        events[1].Hash = CaseEventChain.Compute(events[1]);
        Assert.Equal(3, CaseEventChain.Verify(events).FirstBrokenSequence);
    }
}
