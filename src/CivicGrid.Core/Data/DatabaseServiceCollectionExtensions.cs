using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CivicGrid.Data;

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>How many statements Npgsql prepares by default (see <see cref="WithAutoPrepare"/>).</summary>
    public const int DefaultMaxAutoPrepare = 32;

    public static IServiceCollection AddCivicGridDatabase(this IServiceCollection services, DatabaseSettings settings)
    {
        services.AddSingleton(settings);
        // Also registers AppDbContext itself as scoped, for handlers; Blazor components use the factory.
        services.AddDbContextFactory<AppDbContext>(o => Configure(o, settings));
        return services;
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseSettings settings)
    {
        switch (settings.Provider)
        {
            case DatabaseProvider.Postgres:
                options.UseNpgsql(WithAutoPrepare(settings.ConnectionString), o => o.MigrationsAssembly(DatabaseSettings.PostgresMigrationsAssembly));
                break;
            default:
                options.UseSqlite(settings.ConnectionString, o => o.MigrationsAssembly(DatabaseSettings.SqliteMigrationsAssembly));
                break;
        }
    }

    /// <summary>
    /// Unless the connection string says otherwise, Npgsql prepares the statements used most (the intake's, the case
    /// list's), so the server skips parsing and planning them on every call — CPU the intake needs under a surge.
    /// </summary>
    public static string WithAutoPrepare(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.Keys.Cast<string>().Any(k => k.Replace(" ", "", StringComparison.Ordinal).Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)))
        {
            return connectionString;
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = DefaultMaxAutoPrepare }.ConnectionString;
    }
}
