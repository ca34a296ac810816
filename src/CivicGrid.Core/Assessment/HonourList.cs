namespace CivicGrid.Assessment;

/// <summary>How a red/black list (红黑榜) is drawn from a ranking: the top and bottom N, and/or score thresholds.</summary>
public sealed record HonourRule(int Top = 3, int Bottom = 3, double? RedAtLeast = null, double? BlackBelow = null);

public sealed record HonourList(IReadOnlyList<SubjectScore> Red, IReadOnlyList<SubjectScore> Black)
{
    /// <summary>Red: the top N or those at least at the red threshold; black: the bottom N or those below the black threshold; nobody on both.</summary>
    public static HonourList From(IReadOnlyList<SubjectScore> ranking, HonourRule rule)
    {
        var ordered = ranking.OrderBy(s => s.Rank).ThenBy(s => s.SubjectCode, StringComparer.Ordinal).ToList();
        var red = ordered.Take(Math.Max(0, rule.Top)).Concat(ordered.Where(s => rule.RedAtLeast is { } r && s.Score >= r))
            .DistinctBy(s => s.SubjectCode).ToList();
        var black = ordered.AsEnumerable().Reverse().Take(Math.Max(0, rule.Bottom))
            .Concat(ordered.Where(s => rule.BlackBelow is { } b && s.Score < b))
            .DistinctBy(s => s.SubjectCode).Where(s => red.All(r => r.SubjectCode != s.SubjectCode))
            .OrderByDescending(s => s.Rank).ToList();
        return new HonourList(red, black);
    }
}
