using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Standards;

public static class StandardsServiceCollectionExtensions
{
    /// <summary>The assessment index, point and sign use cases.</summary>
    public static IServiceCollection AddStandardsUseCases(this IServiceCollection services) => services
        .AddScoped<IndexQueries>().AddScoped<ImportIndex>()
        .AddScoped<PointQueries>().AddScoped<SavePoint>().AddScoped<ImportPoints>()
        .AddScoped<PointSigns>().AddScoped<RecordLatestInspection>();
}
