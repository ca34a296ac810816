using System.Text;
using CivicGrid.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Assessment.Figures;

/// <summary>
/// Adds differences to the daily figures (and their roll-ups) and stores each case's contribution, in the caller's transaction.
/// <c>INSERT … ON CONFLICT … DO UPDATE SET c = t.c + excluded.c</c> reads the same on SQLite and PostgreSQL and adds
/// atomically, so concurrent changes to different cases never lose each other's counts.
/// </summary>
internal static class FigureSql
{
    public const string FiguresTable = "assessment_daily_figures";
    public const string FactsTable = "assessment_case_facts";
    private const int RowsPerStatement = 200;
    private const int MaxArgumentsPerBatch = 15_000;

    /// <summary>The rows that change the count of open overdue cases (the filter of the partial index the overdue sums read).</summary>
    public const string OverdueRowsFilter = "\"OverdueStarted\" <> 0 OR \"LateClosed\" <> 0";

    public const string MonthlyTable = "assessment_monthly_figures";
    public const string TownDailyTable = "assessment_town_daily_figures";

    /// <summary>A table the differences are added to: its dimensions, and the daily key reduced to them.</summary>
    private sealed record Rollup(string Table, string[] KeyColumns, Func<FigureKey, FigureKey> Reduce, Func<FigureKey, object[]> Cells);

    private static readonly Rollup[] Rollups =
    [
        new(FiguresTable, ["Day", "CommunityCode", "TownCode", "UnitId", "CategoryTop"], k => k,
            k => [k.Day, k.CommunityCode, k.TownCode, k.UnitId, k.CategoryTop]),
        new(MonthlyTable, ["Month", "TownCode", "CommunityCode", "UnitId"], k => k with { Day = k.Day / 100, CategoryTop = "" },
            k => [k.Day, k.TownCode, k.CommunityCode, k.UnitId]),
        new(TownDailyTable, ["Day", "TownCode", "CategoryTop"], k => k with { CommunityCode = "", UnitId = 0 },
            k => [k.Day, k.TownCode, k.CategoryTop]),
    ];

    /// <summary>
    /// Adds the differences to the daily figures and to their roll-ups in as few round trips as the parameter limits
    /// allow. Rows go in key order so two transactions touching the same rows lock them in the same order and never
    /// deadlock each other; a roll-up row whose differences cancel out is not written.
    /// </summary>
    public static async Task AddAsync(AppDbContext db, IReadOnlyDictionary<FigureKey, long[]> delta, CancellationToken ct)
    {
        var names = Enum.GetNames<Figure>();
        var sql = new StringBuilder();
        var args = new List<object>();
        foreach (var rollup in Rollups)
        {
            var rows = delta.GroupBy(d => rollup.Reduce(d.Key))
                .Select(g => (Key: g.Key, Values: Enumerable.Range(0, names.Length).Select(i => g.Sum(d => d.Value[i])).ToArray()))
                .Where(r => r.Values.Any(v => v != 0))
                .OrderBy(r => r.Key.Day).ThenBy(r => r.Key.TownCode, StringComparer.Ordinal).ThenBy(r => r.Key.CommunityCode, StringComparer.Ordinal)
                .ThenBy(r => r.Key.UnitId).ThenBy(r => r.Key.CategoryTop, StringComparer.Ordinal);
            var columns = string.Join(", ", rollup.KeyColumns.Concat(names).Select(c => $"\"{c}\""));
            var update = string.Join(", ", names.Select(n => $"\"{n}\" = {rollup.Table}.\"{n}\" + excluded.\"{n}\""));
            foreach (var chunk in rows.Chunk(RowsPerStatement))
            {
                if (args.Count > MaxArgumentsPerBatch)
                {
                    await db.Database.ExecuteSqlRawAsync(sql.ToString(), args, ct);
                    sql.Clear();
                    args.Clear();
                }

                sql.Append($"INSERT INTO {rollup.Table} ({columns}) VALUES ");
                for (var row = 0; row < chunk.Length; row++)
                {
                    sql.Append(row == 0 ? "(" : ", (");
                    object[] cells = [.. rollup.Cells(chunk[row].Key), .. chunk[row].Values.Cast<object>()];
                    sql.AppendJoin(", ", cells.Select((_, i) => $"{{{args.Count + i}}}"));
                    sql.Append(')');
                    args.AddRange(cells);
                }

                sql.Append($" ON CONFLICT ({string.Join(", ", rollup.KeyColumns.Select(c => $"\"{c}\""))}) DO UPDATE SET {update};\n");
            }
        }

        if (args.Count > 0)
        {
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
