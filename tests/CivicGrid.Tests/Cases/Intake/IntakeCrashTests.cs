using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Testing;
using CivicGrid.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CivicGrid.Tests.Cases.Intake;

/// <summary>
/// The web app as its own OS process under a load of reports, killed with SIGKILL mid-load and started again:
/// every report that got a 2xx is there exactly once, and the server is healthy.
/// </summary>
public abstract class IntakeCrashTests
{
    private const int Clients = 16;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Environment for the app process (database, data folder), or null when the database is unavailable here.</summary>
    protected abstract Task<Dictionary<string, string>?> PrepareAsync(string dataDir);

    protected abstract DbConnection Connect();

    protected virtual Task CleanUpAsync() => Task.CompletedTask;

    [Fact]
    public async Task Every_acknowledged_report_is_there_exactly_once_after_the_server_is_killed_mid_load()
    {
        var clock = Stopwatch.StartNew();
        var dataDir = Path.Combine(Path.GetTempPath(), "civicgrid-crash-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dataDir);
        try
        {
            var settings = await PrepareAsync(dataDir);
            if (settings is null)
            {
                return;
            }

            settings["CivicGrid__DataDir"] = dataDir;
            settings["CivicGrid__RateLimits__PublicPerMinute"] = "100000";
            settings["CivicGrid__RateLimits__TokenPerMinute"] = "100000";
            settings["CivicGrid__Routing__TrainOnStart"] = "false";
            settings["ASPNETCORE_ENVIRONMENT"] = "Testing";
            settings["Logging__LogLevel__Default"] = "Warning";
            var web = WebAppProcess.WebAssemblyBesideMe();
            var prefix = "crash-" + Guid.NewGuid().ToString("N")[..8];
            var acknowledged = new ConcurrentDictionary<string, long>();
            int port;

            await using (var app = await WebAppProcess.StartAsync(web, settings, TimeSpan.FromSeconds(240)))
            {
                port = app.BaseAddress.Port;
                using var http = await SignedInAsync(app.BaseAddress);
                var samples = new SampleReports(7);

                // One report first, so the load meets a warm server (compiled code, loaded grid and rules).
                var warm = await http.PostAsJsonAsync("/api/v1/cases", samples.Citizen(prefix + "-warm", 0), Ct);
                Assert.Equal(HttpStatusCode.Created, warm.StatusCode);
                var next = -1;
                var refused = 0;
                var lastError = "";
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
                var clients = Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
                {
                    while (!stop.IsCancellationRequested)
                    {
                        var n = Interlocked.Increment(ref next);
                        var key = $"{prefix}-{n}";
                        try
                        {
                            using var response = await http.PostAsJsonAsync("/api/v1/cases", samples.Citizen(prefix, n), stop.Token);
                            if (response.IsSuccessStatusCode)
                            {
                                var body = await response.Content.ReadFromJsonAsync<JsonElement>(stop.Token);
                                acknowledged[key] = body.GetProperty("id").GetInt64();
                            }
                            else
                            {
                                lastError = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(stop.Token)}";
                            }
                        }
                        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
                        {
                            lastError = ex.Message;
                            // The server is gone (or the test is over): no answer, so no promise was made.
                            Interlocked.Increment(ref refused);
                            await Task.Delay(20, CancellationToken.None);
                        }
                    }
                }, CancellationToken.None)).ToList();

                var loading = Stopwatch.StartNew();
                while (acknowledged.Count < 60 && loading.Elapsed < TimeSpan.FromSeconds(30))
                {
                    await Task.Delay(20, Ct);
                }

                var beforeKill = acknowledged.Count;
                app.Kill();
                await Task.Delay(300, Ct);
                await stop.CancelAsync();
                await Task.WhenAll(clients);
                Assert.True(beforeKill >= 20, $"杀进程前只有 {beforeKill} 份上报得到应答（{lastError}）：\n{app.RecentOutput}");
                Assert.True(refused > 0, "杀进程时没有正在进行的上报");
            }

            TestContext.Current.TestOutputHelper?.WriteLine($"应答 {acknowledged.Count} 份后杀进程，用时 {clock.Elapsed.TotalSeconds:N1} 秒");

