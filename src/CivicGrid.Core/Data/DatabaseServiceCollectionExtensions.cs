using CivicGrid.Assessment.Figures;
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

    /// <summary>One for the process: it keeps its per-save state per DbContext.</summary>
    private static readonly CaseFigureTracker FigureTracker = new();

    public static void Configure(DbContextOptionsBuilder options, DatabaseSettings settings)
    {
        options.AddInterceptors(FigureTracker);
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
