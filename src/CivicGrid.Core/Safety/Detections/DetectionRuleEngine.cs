namespace CivicGrid.Safety.Detections;

/// <summary>What the rules made of one detection.</summary>
public enum DetectionVerdict
{
    /// <summary>Became a warning.</summary>
    Warning = 1,

    LowConfidence = 2,
    OutsideZone = 3,
    OffHours = 4,

    /// <summary>Counts, but has not been seen long enough yet.</summary>
    Persisting = 5,

    /// <summary>Would warn, but a warning of the same camera and type was raised less than the cooldown ago.</summary>
    CoolingDown = 6,

    RuleOff = 7,
}

/// <summary>A rule as the engine needs it (see <see cref="DetectionRule"/>).</summary>
public sealed record RuleSettings(double MinConfidence, ZonePolygon Zone, TimeSpan Persistence, TimeSpan Cooldown, bool WorkingHoursOnly, bool Enabled = true)
{
    public static RuleSettings Of(DetectionRule rule) => new(
        rule.MinConfidence, ZonePolygon.Parse(rule.Zone) ?? ZonePolygon.WholeImage, TimeSpan.FromSeconds(rule.PersistenceSeconds),
        TimeSpan.FromSeconds(rule.CooldownSeconds), rule.WorkingHoursOnly, rule.IsEnabled);
}

public sealed record DetectionEvent(DateTimeOffset OccurredAt, double Confidence, IReadOnlyList<DetectionBox> Boxes);

public readonly record struct RuleDecision(DetectionVerdict Verdict, DateTimeOffset? FirstSeenAt = null)
{
    public bool IsWarning => Verdict == DetectionVerdict.Warning;
}

/// <summary>The memory of one camera × type between detections: the current run of qualifying detections and the last warning.</summary>
public sealed class RuleState
{
    public DateTimeOffset? RunStart { get; set; }
    public DateTimeOffset? LastSeen { get; set; }
    public DateTimeOffset? LastWarningAt { get; set; }
}

/// <summary>
/// Decides whether a detection becomes a warning. A detection qualifies when its confidence reaches the rule's minimum,
/// one of its boxes lies in the zone and (for working-hours rules) it happened in working time. Qualifying detections
/// less than <see cref="MaxGap"/> apart form a run; the run must have lasted the persistence time before it warns, and
/// no warning comes within the cooldown after the previous one. Callers serialize calls per state.
/// </summary>
public static class DetectionRuleEngine
{
    /// <summary>A longer silence ends a run: the next qualifying detection starts a new one.</summary>
    public static readonly TimeSpan MaxGap = TimeSpan.FromSeconds(10);

    public static RuleDecision Evaluate(RuleSettings rule, RuleState state, DetectionEvent e, Func<DateTimeOffset, bool> isWorkingTime)
    {
        if (!rule.Enabled)
        {
            return new(DetectionVerdict.RuleOff);
        }

        if (e.Confidence < rule.MinConfidence)
        {
            return new(DetectionVerdict.LowConfidence);
        }

        if (!rule.Zone.Covers(e.Boxes))
        {
            return new(DetectionVerdict.OutsideZone);
        }

        if (rule.WorkingHoursOnly && !isWorkingTime(e.OccurredAt))
        {
            return new(DetectionVerdict.OffHours);
        }

        var at = e.OccurredAt;
        if (state.RunStart is not { } start || state.LastSeen is not { } last || at - last > MaxGap || start - at > MaxGap)
        {
            state.RunStart = at;
            state.LastSeen = at;
        }
        else
        {
            // Detections may arrive slightly out of order: the run spans the earliest to the latest seen.
            state.RunStart = at < start ? at : start;
            state.LastSeen = at > last ? at : last;
        }

        if (state.LastSeen!.Value - state.RunStart!.Value < rule.Persistence)
        {
            return new(DetectionVerdict.Persisting);
        }

        if (state.LastWarningAt is { } warned && (at - warned).Duration() < rule.Cooldown)
        {
            return new(DetectionVerdict.CoolingDown);
        }

        state.LastWarningAt = at;
        return new(DetectionVerdict.Warning, state.RunStart);
    }
}
