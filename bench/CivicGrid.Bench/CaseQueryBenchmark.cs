using System.Diagnostics;
using CivicGrid.Accounts;
using CivicGrid.Cases;
using CivicGrid.Data;
using CivicGrid.Grid;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CivicGrid.Bench;

/// <summary>
/// Case list and full-text search pages on PostgreSQL with a million generated cases: the code behind
/// <c>GET /api/v1/cases</c> (<see cref="CaseQueries.ListAsync"/>, a fresh DbContext per call as per request) for a
/// district-wide dispatcher and a street office, filtered by 镇街/村居 and status, first and deeper pages, common and
/// rare search words. Prints p50/p95/p99 per kind against a primary-key lookup and a raw count measured in the same run,
/// and the verdict against the 50 ms p95 target.
/// Arguments: <c>[cases] [--runs N] [--db "connection string"]</c>; with <c>--db</c> an already generated database is reused.
/// </summary>
public static class CaseQueryBenchmark
{
    private const double TargetMs = 50;
    private const string CommonWord = "垃圾";
    private const string RareWord = "水葫芦";

    private static readonly string[] Statuses =
        ["Dispatched", "Acknowledged", "Handled", "Closed", "Evaluated", "Acknowledged,Rework,Postponed", "Closed,Evaluated"];

    private static readonly string[] OpenStatuses = ["Reported", "Registered", "Dispatched", "Acknowledged", "Handled", "Acknowledged,Rework,Postponed"];

    private sealed record Kind(string Name, AccessScope Scope, Func<Random, CaseFilter> Filter);

    public static int Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 1_000_000;
        var runs = Option(args, "--runs") is { } r ? int.Parse(r) : 300;
        var watch = Stopwatch.StartNew();
        await using var database = await CaseBenchDatabase.OpenAsync(Option(args, "--db"));
        await database.PrepareAsync();
        Console.WriteLine($"== 案卷列表与全文检索（PostgreSQL）：库已就绪（迁移 + 演示区），{watch.Elapsed.TotalSeconds:N0} 秒");
        if (await CountAsync(database, "cases") == 0)
        {
            Console.WriteLine($"   生成 {count:N0} 条案卷……");
            await CaseBenchData.GenerateAsync(database, count);
        }

        await PrintRowCountsAsync(database);

        var dispatcher = await database.ScopeOfAsync("dispatcher");
        var street = await database.ScopeOfAsync("street01");
        var (towns, communities) = await RegionsAsync(database);
        var town = CaseAccess.AreaPrefixes(street).Single();
        var ownCommunities = communities.Where(c => c.StartsWith(town, StringComparison.Ordinal)).ToArray();
        Kind[] kinds =
        [
            new("派遣员 镇街+状态 第1页", dispatcher, rnd => new(Pick(rnd, Statuses), Pick(rnd, towns))),
            new("派遣员 镇街+已结案 第50页", dispatcher, rnd => new("Closed,Evaluated", Pick(rnd, towns), Page: 50)),
            new("派遣员 村居+状态 第1页", dispatcher, rnd => new(Pick(rnd, Statuses), Pick(rnd, communities))),
            new("派遣员 村居+已结案 第10页", dispatcher, rnd => new("Closed,Evaluated", Pick(rnd, communities), Page: 10)),
            new("派遣员 全区+在办状态 第1页", dispatcher, rnd => new(Pick(rnd, OpenStatuses))),
            new($"派遣员 全文“{CommonWord}”+镇街+状态", dispatcher, rnd => new(Pick(rnd, Statuses), Pick(rnd, towns), Q: CommonWord)),
            new($"派遣员 全文“{CommonWord}”+村居", dispatcher, rnd => new(null, Pick(rnd, communities), Q: CommonWord)),
            new($"派遣员 全文“{RareWord}”+镇街+状态", dispatcher, rnd => new(Pick(rnd, Statuses), Pick(rnd, towns), Q: RareWord)),
            new("镇街 本镇街+状态 第1页", street, rnd => new(Pick(rnd, Statuses))),
            new("镇街 镇街+已结案 第50页", street, _ => new("Closed,Evaluated", town, Page: 50)),
            new("镇街 村居+状态 第1页", street, rnd => new(Pick(rnd, Statuses), Pick(rnd, ownCommunities))),
            new($"镇街 全文“{CommonWord}”+状态", street, rnd => new(Pick(rnd, Statuses), Q: CommonWord)),
            new($"镇街 全文“{RareWord}”", street, _ => new(Q: RareWord)),
        ];

        var pk = await BaselineAsync(database, runs, count);
        var rawCount = await RawCountAsync(database, runs, towns);
        Console.WriteLine($"   基线 主键查询（原始 SQL）：p50 {pk.P50,6:N2} ms  p95 {pk.P95,6:N2} ms");
        Console.WriteLine($"   基线 count(*) 镇街+状态（原始 SQL）：p50 {rawCount.P50,6:N2} ms  p95 {rawCount.P95,6:N2} ms");
        Console.WriteLine($"   每种 {runs} 次（预热 30 次），服务端时间 = CaseQueries.ListAsync（含新建 DbContext）：");
        Console.WriteLine($"   {"查询",-28}{"命中(均)",10}{"p50 ms",9}{"p95 ms",9}{"p99 ms",9}{"p50/主键",10}");
        var worst = 0.0;
        foreach (var kind in kinds)
        {
            var f = await MeasureAsync(database.Services, kind, runs);
            worst = Math.Max(worst, f.P95);
            Console.WriteLine($"   {kind.Name,-28}{f.MeanTotal,10:N0}{f.P50,9:N2}{f.P95,9:N2}{f.P99,9:N2}{f.P50 / pk.P50,9:N1}×{(f.P95 > TargetMs ? "  超标" : "")}");
        }

