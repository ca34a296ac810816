using CivicGrid.Open311;
using Microsoft.AspNetCore.RateLimiting;

namespace CivicGrid.Web.Open311;

/// <summary>Open311 GeoReport v2 over the case engine (标准接口), and the integrations' keys.</summary>
public static class Open311Module
{
    public static IServiceCollection AddOpen311Module(this IServiceCollection services)
    {
        services.AddOptions<Open311Options>().BindConfiguration(Open311Options.Section);
        services.AddOptions<RateLimiterOptions>().Configure(o => o.AddPolicy<string, Open311RateLimitPolicy>(Open311RateLimitPolicy.Name));
        return services.AddOpen311UseCases();
    }

    /// <summary>GeoReport at /open311/v2 on the root; key administration under /api/v1.</summary>
    public static void MapOpen311Api(this IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        app.MapGeoReportApi();
        api.MapIntegrationApi();
    }
}
