using CivicGrid.Accounts;
using CivicGrid.Organization;
using CivicGrid.Web.Platform;

namespace CivicGrid.Web.Organization;

public static class PersonApi
{
    public static void MapPersonApi(this RouteGroupBuilder api)
    {
        var people = api.MapGroup("/people").RequireAuthorization().WithTags("组织机构");
        people.MapGet("/", List).WithSummary("人员列表（手机号、身份证号脱敏）");
        people.MapGet("/{id:int}", Get).WithSummary("人员详情（脱敏）");
        people.MapPost("/", Create).WithSummary("新增人员");
        people.MapPut("/{id:int}", Update).WithSummary("修改人员（手机号留空则不变）");
        people.MapPost("/import", Import).DisableAntiforgery().WithSummary("从 Excel 导入人员（姓名, 单位编码, 职务, 手机号, 身份证号）");
    }

    private static async Task<IResult> List(string? q, int? unitId, int? page, int? pageSize, PersonQueries queries, AccessScope scope, CancellationToken ct) =>
        TypedResults.Ok(await queries.ListAsync(scope, new PersonFilter(q, unitId, false, page, pageSize), ct));

    private static async Task<IResult> Get(int id, PersonQueries queries, AccessScope scope, CancellationToken ct) =>
        await queries.GetAsync(scope, id, ct) is { } person
            ? TypedResults.Ok(person)
            : Problems.NotFound($"人员 {id} 不存在或不在您的管辖范围内。");

    private static async Task<IResult> Create(SavePersonRequest request, SavePerson handler, AccessScope scope, CancellationToken ct) =>
        (await handler.HandleAsync(scope, request with { Id = null }, ct)).ToHttp(p => new { p.Id, p.Name }, p => $"/api/v1/people/{p.Id}");

    private static async Task<IResult> Update(int id, SavePersonRequest request, SavePerson handler, AccessScope scope, CancellationToken ct) =>
        (await handler.HandleAsync(scope, request with { Id = id }, ct)).ToHttp(p => new { p.Id, p.Name });

    private static async Task<IResult> Import(IFormFile? file, ImportPeople handler, AccessScope scope, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            return Problems.BadRequest("请以 multipart/form-data 上传 Excel 文件（字段名 file）。");
        }

        await using var stream = file.OpenReadStream();
        return (await handler.HandleAsync(scope, stream, ct)).ToHttp(r => r);
    }
}
