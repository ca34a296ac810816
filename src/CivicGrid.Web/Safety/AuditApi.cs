using CivicGrid.Accounts;
using CivicGrid.Platform;
using CivicGrid.Safety.Audits;
using CivicGrid.Web.Platform;

namespace CivicGrid.Web.Safety;

/// <summary>NOSA-style audits (安全审核): templates, create a draft, submit the scores, read, export the result.</summary>
public static class AuditApi
{
    public static void MapAuditApi(this RouteGroupBuilder safety)
    {
        safety.MapGet("/audit-templates", Templates).WithSummary("审核模板（部分、要素及权重）");
        safety.MapGet("/enterprises/{id:int}/audits", List).WithSummary("企业的安全审核列表");
        safety.MapPost("/enterprises/{id:int}/audits", Create).WithSummary("新建安全审核（默认 NOSA 五大部分模板）");
        safety.MapGet("/audits", ListAll).WithSummary("安全审核列表（enterpriseId 必填）");
        safety.MapPost("/audits", CreateByBody).WithSummary("新建安全审核（正文含 enterpriseId）");
        safety.MapGet("/audits/{auditId:int}", Get).WithSummary("审核详情：要素得分、部分与总得分率、星级");
        safety.MapPost("/audits/{auditId:int}/submission", Submit).WithSummary("提交评分：每个要素的得分或不适用，以及伤害率；不合格要素转为隐患");
        safety.MapGet("/audits/{auditId:int}/export.xlsx", Export).WithSummary("导出审核结果为 Excel");
    }

    public sealed record CreateAuditBody(int? EnterpriseId, string? Title, DateOnly? AuditDate, string? Auditors, int? TemplateId = null);

    private static async Task<IResult> Templates(AuditQueries queries, AccessScope scope, CancellationToken ct) =>
        (await queries.TemplatesAsync(scope, ct)).ToHttp(x => x);

    private static async Task<IResult> List(int id, int? page, int? pageSize, AuditQueries queries, AccessScope scope, CancellationToken ct) =>
        (await queries.ListAsync(scope, id, page, pageSize, ct)).ToHttp(x => x);

    private static async Task<IResult> ListAll(int? enterpriseId, int? page, int? pageSize, AuditQueries queries, AccessScope scope, CancellationToken ct) =>
        enterpriseId is { } id ? await List(id, page, pageSize, queries, scope, ct) : Problems.BadRequest("请指定企业 enterpriseId。");

    private static async Task<IResult> Create(int id, CreateAuditRequest request, CreateAudit handler, AuditQueries queries, AccessScope scope, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(scope, id, request, ct);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/v1/safety/audits/{outcome.Value}", (await queries.GetAsync(scope, outcome.Value, ct)).Value)
            : outcome.ToHttp(x => x);
    }

    private static Task<IResult> CreateByBody(CreateAuditBody body, CreateAudit handler, AuditQueries queries, AccessScope scope, CancellationToken ct) =>
        body.EnterpriseId is { } id
            ? Create(id, new CreateAuditRequest(body.Title, body.AuditDate, body.Auditors, body.TemplateId), handler, queries, scope, ct)
            : Task.FromResult<IResult>(Problems.BadRequest("请指定企业 enterpriseId。"));

    private static async Task<IResult> Get(int auditId, AuditQueries queries, AccessScope scope, CancellationToken ct) =>
        (await queries.GetAsync(scope, auditId, ct)).ToHttp(x => x);

    private static async Task<IResult> Submit(int auditId, SubmitAuditRequest request, SubmitAudit handler, AuditQueries queries, AccessScope scope, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(scope, auditId, request, ct);
        return outcome.Succeeded ? TypedResults.Ok((await queries.GetAsync(scope, auditId, ct)).Value) : outcome.ToHttp(x => x);
    }

    private static async Task<IResult> Export(int auditId, AuditQueries queries, AccessScope scope, CancellationToken ct)
    {
        var outcome = await queries.ExportAsync(scope, auditId, ct);
        return outcome.Status == OutcomeStatus.Ok
            ? TypedResults.File(outcome.Value!, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"安全审核{auditId}.xlsx")
            : outcome.ToHttp(x => x);
    }
}
