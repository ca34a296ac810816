using CivicGrid.Accounts;
using CivicGrid.Organization;
using CivicGrid.Web.Platform;

namespace CivicGrid.Web.Organization;

public static class TeamApi
{
    public static void MapTeamApi(this RouteGroupBuilder api)
    {
        var teams = api.MapGroup("/teams").RequireAuthorization().WithTags("组织机构");
        teams.MapGet("/", List).WithSummary("指挥体系：指挥部、办公室、督导组、专项组");
        teams.MapGet("/{id:int}", Get).WithSummary("工作组详情");
        teams.MapPost("/", Create).WithSummary("新增工作组");
        teams.MapPut("/{id:int}", Update).WithSummary("修改工作组（成员、负责区域）");
    }

    private static async Task<IResult> List(string? kind, string? q, TeamQueries queries, AccessScope scope, CancellationToken ct)
    {
        TeamKind? parsed = null;
        if (!string.IsNullOrWhiteSpace(kind) && (parsed = TeamKinds.Parse(kind)) is null)
        {
            return Problems.BadRequest($"工作组类型“{kind}”无效（指挥部、办公室、督导组、专项组）。");
        }

        return TypedResults.Ok(await queries.ListAsync(scope, parsed, q, ct));
    }

    private static async Task<IResult> Get(int id, TeamQueries queries, AccessScope scope, CancellationToken ct) =>
        await queries.GetAsync(scope, id, ct) is { } team
            ? TypedResults.Ok(team)
            : Problems.NotFound($"工作组 {id} 不存在或不在您的管辖范围内。");

    private static async Task<IResult> Create(SaveTeamRequest request, SaveTeam handler, AccessScope scope, CancellationToken ct) =>
        (await handler.HandleAsync(scope, request with { Id = null }, ct)).ToHttp(t => new { t.Id, t.Name }, t => $"/api/v1/teams/{t.Id}");

    private static async Task<IResult> Update(int id, SaveTeamRequest request, SaveTeam handler, AccessScope scope, CancellationToken ct) =>
        (await handler.HandleAsync(scope, request with { Id = id }, ct)).ToHttp(t => new { t.Id, t.Name });
}
