using CivicGrid.Accounts;
using CivicGrid.Platform;
using CivicGrid.Safety.Detections;
using CivicGrid.Web.Platform;

namespace CivicGrid.Web.Safety;

/// <summary>AI detection events from camera systems, and the warnings they raise (CONTRACT.md).</summary>
public static class DetectionApi
{
    public const string ApiKeyHeader = "X-Api-Key";

    public static void MapDetectionApi(this RouteGroupBuilder safety)
    {
        // Camera systems authenticate with an integration key instead of a user's token, so this one checks for itself.
        safety.MapPost("/detections", Ingest).AllowAnonymous()
            .WithSummary("上报 AI 识别事件（摄像头系统；Bearer 令牌或 X-Api-Key）；202 {accepted, warningId}");
        safety.MapGet("/warnings", List).WithSummary("预警列表 {id, cameraCode, type, firstSeenAt, status}");
        safety.MapPost("/warnings/{id:long}/resolve", Resolve).WithSummary("处理预警：hidden_danger 立隐患、violation 定三违（personId）、dismissed 误报");
        safety.MapGet("/enterprises/{id:int}/warning-precision", Precision).WithSummary("各摄像头、各类型预警准确率（确认 /（确认 + 误报））");
    }

    private static async Task<IResult> Ingest(HttpContext http, DetectionRequest? request, IngestDetection handler, CameraDirectory cameras,
        AccessScope scope, CancellationToken ct)
    {
        int? keyEnterprise = null;
        if (http.Request.Headers[ApiKeyHeader].FirstOrDefault() is { Length: > 0 } key)
        {
            keyEnterprise = await cameras.EnterpriseOfKeyAsync(key, ct);
            if (keyEnterprise is null)
            {
                return Problems.Unauthorized("接入密钥（X-Api-Key）无效或已停用。");
            }
        }
        else if (!scope.IsAuthenticated)
        {
            return Problems.Unauthorized("请用 Bearer 令牌或接入密钥（X-Api-Key）调用。");
        }

        if (request is null)
        {
            return Problems.BadRequest("请求体不能为空。");
        }

        var outcome = await handler.HandleAsync(new DetectionCaller(scope, keyEnterprise), request, ct);
        return outcome.Succeeded
            ? TypedResults.Accepted((string?)null, new { accepted = outcome.Value!.Accepted, warningId = outcome.Value.WarningId })
            : outcome.ToHttp(x => x);
    }

    private static async Task<IResult> List(string? cameraCode, DateTimeOffset? since, int? page, int? pageSize, WarningQueries queries, AccessScope scope,
        CancellationToken ct) =>
        (await queries.ListAsync(scope, cameraCode, since, page, pageSize, ct)).ToHttp(x => x);

    private static async Task<IResult> Resolve(long id, ResolveWarningRequest request, ResolveWarning handler, AccessScope scope, CancellationToken ct) =>
        (await handler.HandleAsync(scope, id, request, ct)).ToHttp(x => new { id, status = WarningStatuses.Code(x) });

    private static async Task<IResult> Precision(int id, WarningQueries queries, AccessScope scope, CancellationToken ct) =>
        (await queries.PrecisionAsync(scope, id, ct)).ToHttp(x => x);
}
