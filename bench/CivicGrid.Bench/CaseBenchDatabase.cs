using CivicGrid.Accounts;
using CivicGrid.Assessment;
using CivicGrid.Cases;
using CivicGrid.Cases.Catalog;
using CivicGrid.Data;
using CivicGrid.Data.Seed;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CivicGrid.Bench;

/// <summary>
/// The case benchmark's PostgreSQL database: a throw-away cluster (or a given connection string), migrated and seeded
/// with the demo district the way the app does on first start, and the app's services over it (pooled, as the app runs).
/// </summary>
internal sealed class CaseBenchDatabase : IAsyncDisposable
{
    private const string DatabaseName = "civicgrid_bench";

    private readonly PrivatePostgresCluster? _cluster;

    private CaseBenchDatabase(PrivatePostgresCluster? cluster, string connectionString, ServiceProvider services)
    {
        _cluster = cluster;
        ConnectionString = connectionString;
        Services = services;
    }

    public string ConnectionString { get; }
    public ServiceProvider Services { get; }

    /// <summary>Starts a private cluster unless <paramref name="connectionString"/> names a database to use.</summary>
    public static async Task<CaseBenchDatabase> OpenAsync(string? connectionString)
    {
        PrivatePostgresCluster? cluster = null;
        if (connectionString is null)
        {
            // Index builds and the bulk load get memory; query settings stay PostgreSQL's defaults.
            cluster = await PrivatePostgresCluster.StartAsync(extraSettings: "-c maintenance_work_mem=512MB -c max_wal_size=8GB");
            await using (var admin = new NpgsqlConnection(cluster.AdminConnectionString))
            {
                await admin.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {DatabaseName}", admin);
                await create.ExecuteNonQueryAsync();
            }

            connectionString = new NpgsqlConnectionStringBuilder(cluster.AdminConnectionString) { Database = DatabaseName, Pooling = true }.ConnectionString;
        }

        var services = new ServiceCollection();
        // The generated cases replace the demo seeder's own few thousand.
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["CivicGrid:Demo:Cases"] = "0" }).Build());
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddCivicGridDatabase(new DatabaseSettings(DatabaseProvider.Postgres, connectionString));
        services.AddIdentityCore<AppUser>().AddEntityFrameworkStores<AppDbContext>();
        services.AddScoped<DemoSeeder>();
        services.AddAccountUseCases().AddCasesCatalogUseCases().AddCaseUseCases().AddAssessmentUseCases();
        return new CaseBenchDatabase(cluster, connectionString, services.BuildServiceProvider());
    }

    /// <summary>Applies the PostgreSQL migrations and seeds the demo district (grid, organization, catalog, accounts).</summary>
    public async Task PrepareAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // A migration that backfills the million generated cases takes minutes, far beyond the default command timeout.
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        await db.Database.MigrateAsync();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
    }

    /// <summary>The demo account's scope, loaded as the app loads it per request.</summary>
    public async Task<AccessScope> ScopeOfAsync(string userName)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var user = await db.Users.AsNoTracking().Include(u => u.RoleAssignments).SingleAsync(u => u.UserName == userName);
        return new AccessScope(user.Id, user.UserName!, user.RoleAssignments);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
