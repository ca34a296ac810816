using CivicGrid.Cases;

namespace CivicGrid.Web.Cases;

public static class CasesModule
{
    public static IServiceCollection AddCasesModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CaseOptions>(configuration.GetSection("CivicGrid:Cases"));
        services.AddHttpContextAccessor().AddScoped<CivicGrid.Cases.Intake.IReportOrigin, HttpReportOrigin>();
        return services.AddCaseUseCases();
    }

    public static void MapCasesApi(this RouteGroupBuilder api) => api.MapCaseApi();
}
