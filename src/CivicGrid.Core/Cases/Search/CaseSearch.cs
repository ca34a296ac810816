using CivicGrid.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Cases.Search;

/// <summary>
/// Full-text search for the case list (<c>q</c>): every query word must occur (AND). SQLite answers from the
/// FTS5 table <c>cases_fts</c>, PostgreSQL from the GIN-indexed <c>search_vector</c> column (see <see cref="FullTextSql"/>).
/// The words are passed as parameters and contain letters and digits only.
/// </summary>
public static class CaseSearch
{
    /// <summary>
    /// The cases matching <paramref name="q"/>, to compose further filters on. On PostgreSQL the match is a condition on
    /// the row itself, so the planner can combine the GIN index with the region and status indexes (an id subquery
    /// over the same table would make it collect every match first).
    /// </summary>
    /// <remarks>
    /// Given the 镇街 (<paramref name="town"/>) every wanted case lies in, PostgreSQL reads that 镇街's entries of the words
    /// (see <see cref="FullTextSql.PostgresTownWordsUp"/>) instead of the district's: the case's words then contain the
    /// query's, which is what the tsquery asks (its words joined by AND), and the tsquery itself is left out so the planner
    /// does not add the district-wide bitmap of a common word.
    /// </remarks>
    public static IQueryable<Case> Matching(AppDbContext db, string q, string? town = null)
    {
        var tokens = SearchTokens.ForQuery(q);
        if (tokens.Count == 0)
        {
            return db.Set<Case>().Where(c => false);
        }

        if (db.Database.IsNpgsql())
        {
            var words = string.Join(' ', tokens);
            if (town is not null)
            {
                return db.Set<Case>().FromSql(
                    $"""SELECT * FROM cases WHERE "TownCode" = {town} AND case_town_words("TownCode", search_vector) @> case_town_words({town}, to_tsvector('simple'::regconfig, {words}))""");
            }

            return db.Set<Case>().FromSql($"""SELECT * FROM cases WHERE search_vector @@ plainto_tsquery('simple'::regconfig, {words})""");
        }

        var match = string.Join(" AND ", tokens.Select(t => "\"" + t + "\""));
        return db.Set<Case>().FromSql($"""SELECT * FROM cases WHERE "Id" IN (SELECT rowid FROM cases_fts WHERE cases_fts MATCH {match})""");
    }
}
