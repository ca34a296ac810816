using CivicGrid.Grid;

namespace CivicGrid.Web.Grid;

public static class GridModule
{
    public static IServiceCollection AddGridModule(this IServiceCollection services)
    {
        services.AddSingleton<RegionLocator>();
        services.AddScoped<GridImporter>();
        return services;
    }

    public static void MapGridApi(this RouteGroupBuilder api)
    {
        api.MapRegionLocateApi();
        api.MapRegionQueryApi();
        api.MapRegionExportApi();
        api.MapRegionImportApi();
    }
}
