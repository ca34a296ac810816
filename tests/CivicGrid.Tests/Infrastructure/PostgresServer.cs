using CivicGrid.Testing;
using Npgsql;

namespace CivicGrid.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests use: <c>CIVICGRID_TEST_PG</c> when set, otherwise a private
/// cluster started from the machine's binaries in a temp folder and stopped at the end.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync);
    private PrivatePostgresCluster? _cluster;

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
        _cluster = await PrivatePostgresCluster.StartAsync();
        AdminConnectionString = _cluster.AdminConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
