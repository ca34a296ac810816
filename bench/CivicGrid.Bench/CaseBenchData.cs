using System.Diagnostics;
using CivicGrid.Cases;
using CivicGrid.Cases.Responsibility;
using CivicGrid.Cases.Routing;
using CivicGrid.Cases.Search;
using CivicGrid.Data;
using CivicGrid.Data.Seed;
using CivicGrid.Platform.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CivicGrid.Bench;

/// <summary>
/// Generates the benchmark's cases with the demo seeder's planner (resident texts from the catalog's phrases, every
/// state of the loop, a year of dates, units from the responsibility rules, deadlines on the working calendar),
/// segments their search text as the app does, and loads them with binary COPY. Secondary indexes are dropped for
/// the load and rebuilt from their own definitions afterwards; the full-text column is filled by its generated
/// column definition and its GIN index is one of those rebuilt.
/// </summary>
internal static class CaseBenchData
{
    private static readonly string[] Tables = ["cases", "case_assignments"];

    public static async Task GenerateAsync(CaseBenchDatabase database, int count)
    {
        var total = Stopwatch.StartNew();
        await using var scope = database.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (await db.Set<Case>().AnyAsync())
        {
            throw new InvalidOperationException("数据库里已有案卷：基准测试只在空的案卷表上生成数据。");
        }

        var plans = await PlanAsync(db, scope.ServiceProvider.GetRequiredService<ResponsibilityResolver>(), count);
        await SegmentAsync(db, plans);

        var watch = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { CommandTimeout = 0 }.ConnectionString);
        await connection.OpenAsync();
        var indexes = await DropIndexesAsync(connection);
        var cases = await CaseBenchCopy.WriteAsync(connection, db.Model.FindEntityType(typeof(Case))!, plans.Select(p => p.Case),
            n => Console.WriteLine($"   COPY cases：{n:N0} 行，{watch.Elapsed.TotalSeconds:N0} 秒"));
        var assignments = await CaseBenchCopy.WriteAsync(connection, db.Model.FindEntityType(typeof(CaseAssignment))!,
            plans.SelectMany(p => p.Case.Assignments));
        Console.WriteLine($"   写入 {cases:N0} 条案卷、{assignments:N0} 条派遣记录，{watch.Elapsed.TotalSeconds:N0} 秒");

        await RestoreIndexesAsync(connection, indexes);
        Console.WriteLine($"   VACUUM ANALYZE 完成；生成共用 {total.Elapsed.TotalSeconds:N0} 秒");
    }

    /// <summary>After a bulk load: recreates the dropped indexes, moves the id sequences past the loaded ids, and analyzes.</summary>
    internal static async Task RestoreIndexesAsync(NpgsqlConnection connection, List<(string Name, string Definition)> indexes)
    {
        var watch = Stopwatch.StartNew();
        foreach (var (name, definition) in indexes)
        {
            await ExecuteAsync(connection, definition);
            Console.WriteLine($"   重建索引 {name}：{watch.Elapsed.TotalSeconds:N0} 秒");
        }

        foreach (var table in Tables)
        {
            await ExecuteAsync(connection, $"SELECT setval(pg_get_serial_sequence('{table}', 'Id'), (SELECT max(\"Id\") FROM {table}))");
            await ExecuteAsync(connection, $"VACUUM (ANALYZE) {table}");
        }
    }

    /// <summary>Plans <paramref name="count"/> cases with the demo planner, oldest first, ids from 1, merged ones linked to their originals.</summary>
    internal static async Task<List<DemoCasesPlanner.Plan>> PlanAsync(AppDbContext db, ResponsibilityResolver resolver, int count)
    {
        var watch = Stopwatch.StartNew();
        var setup = await DemoCasesSeeder.PrepareAsync(db, TimeProvider.System, new Random(20261126), CancellationToken.None)
                    ?? throw new InvalidOperationException("演示区缺少网格或分类目录。");
        var plans = new List<DemoCasesPlanner.Plan>(count);
        for (var i = 0; i < count; i++)
        {
            var plan = await setup.Planner.PlanAsync(setup.District, setup.Cells, resolver, CancellationToken.None);
            // Only the last step is kept (merging names its original there); histories are not written.
            plan.Steps.RemoveRange(0, plan.Steps.Count - 1);
            plans.Add(plan);
            if ((i + 1) % 200_000 == 0)
            {
                Console.WriteLine($"   规划案卷：{i + 1:N0}，{watch.Elapsed.TotalSeconds:N0} 秒");
            }
        }

        // Oldest first, so ids and 案卷号 follow the report dates as they do in a live system.
        plans.Sort((a, b) => a.Case.ReportedAt.CompareTo(b.Case.ReportedAt));
        long assignmentId = 0;
        for (var i = 0; i < plans.Count; i++)
        {
            var c = plans[i].Case;
            c.Id = i + 1;
            foreach (var a in c.Assignments)
            {
                a.Id = ++assignmentId;
                a.CaseId = c.Id;
            }
        }

        DemoCasesPlanner.LinkMerged(plans);
        Console.WriteLine($"   规划 {count:N0} 条案卷：{watch.Elapsed.TotalSeconds:N0} 秒");
        return plans;
    }

    /// <summary>SearchText as the app writes it: jieba search-mode words, after the catalog words are taught (as routing does on start).</summary>
    private static async Task SegmentAsync(AppDbContext db, List<DemoCasesPlanner.Plan> plans)
    {
        var watch = Stopwatch.StartNew();
        ChineseText.AddWords((await CategoryTrainingSet.LoadCatalogAsync(db, CancellationToken.None)).Keywords);
        var done = 0;
        Parallel.For(0, plans.Count, i =>
        {
            var c = plans[i].Case;
            c.SearchText = SearchTokens.ForIndex(c.Description, c.Address);
            if (Interlocked.Increment(ref done) % 200_000 == 0)
            {
                Console.WriteLine($"   分词：{done:N0}，{watch.Elapsed.TotalSeconds:N0} 秒");
            }
        });
        Console.WriteLine($"   分词 {plans.Count:N0} 条：{watch.Elapsed.TotalSeconds:N0} 秒");
    }

    /// <summary>Drops the secondary indexes of the loaded tables and returns their definitions (primary keys stay).</summary>
    internal static async Task<List<(string Name, string Definition)>> DropIndexesAsync(NpgsqlConnection connection)
    {
        var indexes = new List<(string, string)>();
        await using (var command = new NpgsqlCommand(
                         """
                         SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                         WHERE i.indrelid = ANY(ARRAY['cases'::regclass, 'case_assignments'::regclass]) AND NOT i.indisprimary
                         """, connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            await ExecuteAsync(connection, $"DROP INDEX \"{name}\"");
        }

        return indexes;
    }

    internal static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}
