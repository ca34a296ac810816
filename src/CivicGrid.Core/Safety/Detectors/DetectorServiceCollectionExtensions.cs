using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CivicGrid.Safety.Detectors;

public static class DetectorServiceCollectionExtensions
{
    /// <summary>The platform's own detectors; <see cref="DetectorOptions"/> are bound by the host.</summary>
    public static IServiceCollection AddSafetyDetectors(this IServiceCollection services)
    {
        services.TryAddSingleton<IPeopleFinderLoader, HogPeopleFinderLoader>();
        return services.AddSingleton<IntrusionDetector>().AddSingleton<DetectorCatalog>()
            .AddScoped<RunDetectors>().AddScoped<DetectorCameras>();
    }
}
