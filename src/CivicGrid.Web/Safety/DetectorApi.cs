using CivicGrid.Accounts;
using CivicGrid.Safety.Detectors;
using CivicGrid.Web.Platform;
using Microsoft.Extensions.Options;

namespace CivicGrid.Web.Safety;

/// <summary>The platform's own detectors: their state, and running them on a camera's snapshot.</summary>
public static class DetectorApi
{
    /// <summary>Binds <c>CivicGrid:Safety:Detectors</c>; model paths are taken relative to the data folder.</summary>
    public static IServiceCollection AddDetectors(this IServiceCollection services)
    {
        services.AddOptions<DetectorOptions>().BindConfiguration("CivicGrid:Safety:Detectors")
            .PostConfigure<IOptions<CivicGridOptions>>((o, civic) =>
            {
                foreach (var model in o.Models)
                {
                    model.ModelPath = Path.GetFullPath(
                        string.IsNullOrWhiteSpace(model.ModelPath) ? Path.Combine("models", "detectors", model.Name + ".onnx") : model.ModelPath,
                        civic.Value.DataDir);
                }
            });
        return services.AddSafetyDetectors();
    }

    public static void MapDetectorApi(this RouteGroupBuilder safety)
    {
        safety.MapGet("/detectors", List).WithSummary("平台内检测器及其状态 {name, title, available, message}");
        safety.MapPost("/detectors/run", Run)
            .WithSummary("对摄像头抓拍运行检测器 {cameraCode, snapshot, occurredAt?, detector?}；结果按该摄像头的规则生成预警");
    }

    private static IResult List(DetectorCatalog catalog, AccessScope scope) =>
        CivicGrid.Safety.SafetyAccess.UsesSafety(scope)
            ? TypedResults.Ok(catalog.Statuses)
            : Problems.Forbidden("您没有安全风险管控权限。");

    private static async Task<IResult> Run(RunDetectorsRequest? request, RunDetectors handler, AccessScope scope, CancellationToken ct) =>
        request is null
            ? Problems.BadRequest("请求体不能为空。")
            : (await handler.HandleAsync(scope, request, ct)).ToHttp(x => x);
}
