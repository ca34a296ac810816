using Npgsql;

namespace CivicGrid.Tests.Infrastructure;

/// <summary>The app on PostgreSQL, on its own database cloned from the seeded template.</summary>
public class PostgresApp : CivicGridApp
{
    private string? _database;

    public override string ProviderName => "Postgres";

    public override async ValueTask InitializeAsync()
    {
        var server = await PostgresServer.GetAsync();
        if (server.Unavailable is not null)
        {
            SkipReason = server.Unavailable;
            return;
        }

        var template = await PostgresTemplate.GetAsync(server);
        _database = "cg_" + Guid.NewGuid().ToString("N")[..12];
        await PostgresTemplate.CloneAsync(server, template, _database);

        ConnectionString = server.ConnectionStringFor(_database);
        CopyTemplateModel(await SqliteTemplate.GetAsync());
        _ = Server;
    }

    protected override async Task DropDatabaseAsync()
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

internal static class PostgresTemplate
{
    private const string Name = "cg_template";
    private static readonly SemaphoreSlim Lock = new(1, 1);
    private static bool _created;

    public static async Task<string> GetAsync(PostgresServer server)
    {
        await Lock.WaitAsync();
        try
        {
            if (!_created)
            {
                await using (var conn = new NpgsqlConnection(server.AdminConnectionString))
                {
                    await conn.OpenAsync();
                    await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE); CREATE DATABASE {Name}", conn);
                    await drop.ExecuteNonQueryAsync();
                }

                var builder = new TemplateBuilder(server.ConnectionStringFor(Name));
                await builder.InitializeAsync();
                await builder.DisposeAsync();
                NpgsqlConnection.ClearAllPools();

                // A background job of the builder app may still hold a connection; CREATE DATABASE … TEMPLATE needs none.
                await using (var conn = new NpgsqlConnection(server.AdminConnectionString))
                {
                    await conn.OpenAsync();
                    await using var kick = new NpgsqlCommand(
                        $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{Name}' AND pid <> pg_backend_pid()", conn);
                    await kick.ExecuteNonQueryAsync();
                }
                _created = true;
            }

            return Name;
        }
        finally
        {
            Lock.Release();
        }
    }

    /// <summary>
    /// Clones the template. Under load a late background job of the app that built the template can still reconnect
    /// to it, and CREATE DATABASE … TEMPLATE refuses while anyone is connected: such sessions are ended and the clone
    /// tried again, a few times.
    /// </summary>
    public static async Task CloneAsync(PostgresServer server, string template, string database)
    {
        await using var conn = new NpgsqlConnection(server.AdminConnectionString);
        await conn.OpenAsync();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var cmd = new NpgsqlCommand($"CREATE DATABASE {database} TEMPLATE {template}", conn);
                await cmd.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 5)
            {
                await using var kick = new NpgsqlCommand(
                    $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{template}' AND pid <> pg_backend_pid()", conn);
                await kick.ExecuteNonQueryAsync();
                await Task.Delay(200 * attempt);
            }
        }
    }

    /// <summary>Runs the app once against the template database (migrate + seed) and keeps it.</summary>
    private sealed class TemplateBuilder : CivicGridApp
    {
        public TemplateBuilder(string connectionString)
        {
            ConnectionString = connectionString;
            KeepData = true;
        }

        public override string ProviderName => "Postgres";

        public override ValueTask InitializeAsync()
        {
            _ = Server;
            return ValueTask.CompletedTask;
        }
    }
}
