using CivicGrid.Safety.Detections;

namespace CivicGrid.Tests.Safety;

/// <summary>The rule engine on recorded event sequences: exactly the expected warnings come out.</summary>
public sealed class DetectionRuleEngineTests
{
    private static readonly DateTimeOffset T0 = new(2026, 9, 1, 2, 0, 0, TimeSpan.Zero); // 10:00 in Beijing
    private static readonly DetectionBox Centre = new(0.4, 0.4, 0.2, 0.2);
    private static readonly RuleSettings Demo = new(0.6, ZonePolygon.WholeImage, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(60), false);

    private static List<DetectionVerdict> Run(RuleSettings rule, IEnumerable<(double Seconds, double Confidence, DetectionBox? Box)> events, Func<DateTimeOffset, bool>? working = null)
    {
        var state = new RuleState();
        return events.Select(e => DetectionRuleEngine.Evaluate(rule, state,
            new DetectionEvent(T0.AddSeconds(e.Seconds), e.Confidence, e.Box is { } b ? [b] : []), working ?? (_ => true)).Verdict).ToList();
    }

    private static int Warnings(IEnumerable<DetectionVerdict> verdicts) => verdicts.Count(v => v == DetectionVerdict.Warning);

    [Fact]
    public void A_burst_warns_once_after_the_persistence_time_and_then_cools_down()
    {
        // 1 frame a second for 30 seconds: warns at second 2, then every later frame is inside the cooldown.
        var verdicts = Run(Demo, Enumerable.Range(0, 31).Select(s => ((double)s, 0.9, (DetectionBox?)Centre)));
        Assert.Equal([DetectionVerdict.Persisting, DetectionVerdict.Persisting, DetectionVerdict.Warning], verdicts.Take(3));
        Assert.Equal(1, Warnings(verdicts));
        Assert.All(verdicts.Skip(3), v => Assert.Equal(DetectionVerdict.CoolingDown, v));
    }

    [Fact]
    public void A_condition_that_lasts_past_the_cooldown_warns_again()
    {
        var verdicts = Run(Demo, Enumerable.Range(0, 63).Select(s => ((double)s * 2, 0.8, (DetectionBox?)Centre)));
        // Warned at 2 s, again at the first frame 60 s later (62 s), and at 122 s.
        Assert.Equal(3, Warnings(verdicts));
        Assert.Equal(DetectionVerdict.Warning, verdicts[31]);
    }

    [Fact]
    public void A_single_frame_never_persists_and_a_gap_restarts_the_run()
    {
        // Frames 15 s apart never form a 2 s run.
        Assert.Equal(0, Warnings(Run(Demo, [(0, 0.9, Centre), (15, 0.9, Centre), (30, 0.9, Centre), (45, 0.9, Centre)])));
        // A run of 1 s, a silence of 11 s, then a run of 2 s: only the second one warns, at its own second 2.
        var verdicts = Run(Demo, [(0, 0.9, Centre), (1, 0.9, Centre), (12, 0.9, Centre), (13, 0.9, Centre), (14, 0.9, Centre)]);
        Assert.Equal([DetectionVerdict.Persisting, DetectionVerdict.Persisting, DetectionVerdict.Persisting, DetectionVerdict.Persisting, DetectionVerdict.Warning], verdicts);
    }

    [Fact]
    public void Low_confidence_frames_do_not_count_towards_persistence()
    {
        var verdicts = Run(Demo, [(0, 0.59, Centre), (1, 0.5, Centre), (2, 0.3, Centre), (3, 0.6, Centre), (4, 0.61, Centre), (5, 0.7, Centre)]);
        Assert.Equal(
            [DetectionVerdict.LowConfidence, DetectionVerdict.LowConfidence, DetectionVerdict.LowConfidence, DetectionVerdict.Persisting, DetectionVerdict.Persisting, DetectionVerdict.Warning],
            verdicts);
    }

