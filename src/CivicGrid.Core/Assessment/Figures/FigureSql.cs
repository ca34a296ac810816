using System.Text;
using CivicGrid.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Assessment.Figures;

/// <summary>
/// Adds differences to the daily figures and stores each case's contribution, in the caller's transaction.
/// <c>INSERT … ON CONFLICT … DO UPDATE SET c = t.c + excluded.c</c> reads the same on SQLite and PostgreSQL and adds
/// atomically, so concurrent changes to different cases never lose each other's counts.
/// </summary>
internal static class FigureSql
{
    public const string FiguresTable = "assessment_daily_figures";
    public const string FactsTable = "assessment_case_facts";
    private const int RowsPerStatement = 200;

    /// <summary>The rows that change the count of open overdue cases (the filter of the partial index the overdue sums read).</summary>
    public const string OverdueRowsFilter = "\"OverdueStarted\" <> 0 OR \"LateClosed\" <> 0";

    private static readonly string[] KeyColumns = ["Day", "CommunityCode", "TownCode", "UnitId", "CategoryTop"];

    public static async Task AddAsync(AppDbContext db, IReadOnlyDictionary<FigureKey, long[]> delta, CancellationToken ct)
    {
        var names = Enum.GetNames<Figure>();
        var columns = string.Join(", ", KeyColumns.Concat(names).Select(c => $"\"{c}\""));
        var update = string.Join(", ", names.Select(n => $"\"{n}\" = {FiguresTable}.\"{n}\" + excluded.\"{n}\""));
        foreach (var chunk in delta.Chunk(RowsPerStatement))
        {
            var sql = new StringBuilder($"INSERT INTO {FiguresTable} ({columns}) VALUES ");
            var args = new List<object>(chunk.Length * (KeyColumns.Length + names.Length));
            for (var row = 0; row < chunk.Length; row++)
            {
                var (key, values) = chunk[row];
                sql.Append(row == 0 ? "(" : ", (");
                object[] cells = [key.Day, key.CommunityCode, key.TownCode, key.UnitId, key.CategoryTop, .. values.Cast<object>()];
                sql.AppendJoin(", ", cells.Select((_, i) => $"{{{args.Count + i}}}"));
                sql.Append(')');
                args.AddRange(cells);
            }

            sql.Append($" ON CONFLICT ({string.Join(", ", KeyColumns.Select(c => $"\"{c}\""))}) DO UPDATE SET {update}");
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), args, ct);
        }
    }

    public static async Task SaveFactsAsync(AppDbContext db, IReadOnlyList<CaseFigureFacts> facts, CancellationToken ct)
    {
        foreach (var chunk in facts.Chunk(RowsPerStatement))
        {
            var sql = new StringBuilder($"INSERT INTO {FactsTable} (\"CaseId\", \"Contribution\", \"Flags\") VALUES ");
            var args = new List<object>(chunk.Length * 3);
            for (var row = 0; row < chunk.Length; row++)
            {
                sql.Append(row == 0 ? "" : ", ").Append($"({{{args.Count}}}, {{{args.Count + 1}}}, {{{args.Count + 2}}})");
                args.AddRange([chunk[row].CaseId, chunk[row].Contribution, (int)chunk[row].Flags]);
            }

            sql.Append(" ON CONFLICT (\"CaseId\") DO UPDATE SET \"Contribution\" = excluded.\"Contribution\", \"Flags\" = excluded.\"Flags\"");
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), args, ct);
        }
    }
}
