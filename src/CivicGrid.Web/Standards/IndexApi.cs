using CivicGrid.Accounts;
using CivicGrid.Platform;
using CivicGrid.Standards;
using CivicGrid.Web.Platform;

namespace CivicGrid.Web.Standards;

public static class IndexApi
{
    public static void MapIndexApi(this RouteGroupBuilder api)
    {
        var standards = api.MapGroup("/standards").RequireAuthorization().WithTags("测评体系");
        standards.MapGet("/", Tree).WithSummary("测评体系：测评项目 → 测评内容 → 测评标准（可按点位类别筛选）");
        standards.MapGet("/export.xlsx", Export).WithSummary("导出测评体系为 Excel（每行一条测评标准）");
        standards.MapPost("/import", Import).DisableAntiforgery().WithSummary("从 Excel 导入测评体系（按标准编码新增或更新，有错则全部不导入；系统管理员）");
    }

    private static async Task<IResult> Tree(string? pointCategoryCode, bool? includeInactive, IndexQueries queries, AccessScope scope, CancellationToken ct) =>
        TypedResults.Ok(await queries.TreeAsync(pointCategoryCode, includeInactive == true && scope.IsAdmin, ct));

    private static async Task<IResult> Export(IndexQueries queries, CancellationToken ct) =>
        TypedResults.File(ExcelSheet.Write((await queries.FlatAsync(true, ct)).Select(IndexSheet.ToRow)),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "测评体系.xlsx");

    private static async Task<IResult> Import(IFormFile? file, ImportIndex handler, AccessScope scope, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            return Problems.BadRequest("请以 multipart/form-data 上传 Excel 文件（字段名 file）。");
        }

        await using var stream = file.OpenReadStream();
        return (await handler.HandleAsync(scope, stream, ct)).ToHttp(r => r);
    }
}
