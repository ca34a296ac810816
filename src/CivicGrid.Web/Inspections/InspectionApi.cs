using CivicGrid.Accounts;
using CivicGrid.Inspections;
using CivicGrid.Platform;
using CivicGrid.Web.Platform;

namespace CivicGrid.Web.Inspections;

public static class InspectionApi
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string Immutable = "督查记录提交后不可修改；如需更正，请提交一条新记录并在 correctsId 中引用原记录。";

    public static void MapInspectionApi(this RouteGroupBuilder api)
    {
        var plans = api.MapGroup("/inspection-plans").RequireAuthorization().WithTags("督查巡查");
        plans.MapGet("/", ListPlans).WithSummary("督查计划列表");
        plans.MapPost("/", CreatePlan).WithSummary("制定督查计划（范围、频次、督查人员；督查员、系统管理员）");
        plans.MapPost("/{id:int}/generate", Generate).WithSummary("按工作日历为计划生成一段日期内的任务（已有的不重复生成）");

        var tasks = api.MapGroup("/inspection-tasks").RequireAuthorization().WithTags("督查巡查");
        tasks.MapGet("/", ListTasks).WithSummary("督查任务（mine=true 仅我的；date 某日；overdue=true 仅超期；planId 某计划）");
        tasks.MapGet("/{id:long}", Checklist).WithSummary("任务及其点位检查清单");

        var inspections = api.MapGroup("/inspections").RequireAuthorization().WithTags("督查巡查");
        inspections.MapPost("/", Submit).WithSummary("提交督查记录（submissionKey 防重复；不达标项须附照片，每项生成一件问题案卷）");
        inspections.MapGet("/results", Results).WithSummary("督查结果统计（groupBy=point|category|region|unit，from、to 为日期）");
        inspections.MapGet("/results.xlsx", Export).WithSummary("导出督查结果为 Excel");
        inspections.MapGet("/{id:long}", Get).WithSummary("督查记录详情（得分率、不达标项、生成的案卷、复查结果）");
        inspections.MapPut("/{id:long}", Edit).WithSummary("不支持：督查记录不可修改（409）");
        inspections.MapPatch("/{id:long}", Edit).WithSummary("不支持：督查记录不可修改（409）");
        inspections.MapDelete("/{id:long}", Edit).WithSummary("不支持：督查记录不可删除（409）");
    }

    private static async Task<IResult> ListPlans(InspectionQueries queries, AccessScope scope, CancellationToken ct) =>
        TypedResults.Ok(await queries.PlansAsync(scope, ct));

    private static async Task<IResult> CreatePlan(SavePlanRequest request, SavePlan handler, AccessScope scope, CancellationToken ct) =>
        (await handler.HandleAsync(scope, request, ct)).ToHttp(p => p, p => $"/api/v1/inspection-plans/{p.Id}");

    private static async Task<IResult> Generate(int id, DateOnly from, DateOnly to, GenerateTasks generate, AccessScope scope, CancellationToken ct)
    {
        if (!InspectionAccess.CanPlan(scope))
        {
            return Problems.Forbidden("只有督查员和系统管理员可以生成督查任务。");
        }

        if (to < from || to.DayNumber - from.DayNumber > 92)
        {
            return Problems.BadRequest("日期范围无效：to 不能早于 from，且一次最多 93 天。");
        }

        return TypedResults.Ok(await generate.RunAsync(from, to, id, ct));
    }

    private static async Task<IResult> ListTasks(DateOnly? date, bool? mine, bool? overdue, int? planId, InspectionQueries queries, AccessScope scope,
        CancellationToken ct) => TypedResults.Ok(await queries.TasksAsync(scope, date, mine ?? false, overdue ?? false, planId, ct));

    private static async Task<IResult> Checklist(long id, InspectionQueries queries, AccessScope scope, CancellationToken ct) =>
        await queries.ChecklistAsync(scope, id, ct) is { } checklist ? TypedResults.Ok(checklist) : Problems.NotFound($"督查任务 {id} 不存在或您无权查看。");

    private static async Task<IResult> Submit(SubmitInspectionRequest request, SubmitInspection handler, InspectionQueries queries, AccessScope scope, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(scope, request, ct);
        if (!outcome.Succeeded)
        {
            return outcome.ToHttp(r => r);
        }

        var view = await queries.GetAsync(scope, outcome.Value!.Id, ct);
        return outcome.Value.IsNew ? TypedResults.Created($"/api/v1/inspections/{outcome.Value.Id}", view) : TypedResults.Ok(view);
    }

    private static async Task<IResult> Get(long id, InspectionQueries queries, AccessScope scope, CancellationToken ct) =>
        await queries.GetAsync(scope, id, ct) is { } view ? TypedResults.Ok(view) : Problems.NotFound($"督查记录 {id} 不存在或您无权查看。");

    /// <summary>Submitted records are immutable: those who may see one learn why (409), others get 403.</summary>
    private static async Task<IResult> Edit(long id, InspectionQueries queries, AccessScope scope, CancellationToken ct) =>
        await queries.GetAsync(scope, id, ct) is null ? Problems.Forbidden("您无权修改该督查记录。") : Problems.Conflict(Immutable);

    private static async Task<IResult> Results(string? groupBy, DateOnly? from, DateOnly? to, InspectionResults results, AccessScope scope, CancellationToken ct) =>
        (await results.HandleAsync(scope, groupBy, from, to, ct)).ToHttp(r => r);

    private static async Task<IResult> Export(string? groupBy, DateOnly? from, DateOnly? to, InspectionResults results, AccessScope scope, CancellationToken ct)
    {
        var rows = await results.HandleAsync(scope, groupBy, from, to, ct);
        return rows.Succeeded ? TypedResults.File(ExcelSheet.Write(rows.Value!.Select(InspectionResults.ToSheetRow)), Xlsx, "督查结果.xlsx") : rows.ToHttp(r => r);
    }
}
