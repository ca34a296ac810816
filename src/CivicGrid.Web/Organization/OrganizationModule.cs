using CivicGrid.Organization;

namespace CivicGrid.Web.Organization;

public static class OrganizationModule
{
    public static IServiceCollection AddOrganizationModule(this IServiceCollection services) => services.AddOrganizationUseCases();

    public static void MapOrganizationApi(this RouteGroupBuilder api)
    {
        api.MapUnitApi();
        api.MapPersonApi();
        api.MapTeamApi();
    }
}
