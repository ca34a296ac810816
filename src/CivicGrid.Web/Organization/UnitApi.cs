using CivicGrid.Accounts;
using CivicGrid.Organization;
using CivicGrid.Platform;
using CivicGrid.Web.Platform;

namespace CivicGrid.Web.Organization;

public static class UnitApi
{
    public static void MapUnitApi(this RouteGroupBuilder api)
    {
        var units = api.MapGroup("/units").RequireAuthorization().WithTags("组织机构");
        units.MapGet("/", List).WithSummary("单位列表（本辖区）");
        units.MapGet("/{id:int}", Get).WithSummary("单位详情");
        units.MapPost("/", Create).WithSummary("新增单位");
        units.MapPut("/{id:int}", Update).WithSummary("修改单位");
        units.MapPost("/import", Import).DisableAntiforgery().WithSummary("从 Excel 导入单位（编码, 名称, 类型, 所属区域编码, 电话, 地址）");
        units.MapGet("/export.xlsx", Export).WithSummary("导出单位为 Excel");
    }

    private static async Task<IResult> List(string? q, string? kind, string? regionCode, int? page, int? pageSize,
        UnitQueries queries, AccessScope scope, CancellationToken ct)
    {
        UnitKind? parsedKind = null;
        if (!string.IsNullOrWhiteSpace(kind) && (parsedKind = UnitKinds.Parse(kind)) is null)
        {
            return Problems.BadRequest($"单位类型“{kind}”无效。");
        }

        return TypedResults.Ok(await queries.ListAsync(scope, new UnitFilter(q, parsedKind, regionCode, false, page, pageSize), ct));
    }

    private static async Task<IResult> Get(int id, UnitQueries queries, AccessScope scope, CancellationToken ct) =>
        await queries.GetAsync(scope, id, ct) is { } unit
            ? TypedResults.Ok(unit)
            : Problems.NotFound($"单位 {id} 不存在或不在您的管辖范围内。");

    private static async Task<IResult> Create(SaveUnitRequest request, SaveUnit handler, AccessScope scope, CancellationToken ct) =>
        (await handler.HandleAsync(scope, request with { Id = null }, ct)).ToHttp(u => new { u.Id, u.Code, u.Name, u.Version }, u => $"/api/v1/units/{u.Id}");

    private static async Task<IResult> Update(int id, SaveUnitRequest request, SaveUnit handler, AccessScope scope, CancellationToken ct) =>
        (await handler.HandleAsync(scope, request with { Id = id }, ct)).ToHttp(u => new { u.Id, u.Code, u.Name, u.Version });

    private static async Task<IResult> Import(IFormFile? file, ImportUnits handler, AccessScope scope, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            return Problems.BadRequest("请以 multipart/form-data 上传 Excel 文件（字段名 file）。");
        }

        await using var stream = file.OpenReadStream();
        return (await handler.HandleAsync(scope, stream, ct)).ToHttp(r => r);
    }

    private static async Task<IResult> Export(string? q, UnitQueries queries, AccessScope scope, CancellationToken ct)
    {
        var page = await queries.ListAsync(scope, new UnitFilter(q, PageSize: Paging.MaxPageSize), ct);
        var rows = new List<IDictionary<string, object?>>();
        for (var p = 1; ; p++)
        {
            var current = p == 1 ? page : await queries.ListAsync(scope, new UnitFilter(q, Page: p, PageSize: Paging.MaxPageSize), ct);
            rows.AddRange(current.Items.Select(u => (IDictionary<string, object?>)new Dictionary<string, object?>
            {
                ["编码"] = u.Code,
                ["名称"] = u.Name,
                ["类型"] = u.KindName,
                ["所属区域编码"] = u.RegionCode,
                ["所属区域"] = u.RegionName,
                ["电话"] = u.Phone,
                ["地址"] = u.Address,
                ["人数"] = u.PeopleCount,
            }));
            if (p * current.PageSize >= current.Total)
            {
                break;
            }
        }

        return TypedResults.File(ExcelSheet.Write(rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "单位名录.xlsx");
    }
}
