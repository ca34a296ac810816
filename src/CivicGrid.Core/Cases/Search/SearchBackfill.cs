using CivicGrid.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Cases.Search;

/// <summary>
/// Segments the search text of cases written before full-text search (their SearchText is the raw
/// description, or empty). Only the SearchText column is written, so no one's version is disturbed;
/// the triggers (SQLite) and the generated column (PostgreSQL) update the index.
/// </summary>
public sealed class SearchBackfill(IDbContextFactory<AppDbContext> dbFactory)
{
    private const int Batch = 500;

    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var changed = 0;
        long after = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var rows = await db.Set<Case>().AsNoTracking()
                .Where(c => c.Id > after && (c.SearchText == null || c.SearchText == c.Description))
                .OrderBy(c => c.Id).Take(Batch).Select(c => new { c.Id, c.Description, c.Address, c.SearchText }).ToListAsync(ct);
            if (rows.Count == 0)
            {
                return changed;
            }

            foreach (var row in rows)
            {
                var text = SearchTokens.ForIndex(row.Description, row.Address);
                if (text != row.SearchText)
                {
                    changed += await db.Set<Case>().Where(c => c.Id == row.Id)
                        .ExecuteUpdateAsync(s => s.SetProperty(c => c.SearchText, text), ct);
                }
            }

            after = rows[^1].Id;
        }
    }
}
