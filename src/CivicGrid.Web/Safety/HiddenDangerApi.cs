using CivicGrid.Accounts;
using CivicGrid.Safety;
using CivicGrid.Web.Platform;

namespace CivicGrid.Web.Safety;

/// <summary>隐患排查治理 on the case loop: report, 五落实, 验收销号.</summary>
public static class HiddenDangerApi
{
    public static void MapHiddenDangerApi(this RouteGroupBuilder safety)
    {
        safety.MapGet("/enterprises/{id:int}/hidden-dangers", List).WithSummary("企业隐患清单（含案卷状态、五落实）");
        safety.MapPost("/enterprises/{id:int}/hidden-dangers", Report).WithSummary("上报隐患（建立来源为 safety 的案卷；等级：一般、重大）");
        safety.MapGet("/hidden-dangers/{dangerId:int}", Get).WithSummary("隐患详情");
        safety.MapPut("/hidden-dangers/{dangerId:int}/five-implementations", Fill).WithSummary("填写五落实：责任、措施、资金、时限、预案");
        safety.MapPost("/hidden-dangers/{dangerId:int}/acceptance", Accept).WithSummary("整改效果评价与验收（验收销号后方可结案）");
    }

    private static async Task<IResult> List(int id, string? grade, bool? open, int? page, int? pageSize, HiddenDangerQueries queries, AccessScope scope, CancellationToken ct) =>
        (await queries.ListAsync(scope, id, grade, open, page, pageSize, ct)).ToHttp(x => x);

    private static async Task<IResult> Get(int dangerId, HiddenDangerQueries queries, AccessScope scope, CancellationToken ct) =>
        (await queries.GetAsync(scope, dangerId, ct)).ToHttp(x => x);

    private static async Task<IResult> Report(int id, ReportHiddenDangerRequest request, ReportHiddenDanger handler, HiddenDangerQueries queries, AccessScope scope, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(scope, id, request, ct);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/v1/safety/hidden-dangers/{outcome.Value}", (await queries.GetAsync(scope, outcome.Value, ct)).Value)
            : outcome.ToHttp(x => x);
    }

    private static async Task<IResult> Fill(int dangerId, FiveImplementationsRequest request, FillFiveImplementations handler, HiddenDangerQueries queries, AccessScope scope, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(scope, dangerId, request, ct);
        return outcome.Succeeded ? TypedResults.Ok((await queries.GetAsync(scope, dangerId, ct)).Value) : outcome.ToHttp(x => x);
    }

    private static async Task<IResult> Accept(int dangerId, AcceptHiddenDangerRequest request, AcceptHiddenDanger handler, HiddenDangerQueries queries, AccessScope scope, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(scope, dangerId, request, ct);
        return outcome.Succeeded ? TypedResults.Ok((await queries.GetAsync(scope, dangerId, ct)).Value) : outcome.ToHttp(x => x);
    }
}
