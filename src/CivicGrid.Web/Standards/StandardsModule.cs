using CivicGrid.Standards;

namespace CivicGrid.Web.Standards;

/// <summary>测评体系与点位: the assessment index, inspection points, their public signs (亮牌) and printed QR signs.</summary>
public static class StandardsModule
{
    public static IServiceCollection AddStandardsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<StandardsOptions>(configuration.GetSection(StandardsOptions.Section));
        services.AddSingleton<SignQrCodes>();
        services.AddScoped<CivicGrid.Web.Components.Standards.StandardsConsoleQueries>();
        return services.AddStandardsUseCases();
    }

    /// <summary>The API under <paramref name="api"/>, and the public sign and print pages at the site root.</summary>
    public static void MapStandardsModule(this IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        api.MapPointApi();
        api.MapIndexApi();
        app.MapSignPages();
    }
}
