using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Data;

public static class DatabaseServiceCollectionExtensions
{
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
                options.UseNpgsql(settings.ConnectionString, o => o.MigrationsAssembly(DatabaseSettings.PostgresMigrationsAssembly));
                break;
            default:
                options.UseSqlite(settings.ConnectionString, o => o.MigrationsAssembly(DatabaseSettings.SqliteMigrationsAssembly));
                break;
        }
    }
}
