namespace CivicGrid.Safety.Audits;

/// <summary>One element as scored: its section and weights, the points given (null = 不适用).</summary>
public sealed record ScoredElement(string Section, decimal SectionWeight, decimal Weight, decimal? Score);

public sealed record SectionResult(string Section, decimal Weight, decimal Earned, decimal Possible, decimal? Percent);

public sealed record AuditResult(IReadOnlyList<SectionResult> Sections, decimal TotalPercent);

/// <summary>
/// NOSA-style scoring: a section's percentage is its points over the points possible of its applicable elements; the
/// total is the sections' percentages weighted by the section weights (sections with nothing applicable left out).
/// </summary>
public static class AuditScoring
{
    public static AuditResult Score(IReadOnlyList<ScoredElement> elements)
    {
        var sections = elements.GroupBy(e => e.Section).Select(g =>
        {
            var applicable = g.Where(e => e.Score is not null).ToList();
            var possible = applicable.Sum(e => e.Weight);
            var earned = applicable.Sum(e => e.Score!.Value);
            return new SectionResult(g.Key, g.First().SectionWeight, earned, possible, possible > 0 ? Math.Round(earned * 100 / possible, 1, MidpointRounding.AwayFromZero) : null);
        }).ToList();
        var counted = sections.Where(s => s.Percent is not null && s.Weight > 0).ToList();
        var weights = counted.Sum(s => s.Weight);
        var total = weights > 0 ? counted.Sum(s => earnedShare(s) * s.Weight) * 100 / weights : 0;
        return new AuditResult(sections, Math.Round(total, 1, MidpointRounding.AwayFromZero));

        // Unrounded share, so the total does not carry the sections' rounding.
        static decimal earnedShare(SectionResult s) => s.Earned / s.Possible;
    }

    /// <summary>An element fails when its points fall below <paramref name="failBelow"/> of its weight.</summary>
    public static bool Fails(decimal weight, decimal? score, decimal failBelow) =>
        score is { } s && weight > 0 && s < weight * failBelow;
}
