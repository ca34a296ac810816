using CivicGrid.Safety;
using CivicGrid.Safety.Audits;
using CivicGrid.Safety.Detections;

namespace CivicGrid.Web.Safety;

public static class SafetyModule
{
    public static IServiceCollection AddSafetyModule(this IServiceCollection services)
    {
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.Section)
            .Validate(o => StarGrading.Check(o.StarTable) is null && o.FailBelow is > 0 and <= 1, "CivicGrid:Safety:Audits 配置无效：星级表或不合格线（FailBelow 0–1）有误。").ValidateOnStart();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, DetectionJson.Default));
        return services.AddSafetyUseCases().AddAuditUseCases().AddCameraEditing().AddDetectors();
    }

    public static void MapSafetyApi(this RouteGroupBuilder api)
    {
        var safety = api.MapGroup("/safety").RequireAuthorization().WithTags("安全风险管控");
        safety.MapPlacesApi();
        safety.MapRiskRegisterApi();
        safety.MapHiddenDangerApi();
        safety.MapViolationApi();
        safety.MapDetectionApi();
        safety.MapDetectorApi();
        safety.MapAuditApi();
        safety.MapCameraApi();
    }
}
