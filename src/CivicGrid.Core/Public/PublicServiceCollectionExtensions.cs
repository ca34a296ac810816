using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Public;

public static class PublicServiceCollectionExtensions
{
    /// <summary>The residents' front door: public reports, +1, tracking links and evaluation.</summary>
    public static IServiceCollection AddPublicUseCases(this IServiceCollection services) => services
        .AddScoped<SubmitPublicReport>().AddScoped<SupportCase>().AddScoped<TrackCase>().AddScoped<EvaluateTrackedCase>().AddScoped<PublicNearby>();
}