            // The port is free again: the same address, as a supervisor restarting the service would use.
            await using var restarted = await WebAppProcess.StartAsync(web, settings, TimeSpan.FromSeconds(240), port);
            var stored = await StoredAsync(prefix);
            foreach (var (key, id) in acknowledged)
            {
                Assert.True(stored.TryGetValue(key, out var rows), $"应答过的上报 {key}（案卷 {id}）在重启后不见了");
                Assert.Equal([id], rows);
            }

            Assert.All(stored, s => Assert.Single(s.Value));
            using var again = await SignedInAsync(restarted.BaseAddress);
            var (sampleKey, sampleId) = acknowledged.First();
            var n0 = int.Parse(sampleKey[(prefix.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            var retry = await again.PostAsJsonAsync("/api/v1/cases", new SampleReports(8).Citizen(prefix, n0), Ct);
            Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
            Assert.Equal(sampleId, (await retry.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt64());
            var fresh = await again.PostAsJsonAsync("/api/v1/cases", new SampleReports(9).Citizen(prefix + "-after", 0), Ct);
            Assert.Equal(HttpStatusCode.Created, fresh.StatusCode);
            TestContext.Current.TestOutputHelper?.WriteLine($"重启并核对 {stored.Count} 个幂等键，共用时 {clock.Elapsed.TotalSeconds:N1} 秒");
        }
        finally
        {
            await CleanUpAsync();
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(dataDir, recursive: true);
            }
            catch (IOException)
            {
                // The temp folder is cleaned by the OS.
            }
        }
    }

    private static async Task<HttpClient> SignedInAsync(Uri baseAddress)
    {
        var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = "resident", password = "Demo#2026" }, Ct);
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    /// <summary>The ids stored under each idempotency key of this run, straight from the database.</summary>
    private async Task<Dictionary<string, List<long>>> StoredAsync(string prefix)
    {
        await using var conn = Connect();
        await conn.OpenAsync(Ct);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = """SELECT "IdempotencyKey", "Id" FROM cases WHERE "IdempotencyKey" LIKE @prefix""";
        var p = cmd.CreateParameter();
        p.ParameterName = "@prefix";
        p.Value = prefix + "-%";
        cmd.Parameters.Add(p);
        var stored = new Dictionary<string, List<long>>();
        await using var reader = await cmd.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            var key = reader.GetString(0);
            (stored.TryGetValue(key, out var ids) ? ids : stored[key] = []).Add(reader.GetInt64(1));
        }

        return stored;
    }
}

public sealed class IntakeCrashTestsOnSqlite : IntakeCrashTests
{
    private string? _file;

    protected override async Task<Dictionary<string, string>?> PrepareAsync(string dataDir)
    {
        var template = await SqliteTemplate.GetAsync();
        foreach (var file in Directory.GetFiles(template, "civicgrid.db*"))
        {
            File.Copy(file, Path.Combine(dataDir, Path.GetFileName(file)));
        }

        _file = Path.Combine(dataDir, "civicgrid.db");
        return new() { ["CivicGrid__Database__Provider"] = "Sqlite" };
    }

    protected override DbConnection Connect() => new SqliteConnection($"Data Source={_file};Pooling=False");
}

public sealed class IntakeCrashTestsOnPostgres : IntakeCrashTests
{
    private string? _database;
    private string? _connectionString;

    protected override async Task<Dictionary<string, string>?> PrepareAsync(string dataDir)
    {
        var server = await PostgresServer.GetAsync();
        if (server.Unavailable is not null)
        {
            Assert.SkipWhen(!PostgresServer.Required, server.Unavailable);
            throw new InvalidOperationException("CIVICGRID_REQUIRE_PG=1，但 " + server.Unavailable);
        }

        var template = await PostgresTemplate.GetAsync(server);
        _database = "cg_crash_" + Guid.NewGuid().ToString("N")[..8];
        await using (var conn = new NpgsqlConnection(server.AdminConnectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {_database} TEMPLATE {template}", conn);
            await cmd.ExecuteNonQueryAsync();
        }

        _connectionString = server.ConnectionStringFor(_database);
        return new() { ["CivicGrid__Database__Provider"] = "Postgres", ["ConnectionStrings__Default"] = _connectionString };
    }

    protected override DbConnection Connect() => new NpgsqlConnection(_connectionString);

    protected override async Task CleanUpAsync()
    {
        if (_database is null)
        {
            return;
        }

        var server = await PostgresServer.GetAsync();
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(server.AdminConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
