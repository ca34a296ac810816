using CivicGrid.Accounts;
using CivicGrid.Safety.Detections;
using CivicGrid.Web.Platform;

namespace CivicGrid.Web.Safety;

/// <summary>Cameras and their rules per detection type; an edit applies to the next detection without a restart.</summary>
public static class CameraApi
{
    public static void MapCameraApi(this RouteGroupBuilder safety)
    {
        safety.MapGet("/enterprises/{id:int}/cameras", List).WithSummary("企业的摄像头及各识别类型的规则");
        safety.MapPost("/enterprises/{id:int}/cameras", Create).WithSummary("新增摄像头（编码、名称、区域、识别类型及规则）");
        safety.MapGet("/cameras/{cameraId:int}", Get).WithSummary("摄像头详情及规则");
        safety.MapPut("/cameras/{cameraId:int}", Update)
            .WithSummary("修改摄像头及规则（rules 为完整清单：最低置信度、识别区域多边形、持续秒数、冷却秒数、仅工作时间、处置方式 warning/hidden_danger/violation）");
    }

    private static async Task<IResult> List(int id, CameraQueries queries, AccessScope scope, CancellationToken ct) =>
        (await queries.ListAsync(scope, id, ct)).ToHttp(x => x);

    private static async Task<IResult> Get(int cameraId, CameraQueries queries, AccessScope scope, CancellationToken ct) =>
        (await queries.GetAsync(scope, cameraId, ct)).ToHttp(x => x);

    private static async Task<IResult> Create(int id, SaveCameraRequest request, SaveCamera handler, CameraQueries queries, AccessScope scope, CancellationToken ct)
    {
        var outcome = await handler.CreateAsync(scope, id, request, ct);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/v1/safety/cameras/{outcome.Value}", (await queries.GetAsync(scope, outcome.Value, ct)).Value)
            : outcome.ToHttp(x => x);
    }

    private static async Task<IResult> Update(int cameraId, SaveCameraRequest request, SaveCamera handler, CameraQueries queries, AccessScope scope, CancellationToken ct)
    {
        var outcome = await handler.UpdateAsync(scope, cameraId, request, ct);
        return outcome.Succeeded ? TypedResults.Ok((await queries.GetAsync(scope, cameraId, ct)).Value) : outcome.ToHttp(x => x);
    }
}
