using CivicGrid.Public;
using Microsoft.AspNetCore.RateLimiting;

namespace CivicGrid.Web.Public;

/// <summary>The residents' front door: 随手拍 (/report), tracking and evaluation (/track/{token}) and their JSON under /public/api.</summary>
public static class PublicModule
{
    public static IServiceCollection AddPublicModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PublicOptions>(configuration.GetSection(PublicOptions.Section));
        services.AddPublicUseCases();
        services.AddSingleton<PublicSubmissionLimits>();
        services.AddSingleton<PublicRequestPolicy>();
        services.AddScoped<ReportSubmission>();
        services.AddScoped<PublicMap>();
        services.AddOptions<RateLimiterOptions>().Configure<PublicRequestPolicy>((o, policy) => o.AddPolicy(PublicRequestPolicy.Name, policy));
        return services;
    }

    public static IEndpointRouteBuilder MapPublicPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").RequireRateLimiting(PublicRequestPolicy.Name).DisableAntiforgery().ExcludeFromDescription();
        pages.MapReportPages();
        pages.MapTrackingPages();
        var api = app.MapGroup(PublicResponses.ApiPrefix).RequireRateLimiting(PublicRequestPolicy.Name).DisableAntiforgery().ExcludeFromDescription();
        api.MapPublicApi();
        return app;
    }
}
