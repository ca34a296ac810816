using CivicGrid.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Cases.Search;

/// <summary>
/// Full-text filter for the case list (<c>q</c>): every query word must occur (AND). SQLite answers from the
/// FTS5 table <c>cases_fts</c>, PostgreSQL from the GIN-indexed <c>search_vector</c> column (see <see cref="FullTextSql"/>).
/// The words are passed as parameters and contain letters and digits only.
/// </summary>
public static class CaseSearch
{
    public static IQueryable<Case> Filter(AppDbContext db, IQueryable<Case> query, string q)
    {
        var tokens = SearchTokens.ForQuery(q);
        if (tokens.Count == 0)
        {
            return query.Where(c => false);
        }

        IQueryable<long> ids;
        if (db.Database.IsNpgsql())
        {
            var words = string.Join(' ', tokens);
            ids = db.Database.SqlQuery<long>(
                $"""SELECT "Id" AS "Value" FROM cases WHERE search_vector @@ plainto_tsquery('simple'::regconfig, {words})""");
        }
        else
        {
            var match = string.Join(" AND ", tokens.Select(t => "\"" + t + "\""));
            ids = db.Database.SqlQuery<long>($"""SELECT rowid AS "Value" FROM cases_fts WHERE cases_fts MATCH {match}""");
        }

        return query.Where(c => ids.Contains(c.Id));
    }
}