    [Fact]
    public void Boxes_outside_the_zone_do_not_count()
    {
        // The zone is the right half of the image; the box at the left never warns, one whose centre is inside does.
        var rightHalf = Demo with { Zone = ZonePolygon.Parse("0.5,0 1,0 1,1 0.5,1")! };
        var left = new DetectionBox(0.05, 0.3, 0.2, 0.3);
        var straddling = new DetectionBox(0.45, 0.3, 0.2, 0.3); // centre x 0.55
        Assert.All(Run(rightHalf, Enumerable.Range(0, 10).Select(s => ((double)s, 0.95, (DetectionBox?)left))), v => Assert.Equal(DetectionVerdict.OutsideZone, v));
        Assert.Equal(1, Warnings(Run(rightHalf, Enumerable.Range(0, 10).Select(s => ((double)s, 0.95, (DetectionBox?)straddling)))));
        // Without boxes nothing says where it was: only a whole-image zone takes it.
        Assert.Equal(DetectionVerdict.OutsideZone, Run(rightHalf, [(0, 0.9, null)])[0]);
        Assert.Equal(1, Warnings(Run(Demo, [(0, 0.9, null), (2, 0.9, null)])));
    }

    [Fact]
    public void Working_hours_rules_ignore_detections_after_hours()
    {
        var rule = Demo with { WorkingHoursOnly = true };
        Func<DateTimeOffset, bool> dayShiftOnly = at => at < T0.AddMinutes(1);
        // Ten frames a second apart inside working time warn once; the same frames after hours never do.
        Assert.Equal(1, Warnings(Run(rule, Enumerable.Range(0, 10).Select(s => ((double)s, 0.9, (DetectionBox?)Centre)), dayShiftOnly)));
        var late = Run(rule, Enumerable.Range(0, 10).Select(s => (120.0 + s, 0.9, (DetectionBox?)Centre)), dayShiftOnly);
        Assert.All(late, v => Assert.Equal(DetectionVerdict.OffHours, v));
        // A rule for all hours takes them.
        Assert.Equal(1, Warnings(Run(Demo, Enumerable.Range(0, 10).Select(s => (120.0 + s, 0.9, (DetectionBox?)Centre)), dayShiftOnly)));
    }

    [Fact]
    public void Zero_persistence_warns_on_the_first_frame_and_disabled_rules_never()
    {
        var instant = Demo with { Persistence = TimeSpan.Zero, Cooldown = TimeSpan.FromSeconds(5) };
        Assert.Equal(
            [DetectionVerdict.Warning, DetectionVerdict.CoolingDown, DetectionVerdict.Warning],
            Run(instant, [(0, 0.9, Centre), (4, 0.9, Centre), (5, 0.9, Centre)]));
        Assert.All(Run(Demo with { Enabled = false }, [(0, 0.9, Centre), (3, 0.9, Centre)]), v => Assert.Equal(DetectionVerdict.RuleOff, v));
    }

    [Fact]
    public void The_warning_carries_the_start_of_its_run_and_out_of_order_frames_join_it()
    {
        var state = new RuleState();
        DetectionRuleEngine.Evaluate(Demo, state, new(T0.AddSeconds(1), 0.9, [Centre]), _ => true);
        DetectionRuleEngine.Evaluate(Demo, state, new(T0, 0.9, [Centre]), _ => true); // late arrival of an earlier frame
        var decision = DetectionRuleEngine.Evaluate(Demo, state, new(T0.AddSeconds(2), 0.9, [Centre]), _ => true);
        Assert.True(decision.IsWarning);
        Assert.Equal(T0, decision.FirstSeenAt);
    }

    [Fact]
    public void Zones_parse_from_text_and_refuse_nonsense()
    {
        Assert.True(ZonePolygon.WholeImage.IsWholeImage);
        var triangle = ZonePolygon.Parse("0,0 1,0 0,1")!;
        Assert.True(triangle.Contains(0.2, 0.2));
        Assert.False(triangle.Contains(0.8, 0.8));
        Assert.Equal("0,0 1,0 0,1", triangle.ToString());
        Assert.Null(ZonePolygon.Parse("0,0 1,0"));
        Assert.Null(ZonePolygon.Parse("0,0 1.5,0 1,1"));
        Assert.Null(ZonePolygon.Parse("a,b c,d e,f"));
        Assert.Equal([new DetectionBox(0.1, 0.2, 0.3, 0.4)], DetectionBox.Parse(DetectionBox.Format([new DetectionBox(0.1, 0.2, 0.3, 0.4)])));
    }
}
