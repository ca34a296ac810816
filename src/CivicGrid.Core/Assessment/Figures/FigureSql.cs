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

    /// <summary>
    /// The upserts <see cref="AddAsync"/> runs. With <paramref name="arrays"/>, for a PostgreSQL batch: one array
    /// parameter per column (unnest, rows still in key order), the same text whatever the row count, so the server can
    /// keep it prepared.
    /// </summary>
    public static IEnumerable<FigureStatement> AddStatements(IReadOnlyDictionary<FigureKey, long[]> delta, bool arrays = false)
    {
        var names = Enum.GetNames<Figure>();
        foreach (var rollup in Rollups)
        {
            var rows = delta.GroupBy(d => rollup.Reduce(d.Key))
                .Select(g => (Key: g.Key, Values: Enumerable.Range(0, names.Length).Select(i => g.Sum(d => d.Value[i])).ToArray()))
                .Where(r => r.Values.Any(v => v != 0))
                .OrderBy(r => r.Key.Day).ThenBy(r => r.Key.TownCode, StringComparer.Ordinal).ThenBy(r => r.Key.CommunityCode, StringComparer.Ordinal)
                .ThenBy(r => r.Key.UnitId).ThenBy(r => r.Key.CategoryTop, StringComparer.Ordinal)
                .Select(r => (object[])[.. rollup.Cells(r.Key), .. r.Values.Cast<object>()])
                .ToList();
            var columns = string.Join(", ", rollup.KeyColumns.Concat(names).Select(c => $"\"{c}\""));
            var conflict = $" ON CONFLICT ({string.Join(", ", rollup.KeyColumns.Select(c => $"\"{c}\""))}) DO UPDATE SET "
                           + string.Join(", ", names.Select(n => $"\"{n}\" = {rollup.Table}.\"{n}\" + excluded.\"{n}\""));
            foreach (var statement in Upserts(rollup.Table, columns, rows, conflict, arrays))
            {
                yield return statement;
            }
        }
    }

    /// <summary>The upserts <see cref="SaveFactsAsync"/> runs (<paramref name="arrays"/>: as in <see cref="AddStatements"/>).</summary>
    public static IEnumerable<FigureStatement> FactStatements(IReadOnlyList<CaseFigureFacts> facts, bool arrays = false) =>
        Upserts(FactsTable, "\"CaseId\", \"Contribution\", \"Flags\"", [.. facts.Select(f => (object[])[f.CaseId, f.Contribution, (int)f.Flags])],
            " ON CONFLICT (\"CaseId\") DO UPDATE SET \"Contribution\" = excluded.\"Contribution\", \"Flags\" = excluded.\"Flags\"", arrays);

    private static IEnumerable<FigureStatement> Upserts(string table, string columns, List<object[]> rows, string conflict, bool arrays)
    {
        if (rows.Count == 0)
        {
            yield break;
        }

        var width = rows[0].Length;
        if (arrays)
        {
            var parameters = string.Join(", ", Enumerable.Range(1, width).Select(i => "$" + i.ToString(CultureInfo.InvariantCulture)));
            yield return new FigureStatement($"INSERT INTO {table} ({columns}) SELECT * FROM unnest({parameters}){conflict}",
                [.. Enumerable.Range(0, width).Select(c => TypedArray(rows.Select(r => r[c])))], Positional: true);
            yield break;
        }

        foreach (var chunk in rows.Chunk(RowsPerStatement))
        {
            var sql = new StringBuilder($"INSERT INTO {table} ({columns}) VALUES ");
            for (var row = 0; row < chunk.Length; row++)
            {
                sql.Append(row == 0 ? "(" : ", (").AppendJoin(", ", Enumerable.Range(row * width, width).Select(i => $"{{{i}}}")).Append(')');
            }

            yield return new FigureStatement(sql.Append(conflict).ToString(), [.. chunk.SelectMany(r => r)], Positional: false);
        }
    }

    /// <summary>A column's values as the typed array Npgsql sends as one parameter (integer[], bigint[] or text[]).</summary>
    private static object TypedArray(IEnumerable<object> values)
    {
        var list = values.ToList();
        return list[0] switch
        {
            int => list.Cast<int>().ToArray(),
            long => list.Cast<long>().ToArray(),
            string => list.Cast<string>().ToArray(),
            var other => throw new InvalidOperationException($"No array type for {other.GetType()}."),
        };
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
            sql.Append(Placeholders().Replace(statement.Sql, m => $"{{{int.Parse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture) + offset}}}")).Append(";\n");
            args.AddRange(statement.Args);
        }

        if (args.Count > 0)
        {
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), args, ct);
        }
    }

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholders();
}

/// <summary>
/// One SQL statement and its arguments, written with placeholders {0}, {1}… as EF Core's raw SQL takes them, or
/// (<paramref name="Positional"/>) $1, $2… as an <see cref="NpgsqlBatch"/> does (then an argument may be an array).
/// </summary>
internal sealed record FigureStatement(string Sql, object[] Args, bool Positional)
{
    public NpgsqlBatchCommand ToBatchCommand()
    {
        if (!Positional)
        {
            throw new InvalidOperationException("Built for EF Core's raw SQL ({0} placeholders), not for a batch.");
        }

        var command = new NpgsqlBatchCommand(Sql);
        foreach (var arg in Args)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = arg });
        }

        return command;
    }
}
