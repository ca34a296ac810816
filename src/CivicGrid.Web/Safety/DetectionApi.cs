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
        safety.MapPost("/detections/batch", IngestBatch).AllowAnonymous()
            .WithSummary($"批量上报 AI 识别事件（边缘分析盒）：JSON 数组，1–{IngestDetection.MaxBatchItems} 条，每条同单条上报")
            .WithDescription("各条按数组顺序经过规则（与逐条上报结果相同），同一事务写入；202 按顺序答 [{accepted, warningId}]。"
                + "任一条有误则整批不写入：400/403/404 中文问题详情，errors 的 where 为 [下标].字段，detail 写明第几条。")
            .Produces<DetectionAnswer[]>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        safety.MapGet("/warnings", List).WithSummary("预警列表 {id, cameraCode, type, firstSeenAt, status}");
        safety.MapPost("/warnings/{id:long}/resolve", Resolve).WithSummary("处理预警：hidden_danger 立隐患、violation 定三违（personId）、dismissed 误报");
        safety.MapGet("/enterprises/{id:int}/warning-precision", Precision).WithSummary("各摄像头、各类型预警准确率（确认 /（确认 + 误报））");
    }

    private static async Task<IResult> Ingest(HttpContext http, DetectionRequest? request, IngestDetection handler, CameraDirectory cameras,
        AccessScope scope, CancellationToken ct)
    {
        var (caller, refusal) = await CallerAsync(http, cameras, scope, ct);
        if (caller is null)
        {
            return refusal!;
        }

        if (request is null)
        {
            return Problems.BadRequest("请求体不能为空。");
        }

        var outcome = await handler.HandleAsync(caller, request, ct);
        return outcome.Succeeded ? TypedResults.Accepted((string?)null, outcome.Value) : outcome.ToHttp(x => x);
    }

    private static async Task<IResult> IngestBatch(HttpContext http, DetectionRequest?[]? requests, IngestDetection handler, CameraDirectory cameras,
        AccessScope scope, CancellationToken ct)
    {
        var (caller, refusal) = await CallerAsync(http, cameras, scope, ct);
        if (caller is null)
        {
            return refusal!;
        }

        var outcome = await handler.HandleBatchAsync(caller, requests, ct);
        return outcome.Succeeded ? TypedResults.Accepted((string?)null, outcome.Value) : outcome.ToHttp(x => x);
    }

    /// <summary>The integration key's enterprise, or the user's token; a refusal when neither is usable.</summary>
    private static async Task<(DetectionCaller? Caller, IResult? Refusal)> CallerAsync(HttpContext http, CameraDirectory cameras, AccessScope scope,
        CancellationToken ct)
    {
        if (http.Request.Headers[ApiKeyHeader].FirstOrDefault() is { Length: > 0 } key)
        {
            return await cameras.EnterpriseOfKeyAsync(key, ct) is { } enterprise
                ? (new DetectionCaller(scope, enterprise), null)
                : (null, Problems.Unauthorized("接入密钥（X-Api-Key）无效或已停用。"));
        }

        return scope.IsAuthenticated
            ? (new DetectionCaller(scope, null), null)
            : (null, Problems.Unauthorized("请用 Bearer 令牌或接入密钥（X-Api-Key）调用。"));
    }

    private static async Task<IResult> List(string? cameraCode, DateTimeOffset? since, int? page, int? pageSize, WarningQueries queries, AccessScope scope,
        CancellationToken ct) =>
        (await queries.ListAsync(scope, cameraCode, since, page, pageSize, ct)).ToHttp(x => x);

    private static async Task<IResult> Resolve(long id, ResolveWarningRequest request, ResolveWarning handler, AccessScope scope, CancellationToken ct) =>
        (await handler.HandleAsync(scope, id, request, ct)).ToHttp(x => new { id, status = WarningStatuses.Code(x) });

    private static async Task<IResult> Precision(int id, WarningQueries queries, AccessScope scope, CancellationToken ct) =>
        (await queries.PrecisionAsync(scope, id, ct)).ToHttp(x => x);
}
