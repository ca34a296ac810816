using CivicGrid.Cases.Catalog;
using CivicGrid.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Cases.Routing;

/// <summary>
/// Keyword matching over the catalog's leaves: each keyword found in the text scores its length
/// (longer phrases are more telling). Confidences are the scores normalised over the candidates.
/// </summary>
public sealed class KeywordCategorySuggester(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock) : ICategorySuggester
{
    private static readonly TimeSpan RefreshAfter = TimeSpan.FromMinutes(5);
    private (DateTimeOffset LoadedAt, List<(string Code, string Name, string[] Keywords)> Leaves)? _snapshot;

    public async Task<IReadOnlyList<CategorySuggestion>> SuggestAsync(string description, int top = 3, CancellationToken ct = default)
    {
        var leaves = await LeavesAsync(ct);
        return Score(leaves, description, top);
    }

    /// <summary>The scoring itself, over (code, name, keywords) leaves; also used by the routing benchmark.</summary>
    public static IReadOnlyList<CategorySuggestion> Score(IReadOnlyList<(string Code, string Name, string[] Keywords)> leaves, string description, int top)
    {
        var scored = leaves
            .Select(l => (l.Code, l.Name, Score: l.Keywords.Where(k => description.Contains(k, StringComparison.Ordinal)).Sum(k => (double)k.Length)))
            .Where(s => s.Score > 0)
            .OrderByDescending(s => s.Score).ThenBy(s => s.Code)
            .ToList();
        var total = scored.Sum(s => s.Score);
        return scored.Take(top).Select(s => new CategorySuggestion(s.Code, s.Name, Math.Round(s.Score / total, 4))).ToList();
    }

    private async Task<List<(string Code, string Name, string[] Keywords)>> LeavesAsync(CancellationToken ct)
    {
        if (_snapshot is { } snap && clock.GetUtcNow() - snap.LoadedAt < RefreshAfter)
        {
            return snap.Leaves;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var categories = await db.Set<CaseCategory>().AsNoTracking().Where(c => c.IsActive).ToListAsync(ct);
        var parents = categories.Where(c => c.ParentCode is not null).Select(c => c.ParentCode!).ToHashSet();
        var leaves = categories.Where(c => !parents.Contains(c.Code))
            .Select(c => (c.Code, c.Name, c.KeywordList.Append(c.Name).Distinct().ToArray())).ToList();
        _snapshot = (clock.GetUtcNow(), leaves);
        return leaves;
    }
}
