using CivicGrid.Accounts;
using CivicGrid.Safety;
using CivicGrid.Web.Platform;

namespace CivicGrid.Web.Safety;

/// <summary>Enterprises, their areas, posts, tasks and people.</summary>
public static class PlacesApi
{
    public static void MapPlacesApi(this RouteGroupBuilder safety)
    {
        safety.MapGet("/enterprises", List).WithSummary("可管理的企业（含安全生产天数）");
        safety.MapGet("/enterprises/{id:int}", Get).WithSummary("企业的区域、岗位、作业任务与人员（手机号脱敏）");
        safety.MapPut("/enterprises/{id:int}/settings", Settings).WithSummary("风险分级界限、三违培训积分阈值、安全生产起算日");
        safety.MapPost("/enterprises/{id:int}/areas", (int id, SaveAreaRequest r, SaveArea h, AccessScope s, CancellationToken ct) => SaveArea(id, null, r, h, s, ct))
            .WithSummary("新增区域（采区、工作面、车间、选煤厂…）");
        safety.MapPut("/enterprises/{id:int}/areas/{areaId:int}", (int id, int areaId, SaveAreaRequest r, SaveArea h, AccessScope s, CancellationToken ct) => SaveArea(id, areaId, r, h, s, ct))
            .WithSummary("修改区域");
        safety.MapPost("/enterprises/{id:int}/posts", (int id, SavePostRequest r, SavePost h, AccessScope s, CancellationToken ct) => SavePost(id, null, r, h, s, ct))
            .WithSummary("新增岗位");
        safety.MapPut("/enterprises/{id:int}/posts/{postId:int}", (int id, int postId, SavePostRequest r, SavePost h, AccessScope s, CancellationToken ct) => SavePost(id, postId, r, h, s, ct))
            .WithSummary("修改岗位");
        safety.MapPost("/enterprises/{id:int}/tasks", (int id, SaveTaskRequest r, SaveTask h, AccessScope s, CancellationToken ct) => SaveTask(id, null, r, h, s, ct))
            .WithSummary("新增作业任务及其步骤");
        safety.MapPut("/enterprises/{id:int}/tasks/{taskId:int}", (int id, int taskId, SaveTaskRequest r, SaveTask h, AccessScope s, CancellationToken ct) => SaveTask(id, taskId, r, h, s, ct))
            .WithSummary("修改作业任务及其步骤");
        safety.MapPut("/enterprises/{id:int}/people/{personId:int}/posts", Assign).WithSummary("设置人员所在岗位");
    }

    private static async Task<IResult> List(EnterpriseQueries queries, AccessScope scope, CancellationToken ct) =>
        (await queries.ListAsync(scope, ct)).ToHttp(x => x);

    private static async Task<IResult> Get(int id, EnterpriseQueries queries, AccessScope scope, CancellationToken ct) =>
        (await queries.GetAsync(scope, id, ct)).ToHttp(x => x);

    private static async Task<IResult> Settings(int id, SaveSettingsRequest request, SaveSettings handler, AccessScope scope, CancellationToken ct) =>
        (await handler.HandleAsync(scope, id, request, ct)).ToHttp(x => x);

    private static async Task<IResult> SaveArea(int id, int? areaId, SaveAreaRequest request, SaveArea handler, AccessScope scope, CancellationToken ct) =>
        (await handler.HandleAsync(scope, id, request with { Id = areaId }, ct))
            .ToHttp(a => new AreaView(a.Id, a.Name, a.Kind, a.ParentAreaId, a.PlanX, a.PlanY, a.PlanWidth, a.PlanHeight), a => $"/api/v1/safety/enterprises/{id}/areas/{a.Id}");

    private static async Task<IResult> SavePost(int id, int? postId, SavePostRequest request, SavePost handler, AccessScope scope, CancellationToken ct) =>
        (await handler.HandleAsync(scope, id, request with { Id = postId }, ct)).ToHttp(p => new PostView(p.Id, p.Name, p.Duties), p => $"/api/v1/safety/enterprises/{id}/posts/{p.Id}");

    private static async Task<IResult> SaveTask(int id, int? taskId, SaveTaskRequest request, SaveTask handler, AccessScope scope, CancellationToken ct) =>
        (await handler.HandleAsync(scope, id, request with { Id = taskId }, ct))
            .ToHttp(t => new TaskView(t.Id, t.Name, t.AreaId, t.PostId, t.Steps.OrderBy(s => s.Order).Select(s => new TaskStepView(s.Id, s.Order, s.Name)).ToList()),
                t => $"/api/v1/safety/enterprises/{id}/tasks/{t.Id}");

    private static async Task<IResult> Assign(int id, int personId, AssignPostsRequest request, AssignPosts handler, AccessScope scope, CancellationToken ct) =>
        (await handler.HandleAsync(scope, id, personId, request, ct)).ToHttp(p => new { personId = p });
}
