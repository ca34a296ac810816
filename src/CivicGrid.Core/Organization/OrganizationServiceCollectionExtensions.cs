using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Organization;

public static class OrganizationServiceCollectionExtensions
{
    public static IServiceCollection AddOrganizationUseCases(this IServiceCollection services) => services
        .AddScoped<UnitQueries>().AddScoped<SaveUnit>().AddScoped<ImportUnits>()
        .AddScoped<PersonQueries>().AddScoped<SavePerson>().AddScoped<ImportPeople>()
        .AddScoped<TeamQueries>().AddScoped<SaveTeam>();
}
