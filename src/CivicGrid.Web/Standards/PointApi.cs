using CivicGrid.Accounts;
using CivicGrid.Platform;
using CivicGrid.Standards;
using CivicGrid.Web.Platform;

namespace CivicGrid.Web.Standards;

public static class PointApi
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapPointApi(this RouteGroupBuilder api)
    {
        var points = api.MapGroup("/points").RequireAuthorization().WithTags("点位");
        points.MapGet("/", List).WithSummary("点位列表（调用者管辖范围内；categoryCode、regionCode 筛选，分页）");
        points.MapGet("/export.xlsx", Export).WithSummary("导出点位为 Excel（管辖范围内）");
        points.MapPost("/import", Import).DisableAntiforgery().WithSummary("从 Excel 导入点位（按编码新增或更新，有错则全部不导入）");
        points.MapGet("/qr.zip", QrZip).WithSummary("一类点位亮牌二维码 PNG 打包下载");
        points.MapGet("/{code}", Get).WithSummary("点位详情（联系电话仅对管理、派遣、督查人员完整显示）");
        points.MapPost("/", Create).WithSummary("新增点位（系统管理员、镇街/村居管理员，限本辖区）");
        points.MapPut("/{code}", Update).WithSummary("修改点位（编码不可改；Version 防止覆盖他人修改）");
        points.MapGet("/{code}/qr.png", QrPng).WithSummary("点位亮牌二维码（PNG，内容为亮牌页面的完整地址）");
        api.MapGet("/point-categories", Categories).RequireAuthorization().WithTags("点位").WithSummary("点位类别及各类点位数、标准数");
    }

    private static async Task<IResult> List(string? categoryCode, string? regionCode, string? q, string? status, int? page, int? pageSize,
        PointQueries queries, AccessScope scope, CancellationToken ct) =>
        (await queries.ListAsync(scope, new PointFilter(categoryCode, regionCode, q, status, page, pageSize), ct)).ToHttp(p => p);

    private static async Task<IResult> Get(string code, PointQueries queries, AccessScope scope, CancellationToken ct) =>
        await queries.GetAsync(scope, code, ct) is { } detail ? TypedResults.Ok(detail) : Problems.NotFound($"点位 {code} 不存在或您无权查看。");

    private static async Task<IResult> Create(SavePointRequest request, SavePoint handler, PointQueries queries, AccessScope scope, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(scope, null, request, ct);
        if (!outcome.Succeeded)
        {
            return outcome.ToHttp(p => p.Code);
        }

        var detail = await queries.GetAsync(scope, outcome.Value!.Code, ct);
        return TypedResults.Created($"/api/v1/points/{Uri.EscapeDataString(outcome.Value.Code)}", detail);
    }

    private static async Task<IResult> Update(string code, SavePointRequest request, SavePoint handler, PointQueries queries, AccessScope scope, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(scope, code, request, ct);
        return outcome.Succeeded ? TypedResults.Ok(await queries.GetAsync(scope, outcome.Value!.Code, ct)) : outcome.ToHttp(p => p.Code);
    }

    private static async Task<IResult> Categories(PointQueries queries, AccessScope scope, CancellationToken ct) =>
        TypedResults.Ok(await queries.CategoriesAsync(scope, ct));

    private static async Task<IResult> Export(string? categoryCode, string? regionCode, string? status, PointQueries queries, AccessScope scope, CancellationToken ct)
    {
        var rows = await queries.ExportAsync(scope, new PointFilter(categoryCode, regionCode, Status: status), ct);
        return rows.Succeeded
            ? TypedResults.File(ExcelSheet.Write(rows.Value!.Select(PointSheet.ToRow)), Xlsx, "点位.xlsx")
            : rows.ToHttp(r => r);
    }

    private static async Task<IResult> Import(IFormFile? file, ImportPoints handler, AccessScope scope, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            return Problems.BadRequest("请以 multipart/form-data 上传 Excel 文件（字段名 file）。");
        }

        await using var stream = file.OpenReadStream();
        return (await handler.HandleAsync(scope, stream, ct)).ToHttp(r => r);
    }

    private static async Task<IResult> QrPng(string code, int? size, PointQueries queries, SignQrCodes qr, AccessScope scope, HttpRequest request, CancellationToken ct) =>
        await queries.GetAsync(scope, code, ct) is { } point
            ? TypedResults.File(SignQrCodes.Png(qr.SignUrl(request, point.Code), size ?? SignQrCodes.DefaultPixelsPerModule), "image/png", point.Code + ".png")
            : Problems.NotFound($"点位 {code} 不存在或您无权查看。");

    private static async Task<IResult> QrZip(string? categoryCode, string? regionCode, int? size, PointQueries queries, SignQrCodes qr, AccessScope scope,
        HttpRequest request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(categoryCode))
        {
            return Problems.BadRequest("请指定点位类别（categoryCode）。");
        }

        var rows = await queries.ExportAsync(scope, new PointFilter(categoryCode, regionCode), ct);
        return rows.Succeeded
            ? TypedResults.File(qr.Zip(request, rows.Value!.Select(r => (r.Code, r.Name)), size ?? SignQrCodes.DefaultPixelsPerModule),
                "application/zip", $"亮牌二维码-{categoryCode}.zip")
            : rows.ToHttp(r => r);
    }
}
