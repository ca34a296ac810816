using CivicGrid.Accounts;
using CivicGrid.Cases.Catalog;
using CivicGrid.Platform;
using CivicGrid.Web.Platform;

namespace CivicGrid.Web.Cases;

public static class CategoryApi
{
    public static void MapCategoryApi(this RouteGroupBuilder api)
    {
        var categories = api.MapGroup("/categories").RequireAuthorization().WithTags("问题分类");
        categories.MapGet("/", List).WithSummary("问题分类目录（部件/事件）");
        categories.MapGet("/{code}", Get).WithSummary("分类详情（立案条件、结案条件、时限、默认责任单位、关键词）");
        categories.MapPost("/", Create).WithSummary("新增分类（系统管理员）");
        categories.MapPut("/{code}", Update).WithSummary("修改分类（系统管理员）");
        categories.MapPost("/{code}/disable", Disable).WithSummary("停用分类及其下级（系统管理员）");
        categories.MapPost("/{code}/enable", Enable).WithSummary("启用分类（系统管理员）");
        categories.MapGet("/export.xlsx", Export).WithSummary("导出分类目录为 Excel");
        categories.MapPost("/import", Import).DisableAntiforgery().WithSummary("从 Excel 导入分类目录（按编码新增或更新，有错则全部不导入）");
    }

    private static async Task<IResult> List(bool? includeDisabled, CategoryQueries queries, AccessScope scope, CancellationToken ct) =>
        TypedResults.Ok(await queries.ListAsync(includeDisabled == true && scope.IsAdmin, ct));

    private static async Task<IResult> Get(string code, CategoryQueries queries, CancellationToken ct) =>
        await queries.GetAsync(code, ct) is { } detail ? TypedResults.Ok(detail) : Problems.NotFound($"分类“{code}”不存在。");

    private static async Task<IResult> Create(SaveCategoryRequest request, SaveCategory handler, CategoryQueries queries, AccessScope scope, CancellationToken ct) =>
        await Respond(await handler.HandleAsync(scope, null, request, ct), queries, ct);

    private static async Task<IResult> Update(string code, SaveCategoryRequest request, SaveCategory handler, CategoryQueries queries, AccessScope scope, CancellationToken ct) =>
        await Respond(await handler.HandleAsync(scope, code, request, ct), queries, ct);

    private static async Task<IResult> Respond(Outcome<CaseCategory> outcome, CategoryQueries queries, CancellationToken ct)
    {
        if (!outcome.Succeeded)
        {
            return outcome.ToHttp(c => c.Code);
        }

        var detail = (await queries.GetAsync(outcome.Value!.Code, ct))!;
        return outcome.Status == OutcomeStatus.Created
            ? TypedResults.Created($"/api/v1/categories/{detail.Code}", detail)
            : TypedResults.Ok(detail);
    }

    private static async Task<IResult> Disable(string code, SetCategoryActive handler, AccessScope scope, CancellationToken ct) =>
        (await handler.HandleAsync(scope, code, false, ct)).ToHttp(n => new { code, isActive = false, changed = n });

    private static async Task<IResult> Enable(string code, SetCategoryActive handler, AccessScope scope, CancellationToken ct) =>
        (await handler.HandleAsync(scope, code, true, ct)).ToHttp(n => new { code, isActive = true, changed = n });

    private static async Task<IResult> Export(CategoryQueries queries, AccessScope scope, CancellationToken ct)
    {
        var all = await queries.AllAsync(scope.IsAdmin, ct);
        return TypedResults.File(ExcelSheet.Write(all.Select(CategorySheet.ToRow)), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "问题分类目录.xlsx");
    }

    private static async Task<IResult> Import(IFormFile? file, ImportCategories handler, AccessScope scope, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            return Problems.BadRequest("请以 multipart/form-data 上传 Excel 文件（字段名 file）。");
        }

        await using var stream = file.OpenReadStream();
        return (await handler.HandleAsync(scope, stream, ct)).ToHttp(r => r);
    }
}