        var ok = worst <= TargetMs;
        if (File.Exists("/proc/loadavg"))
        {
            Console.WriteLine($"   机器负载（1/5/15 分钟）：{string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3))}，{Environment.ProcessorCount} 核");
        }

        Console.WriteLine($"   结论：最差 p95 {worst:N2} ms，目标 ≤ {TargetMs:N0} ms，{(ok ? "达标" : "未达标")}");
        return ok ? 0 : 1;
    }

    private sealed record Figures(double P50, double P95, double P99, double MeanTotal);

    private static async Task<Figures> MeasureAsync(IServiceProvider services, Kind kind, int runs)
    {
        var random = new Random(11);
        var times = new List<double>(runs);
        long totals = 0;
        for (var i = -30; i < runs; i++)
        {
            var filter = kind.Filter(random);
            var start = Stopwatch.GetTimestamp();
            await using (var scope = services.CreateAsyncScope())
            {
                var page = await scope.ServiceProvider.GetRequiredService<CaseQueries>().ListAsync(kind.Scope, filter);
                if (!page.Succeeded || page.Value is null)
                {
                    throw new InvalidOperationException($"{kind.Name}：{page.Message}");
                }

                if (i >= 0)
                {
                    totals += page.Value.Total;
                }
            }

            if (i >= 0)
            {
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        return Summarize(times, totals / (double)runs);
    }

    private static async Task<Figures> BaselineAsync(CaseBenchDatabase database, int runs, int count)
    {
        var random = new Random(5);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT "Id", "Status" FROM cases WHERE "Id" = $1""", connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = 1 });
        var times = new List<double>(runs);
        for (var i = -30; i < runs; i++)
        {
            command.Parameters[0].Value = (long)random.Next(1, count + 1);
            var start = Stopwatch.GetTimestamp();
            await command.ExecuteScalarAsync();
            if (i >= 0)
            {
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        return Summarize(times, 1);
    }

    private static async Task<Figures> RawCountAsync(CaseBenchDatabase database, int runs, string[] towns)
    {
        var random = new Random(11);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """SELECT count(*) FROM cases WHERE "RegionCode" >= $1 AND "RegionCode" < $2 AND "Status" = ANY($3)""", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "" });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "" });
        command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [] });
        var times = new List<double>(runs);
        long totals = 0;
        for (var i = -30; i < runs; i++)
        {
            var town = Pick(random, towns);
            command.Parameters[0].Value = town;
            command.Parameters[1].Value = CaseRegions.Next(town);
            command.Parameters[2].Value = Pick(random, Statuses).Split(',').Select(s => (int)Enum.Parse<CaseStatus>(s)).ToArray();
            var start = Stopwatch.GetTimestamp();
            var total = (long)(await command.ExecuteScalarAsync())!;
            if (i >= 0)
            {
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                totals += total;
            }
        }

        return Summarize(times, totals / (double)runs);
    }

    private static Figures Summarize(List<double> times, double meanTotal)
    {
        times.Sort();
        double At(double p) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];
        return new Figures(At(0.50), At(0.95), At(0.99), meanTotal);
    }

    private static async Task PrintRowCountsAsync(CaseBenchDatabase database)
    {
        string[] tables = ["cases", "case_assignments", "case_events", "case_categories", "units", "regions", "AspNetUsers"];
        var counts = new List<string>();
        foreach (var table in tables)
        {
            counts.Add($"{table} {await CountAsync(database, table):N0}");
        }

        Console.WriteLine("   行数：" + string.Join("，", counts));
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """SELECT count(*) FILTER (WHERE search_vector @@ plainto_tsquery('simple', $1)), count(*) FILTER (WHERE search_vector @@ plainto_tsquery('simple', $2)) FROM cases""",
            connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = CommonWord });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = RareWord });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        Console.WriteLine($"   全文命中（全区）：“{CommonWord}” {reader.GetInt64(0):N0} 条，“{RareWord}” {reader.GetInt64(1):N0} 条");
    }

    internal static async Task<long> CountAsync(CaseBenchDatabase database, string table)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\"", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<(string[] Towns, string[] Communities)> RegionsAsync(CaseBenchDatabase database)
    {
        await using var scope = database.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var regions = await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Town || r.Level == RegionLevel.Community)
            .Select(r => new { r.Code, r.Level }).ToListAsync();
        return (regions.Where(r => r.Level == RegionLevel.Town).Select(r => r.Code).Order().ToArray(),
            regions.Where(r => r.Level == RegionLevel.Community).Select(r => r.Code).Order().ToArray());
    }

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];

    internal static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
