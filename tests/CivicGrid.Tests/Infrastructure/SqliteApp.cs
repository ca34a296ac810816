using Microsoft.Data.Sqlite;

namespace CivicGrid.Tests.Infrastructure;

/// <summary>The app on SQLite, starting from a copy of the seeded template file.</summary>
public class SqliteApp : CivicGridApp
{
    public override string ProviderName => "Sqlite";

    public override async ValueTask InitializeAsync()
    {
        var template = await SqliteTemplate.GetAsync();
        foreach (var file in Directory.GetFiles(template, "civicgrid.db*"))
        {
            File.Copy(file, Path.Combine(DataDir, Path.GetFileName(file)));
        }

        CopyTemplateModel(template);
        _ = Server;
    }
}

/// <summary>An empty database: migrations only, no demo district.</summary>
public class EmptySqliteApp : CivicGridApp
{
    public override string ProviderName => "Sqlite";

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings => [new("CivicGrid:Demo", "false")];

    public override ValueTask InitializeAsync()
    {
        _ = Server;
        return ValueTask.CompletedTask;
    }
}

internal static class SqliteTemplate
{
    private static readonly Lazy<Task<string>> Shared = new(CreateAsync);

    public static Task<string> GetAsync() => Shared.Value;

    private static async Task<string> CreateAsync()
    {
        var app = new EmptySqliteTemplateBuilder();
        await app.InitializeAsync();
        var dir = app.DataDir;
        await app.TrainModelAsync();
        await app.ShutdownKeepingDataAsync();
        SqliteConnection.ClearAllPools();
        return dir;
    }

    /// <summary>Runs the app once (migrate + seed) and keeps its data folder as the template.</summary>
    private sealed class EmptySqliteTemplateBuilder : CivicGridApp
    {
        public override string ProviderName => "Sqlite";

        public override ValueTask InitializeAsync()
        {
            _ = Server;
            return ValueTask.CompletedTask;
        }

        public async Task ShutdownKeepingDataAsync()
        {
            await using (var conn = new SqliteConnection($"Data Source={Path.Combine(DataDir, "civicgrid.db")}"))
            {
                await conn.OpenAsync();
                await using var cmd = conn.CreateCommand();
                cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                await cmd.ExecuteNonQueryAsync();
            }

            KeepData = true;
            await DisposeAsync();
        }
    }
}
