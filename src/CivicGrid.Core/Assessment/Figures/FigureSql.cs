using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CivicGrid.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CivicGrid.Assessment.Figures;

/// <summary>
/// Adds differences to the daily figures (and their roll-ups) and stores each case's contribution, in the caller's transaction.
/// <c>INSERT … ON CONFLICT … DO UPDATE SET c = t.c + excluded.c</c> reads the same on SQLite and PostgreSQL and adds
/// atomically, so concurrent changes to different cases never lose each other's counts.
/// </summary>
internal static partial class FigureSql
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
    public static Task AddAsync(AppDbContext db, IReadOnlyDictionary<FigureKey, long[]> delta, CancellationToken ct) =>
        ExecuteAsync(db, AddStatements(delta), ct);

    public static Task SaveFactsAsync(AppDbContext db, IReadOnlyList<CaseFigureFacts> facts, CancellationToken ct) =>
        ExecuteAsync(db, FactStatements(facts), ct);

    /// <summary>The upserts <see cref="AddAsync"/> runs, for a caller that sends them in a batch of its own.</summary>
    public static IEnumerable<FigureStatement> AddStatements(IReadOnlyDictionary<FigureKey, long[]> delta)
    {
        var names = Enum.GetNames<Figure>();
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
                var sql = new StringBuilder($"INSERT INTO {rollup.Table} ({columns}) VALUES ");
                var args = new List<object>();
                for (var row = 0; row < chunk.Length; row++)
                {
                    sql.Append(row == 0 ? "(" : ", (");
                    object[] cells = [.. rollup.Cells(chunk[row].Key), .. chunk[row].Values.Cast<object>()];
                    sql.AppendJoin(", ", cells.Select((_, i) => $"{{{args.Count + i}}}"));
                    sql.Append(')');
                    args.AddRange(cells);
                }

                sql.Append($" ON CONFLICT ({string.Join(", ", rollup.KeyColumns.Select(c => $"\"{c}\""))}) DO UPDATE SET {update}");
                yield return new FigureStatement(sql.ToString(), [.. args]);
            }
        }
    }

    /// <summary>The upserts <see cref="SaveFactsAsync"/> runs, for a caller that sends them in a batch of its own.</summary>
    public static IEnumerable<FigureStatement> FactStatements(IReadOnlyList<CaseFigureFacts> facts)
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
            yield return new FigureStatement(sql.ToString(), [.. args]);
        }
    }

    /// <summary>Runs the statements together, as many per round trip as the parameter limit allows.</summary>
    private static async Task ExecuteAsync(AppDbContext db, IEnumerable<FigureStatement> statements, CancellationToken ct)
    {
        var sql = new StringBuilder();
        var args = new List<object>();
        foreach (var statement in statements)
        {
            if (args.Count > 0 && args.Count + statement.Args.Length > MaxArgumentsPerBatch)
            {
                await db.Database.ExecuteSqlRawAsync(sql.ToString(), args, ct);
                sql.Clear();
                args.Clear();
            }

            var offset = args.Count;
            sql.Append(Placeholder().Replace(statement.Sql, m => $"{{{int.Parse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture) + offset}}}")).Append(";\n");
            args.AddRange(statement.Args);
        }

        if (args.Count > 0)
        {
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), args, ct);
        }
    }

    [GeneratedRegex(@"\{(\d+)\}")]
    internal static partial Regex Placeholder();
}

/// <summary>One SQL statement and its arguments, written with placeholders {0}, {1}… as EF Core's raw SQL takes them.</summary>
internal sealed record FigureStatement(string Sql, object[] Args)
{
    /// <summary>The statement for an <see cref="NpgsqlBatch"/>: positional parameters $1, $2….</summary>
    public NpgsqlBatchCommand ToBatchCommand()
    {
        var command = new NpgsqlBatchCommand(FigureSql.Placeholder().Replace(Sql, m => "$" + (int.Parse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture) + 1)));
        foreach (var arg in Args)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = arg });
        }

        return command;
    }
}
