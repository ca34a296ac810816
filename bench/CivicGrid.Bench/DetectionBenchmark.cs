using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using CivicGrid.Testing;
using Npgsql;

namespace CivicGrid.Bench;

/// <summary>
/// AI detections ingested through the real endpoints with the demo camera key (key check, validation, camera rules from
/// memory, rule engine, group commit of detections and warnings by binary COPY, 202 after commit), the web app as its own
/// process on a durable private PostgreSQL, in two modes: one event per request (<c>POST /api/v1/safety/detections</c>)
/// and edge boxes posting batches (<c>POST /api/v1/safety/detections/batch</c>). Baseline in the same run: raw single-row
/// INSERTs of the same detection rows, one commit each, from N connections. Prints events/s, p50/p99, the app's CPU per
/// event and the ratio for each mode, and which mode meets the target of ≥ 5,000 events/s.
/// Options: --clients 64 --batch-clients 64 --batch 50 --seconds 15 --warmup 5 --baseline-connections 16
/// </summary>
public static class DetectionBenchmark
{
    private const double TargetPerSecond = 5_000;
    private static readonly string[] Types = ["no_helmet", "no_vest", "smoking", "phone", "intrusion", "fire_smoke", "street_vending", "garbage_overflow", "illegal_parking"];

    public static int Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(string[] args)
    {
        string? Get(string name) => Array.IndexOf(args, "--" + name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        int Int(string name, int fallback) => Get(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var clients = Int("clients", 64);
        var batchClients = Int("batch-clients", 64);
        var batchSize = Int("batch", 50);
        var window = TimeSpan.FromSeconds(Int("seconds", 15));
        var warmup = TimeSpan.FromSeconds(Int("warmup", 5));
        var baselineConnections = (Get("baseline-connections") ?? "16").Split(',').Select(int.Parse).ToList();

        Console.WriteLine($"== AI 识别事件入库基准：PostgreSQL 持久模式（fsync、synchronous_commit 开），{Environment.ProcessorCount} 核，同次运行");
        await using var cluster = await PrivatePostgresCluster.StartAsync(durable: true);
        await using (var admin = new NpgsqlConnection(cluster.AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE DATABASE civicgrid", admin);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(cluster.AdminConnectionString) { Database = "civicgrid", Pooling = true, MaxPoolSize = 100 }.ConnectionString;
        var dataDir = Path.Combine(Path.GetTempPath(), "civicgrid-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dataDir);
        var settings = new Dictionary<string, string>
        {
            ["CivicGrid__DataDir"] = dataDir,
            ["CivicGrid__Database__Provider"] = "Postgres",
            ["ConnectionStrings__Default"] = connectionString,
            ["CivicGrid__Routing__TrainOnStart"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        Console.WriteLine("启动应用（独立进程，迁移并生成演示区）…");
        await using var app = await WebAppProcess.StartAsync(WebAppProcess.WebAssemblyBesideMe(), settings, TimeSpan.FromMinutes(10));
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients * 2, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = app.BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };

        var start = DateTimeOffset.UtcNow.AddHours(-12);
        var results = new List<IntakeLoadResult>();
        foreach (var n in baselineConnections)
        {
            results.Add(await BaselineAsync(connectionString, n, warmup, window, start));
            results[^1].Print(null, 44);
        }

        var baseline = results.MaxBy(r => r.PerSecond)!;
        var warningsBefore = await CountAsync(connectionString, "safety_warnings");
        var single = await IntakeLoad.RunAsync("单条：POST /api/v1/safety/detections", clients, warmup, window, async (_, n, ct) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/safety/detections") { Content = JsonContent.Create(Body(n, start)) };
            request.Headers.Add("X-Api-Key", "demo-camera-key");
            using var response = await http.SendAsync(request, ct);
            return response.StatusCode == HttpStatusCode.Accepted ? null : $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}";
        }, () => app.TotalProcessorTime);
        single.Print(baseline, 44);

        // Batches on a timeline of their own, so their streams do not meet the single events' runs.
        var batchStart = start.AddHours(6);
        var batchRun = await IntakeLoad.RunAsync($"批量：POST …/detections/batch（每批 {batchSize} 条）", batchClients, warmup, window, async (_, n, ct) =>
        {
            var bodies = Enumerable.Range(0, batchSize).Select(i => Body((n * batchSize) + i, batchStart)).ToList();
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/safety/detections/batch") { Content = JsonContent.Create(bodies) };
            request.Headers.Add("X-Api-Key", "demo-camera-key");
            using var response = await http.SendAsync(request, ct);
            return response.StatusCode == HttpStatusCode.Accepted ? null : $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}";
        }, () => app.TotalProcessorTime);
        var batch = batchRun with { ItemsPerOperation = batchSize };
        batch.Print(baseline, 44);

        var warnings = await CountAsync(connectionString, "safety_warnings") - warningsBefore;
        Console.WriteLine($"期间生成预警 {warnings:N0} 条（其余为持续未满、冷却中等，均已入库）。");
        foreach (var mode in new[] { single, batch })
        {
            Console.WriteLine(mode.PerSecond >= TargetPerSecond && mode.Failed == 0
                ? $"{mode.Name}：达到目标（≥ {TargetPerSecond:N0} 条/秒）。"
                : $"{mode.Name}：未达到目标（≥ {TargetPerSecond:N0} 条/秒）。");
        }

        try
        {
            Directory.Delete(dataDir, recursive: true);
        }
        catch (IOException)
        {
            // Temp folder; the OS cleans it.
        }

        return 0;
    }

    private static object Body(long n, DateTimeOffset start) => new
    {
        cameraCode = $"CAM-{(n % 8) + 1:000}",
        type = Types[(int)(n / 8 % Types.Length)],
        occurredAt = OccurredAt(n, start),
        confidence = 0.5 + (n % 5 * 0.1),
        boxes = new[] { new { x = 0.3, y = 0.2, w = 0.1, h = 0.3 } },
    };

    /// <summary>
    /// Event n belongs to stream n mod 72 (8 cameras × 9 types) and is that stream's (n / 72)-th frame, 200 ms after the
    /// previous one: the rules see continuous bursts (persistence reached, then cooldown) as a busy site would send them.
    /// </summary>
    private static DateTimeOffset OccurredAt(long n, DateTimeOffset start) => start.AddMilliseconds(n / 72 * 200);

    /// <summary>The same rows straight into a copy of the detections table: one INSERT and one commit each, no HTTP, no rules.</summary>
    private static async Task<IntakeLoadResult> BaselineAsync(string connectionString, int connections, TimeSpan warmup, TimeSpan window, DateTimeOffset start)
    {
        var table = "baseline_detections_" + connections;
        await using (var setup = new NpgsqlConnection(connectionString))
        {
            await setup.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE TABLE {table} (LIKE safety_detections INCLUDING ALL)", setup);
            await create.ExecuteNonQueryAsync();
        }

        var open = new NpgsqlConnection[connections];
        for (var i = 0; i < connections; i++)
        {
            open[i] = new NpgsqlConnection(connectionString);
            await open[i].OpenAsync();
        }

        var sql = $"""
            INSERT INTO {table} ("CameraId", "Type", "OccurredAt", "Confidence", "Boxes", "Verdict", "WarningId", "ReceivedAt")
            VALUES (@c, @t, @o, @f, '0.3,0.2,0.1,0.3', 5, NULL, now())
            """;
        try
        {
            return await IntakeLoad.RunAsync("基线：单行 INSERT（同结构），每条一次提交", connections, warmup, window, async (w, n, ct) =>
            {
                await using var cmd = new NpgsqlCommand(sql, open[w]);
                cmd.Parameters.AddWithValue("c", (int)(n % 8) + 1);
                cmd.Parameters.AddWithValue("t", (int)(n / 8 % Types.Length) + 1);
                cmd.Parameters.AddWithValue("o", OccurredAt(n, start).UtcDateTime);
                cmd.Parameters.AddWithValue("f", 0.5 + (n % 5 * 0.1));
                await cmd.ExecuteNonQueryAsync(ct);
                return null;
            });
        }
        finally
        {
            foreach (var c in open)
            {
                await c.DisposeAsync();
            }
        }
    }

    private static async Task<long> CountAsync(string connectionString, string table)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        await using var count = new NpgsqlCommand($"SELECT count(*) FROM {table}", db);
        return (long)(await count.ExecuteScalarAsync())!;
    }

}
