using CivicGrid.Safety;

namespace CivicGrid.Web.Safety;

public static class SafetyModule
{
    public static IServiceCollection AddSafetyModule(this IServiceCollection services) => services.AddSafetyUseCases().AddDetectors();

    public static void MapSafetyApi(this RouteGroupBuilder api)
    {
        var safety = api.MapGroup("/safety").RequireAuthorization().WithTags("安全风险管控");
        safety.MapPlacesApi();
        safety.MapRiskRegisterApi();
        safety.MapHiddenDangerApi();
        safety.MapViolationApi();
        safety.MapDetectionApi();
        safety.MapDetectorApi();
    }
}
