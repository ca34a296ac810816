using CivicGrid.Accounts;
using CivicGrid.Web.Accounts;
using CivicGrid.Web.Assessment;
using CivicGrid.Web.Cases;
using CivicGrid.Web.Grid;
using CivicGrid.Web.Inspections;
using CivicGrid.Web.Open311;
using CivicGrid.Web.Organization;
using CivicGrid.Web.Public;
using CivicGrid.Web.Safety;
using CivicGrid.Web.Standards;

namespace CivicGrid.Web.Platform;

/// <summary>The one place that lists the modules' services and endpoints.</summary>
public static class ModuleRegistration
{
    public static IServiceCollection AddCivicGridModules(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAccountUseCases();
        services.AddGridModule();
        services.AddOrganizationModule();
        services.AddCasesCatalogModule();
        services.AddCasesModule(configuration);
        services.AddRoutingModule(configuration);
        services.AddCaseLoopInfrastructure(configuration);
        services.AddStandardsModule(configuration);
        services.AddInspectionsModule(configuration);
        services.AddOpen311Module();
        services.AddPublicModule(configuration);
        services.AddAssessmentModule(configuration);
        services.AddSafetyModule();
        return services;
    }

    public static IEndpointRouteBuilder MapCivicGridModules(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1");
        api.MapUserApi();
        api.MapGridApi();
        api.MapOrganizationApi();
        api.MapCasesCatalogApi();
        api.MapCasesApi();
        api.MapRoutingApi();
        api.MapCaseLoopInfrastructure();
        app.MapStandardsModule(api);
        app.MapInspectionsModule(api);
        app.MapOpen311Api(api);
        api.MapAssessmentApi();
        app.MapPublicHonourPages();
        app.MapPublicPages();
        api.MapSafetyApi();
        return app;
    }
}
