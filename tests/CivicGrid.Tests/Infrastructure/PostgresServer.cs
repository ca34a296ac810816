using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace CivicGrid.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests use: <c>CIVICGRID_TEST_PG</c> when set, otherwise a private
/// cluster started from the machine's binaries in a temp folder and stopped at the end.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync);
    private string? _clusterDir;
    private string? _pgCtl;

    private PostgresServer()
    {
    }

    /// <summary>Admin connection string (to the <c>postgres</c> database), or null when unavailable.</summary>
    public string? AdminConnectionString { get; private set; }

    /// <summary>Why PostgreSQL is unavailable, when it is.</summary>
    public string? Unavailable { get; private set; }

    public static bool Required => Environment.GetEnvironmentVariable("CIVICGRID_REQUIRE_PG") == "1";

    public static Task<PostgresServer> GetAsync() => Shared.Value;

    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database, Pooling = true, MaxPoolSize = 40 }.ConnectionString;

    private static async Task<PostgresServer> StartAsync()
    {
        var server = new PostgresServer();
        var external = Environment.GetEnvironmentVariable("CIVICGRID_TEST_PG");
        try
        {
            if (!string.IsNullOrWhiteSpace(external))
            {
                server.AdminConnectionString = external;
            }
            else
            {
                await server.StartPrivateClusterAsync();
            }

            await using var conn = new NpgsqlConnection(server.AdminConnectionString);
            await conn.OpenAsync();
        }
        catch (Exception ex)
        {
            server.Unavailable = $"PostgreSQL 不可用，PostgreSQL 测试被跳过：{ex.Message}";
            await Console.Error.WriteLineAsync("!!!!! " + server.Unavailable);
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return server;
    }

    private async Task StartPrivateClusterAsync()
    {
        var binDir = await Run("pg_config", "--bindir", asPostgres: false);
        binDir = binDir.Trim();
        var initdb = Path.Combine(binDir, "initdb");
        _pgCtl = Path.Combine(binDir, "pg_ctl");
        if (!File.Exists(initdb))
        {
            throw new InvalidOperationException($"找不到 initdb（{initdb}）");
        }

        _clusterDir = Path.Combine(Path.GetTempPath(), "civicgrid-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_clusterDir);
        var dataDir = Path.Combine(_clusterDir, "data");
        var asPostgres = Environment.UserName == "root";
        if (asPostgres)
        {
            await Run("chown", $"postgres:postgres {_clusterDir}", asPostgres: false);
        }

        await Run(initdb, $"-D {dataDir} -U postgres --auth=trust -E UTF8 --locale=C.UTF-8", asPostgres);
        var port = FreePort();
        var settings = $"-p {port} -k {_clusterDir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 -c shared_buffers=256MB";
        await Run(_pgCtl, $"-D {dataDir} -l {_clusterDir}/server.log -o \"{settings}\" -w start", asPostgres);
        AdminConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<string> Run(string file, string arguments, bool asPostgres)
    {
        var psi = asPostgres
            ? new ProcessStartInfo("runuser", $"-u postgres -- {file} {arguments}")
            : new ProcessStartInfo(file, arguments);
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.WorkingDirectory = Path.GetTempPath();
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"无法启动 {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} 失败（{process.ExitCode}）：{await stderr}");
        }

        return await stdout;
    }

    public async ValueTask DisposeAsync()
    {
        if (_clusterDir is null || _pgCtl is null)
        {
            return;
        }

        var dir = _clusterDir;
        _clusterDir = null;
        try
        {
            await Run(_pgCtl, $"-D {dir}/data -m immediate -w stop", Environment.UserName == "root");
            Directory.Delete(dir, recursive: true);
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }
    }
}
