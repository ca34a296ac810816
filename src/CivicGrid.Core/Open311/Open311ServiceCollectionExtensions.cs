using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Open311;

public static class Open311ServiceCollectionExtensions
{
    public static IServiceCollection AddOpen311UseCases(this IServiceCollection services) => services
        .AddScoped<Jurisdictions>().AddScoped<ServiceCatalog>().AddScoped<ServiceRequestQueries>().AddScoped<SubmitServiceRequest>()
        .AddScoped<IntegrationQueries>().AddScoped<IssueIntegrationKey>().AddScoped<RevokeIntegrationKey>()
        .AddSingleton<IntegrationKeyCache>();
}
