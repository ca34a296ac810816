using CivicGrid.Accounts;
using CivicGrid.Cases;
using CivicGrid.Cases.Intake;
using CivicGrid.Cases.Routing;
using CivicGrid.Platform;
using CivicGrid.Web.Platform;

namespace CivicGrid.Web.Cases;

public static class CaseApi
{
    public static void MapCaseApi(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases").RequireAuthorization().WithTags("问题案卷");
        cases.MapPost("/", Report).WithSummary("上报问题（定位、分类、按责任规则派遣）");
        cases.MapGet("/", List).WithSummary("案卷列表（调用者可见范围）");
        cases.MapGet("/suggest-category", Suggest).WithSummary("按描述推荐问题分类（前 3 个及置信度）");
        cases.MapGet("/{id}", Get).WithSummary("案卷详情（按 id 或案卷号）");
        cases.MapPost("/{id}/transitions", Transition).WithSummary("办理操作：立案、派遣、签收、处置、核查、结案、评价…");
        cases.MapGet("/{id}/history/verification", VerifyHistory).WithSummary("校验案卷历史哈希链是否被篡改");
    }

    private static async Task<IResult> Report(ReportCaseRequest request, ReportCase handler, CaseQueries queries, AccessScope scope, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(scope, request, ct);
        if (!outcome.Succeeded)
        {
            return outcome.ToHttp(r => r);
        }

        var view = outcome.Value!.View ?? await queries.GetAsync(scope, outcome.Value.Id, ct);
        return outcome.Value.IsNew ? TypedResults.Created($"/api/v1/cases/{outcome.Value.Id}", view) : TypedResults.Ok(view);
    }

    private static async Task<IResult> List(string? status, string? regionCode, string? categoryCode, string? q, int? page, int? pageSize,
        CaseQueries queries, AccessScope scope, CancellationToken ct) =>
        (await queries.ListAsync(scope, new CaseFilter(status, regionCode, categoryCode, q, page, pageSize), ct)).ToHttp(p => p);

    private static async Task<IResult> Suggest(string? text, ICategorySuggester suggester, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(text)
            ? Problems.BadRequest("请提供问题描述（text）。")
            : TypedResults.Ok(await suggester.SuggestAsync(text.Trim()[..Math.Min(text.Trim().Length, 2000)], 3, ct));

    private static async Task<IResult> Get(string id, CaseQueries queries, AccessScope scope, CancellationToken ct) =>
        CaseNumbers.ParseId(id) is { } caseId && await queries.GetAsync(scope, caseId, ct) is { } view
            ? TypedResults.Ok(view)
            : Problems.NotFound($"案卷 {id} 不存在或您无权查看。");

    private static async Task<IResult> Transition(string id, TransitionRequest request, TransitionCase handler, CaseQueries queries,
        AccessScope scope, CancellationToken ct)
    {
        if (CaseNumbers.ParseId(id) is not { } caseId)
        {
            return Problems.NotFound($"案卷 {id} 不存在。");
        }

        var outcome = await handler.HandleAsync(scope, caseId, request, ct);
        return outcome.Succeeded ? TypedResults.Ok(await queries.GetAsync(scope, caseId, ct)) : outcome.ToHttp(x => x);
    }

    private static async Task<IResult> VerifyHistory(string id, CaseQueries queries, AccessScope scope, CancellationToken ct) =>
        CaseNumbers.ParseId(id) is { } caseId && await queries.VerifyChainAsync(scope, caseId, ct) is { } verdict
            ? TypedResults.Ok(verdict)
            : Problems.NotFound($"案卷 {id} 不存在或您无权查看。");
}
