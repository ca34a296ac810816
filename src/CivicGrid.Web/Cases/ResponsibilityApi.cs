using CivicGrid.Accounts;
using CivicGrid.Cases.Catalog;
using CivicGrid.Cases.Responsibility;
using CivicGrid.Web.Platform;

namespace CivicGrid.Web.Cases;

public static class ResponsibilityApi
{
    public static void MapResponsibilityApi(this RouteGroupBuilder api)
    {
        var rules = api.MapGroup("/responsibility-rules").RequireAuthorization().WithTags("责任规则");
        rules.MapGet("/", List).WithSummary("责任规则列表（本辖区及覆盖本辖区的规则）");
        rules.MapPost("/", Create).WithSummary("新增责任规则（分类 × 区域 → 牵头单位、协办单位）");
        rules.MapPut("/{id:int}", Update).WithSummary("修改责任规则（分类、区域、牵头单位、协办单位、备注）");
        rules.MapDelete("/{id:int}", Delete).WithSummary("删除责任规则");
        api.MapGet("/responsibility/resolve", Resolve).RequireAuthorization().WithTags("责任规则")
            .WithSummary("预览：某分类在某区域由谁来办（最具体的规则优先，否则分类默认单位）");
    }

    private static async Task<IResult> List(string? categoryCode, string? regionCode, int? unitId, int? page, int? pageSize,
        ResponsibilityRuleQueries queries, AccessScope scope, CancellationToken ct) =>
        TypedResults.Ok(await queries.ListAsync(scope, new RuleFilter(categoryCode, regionCode, unitId, page, pageSize), ct));

    private static async Task<IResult> Create(CreateResponsibilityRuleRequest request, CreateResponsibilityRule handler, AccessScope scope, CancellationToken ct) =>
        (await handler.HandleAsync(scope, request, ct)).ToHttp(RuleBody.From, r => $"/api/v1/responsibility-rules/{r.Id}");

    private static async Task<IResult> Update(int id, CreateResponsibilityRuleRequest request, UpdateResponsibilityRule handler, AccessScope scope, CancellationToken ct) =>
        (await handler.HandleAsync(scope, id, request, ct)).ToHttp(RuleBody.From);

    private static async Task<IResult> Delete(int id, DeleteResponsibilityRule handler, AccessScope scope, CancellationToken ct) =>
        (await handler.HandleAsync(scope, id, ct)).ToHttp(_ => new { id, deleted = true });

    private static async Task<IResult> Resolve(string? categoryCode, string? regionCode, ResponsibilityResolver resolver, AccessScope scope, CancellationToken ct)
    {
        if (CategoryCodes.Check(CategoryCodes.Normalize(categoryCode)) is { } problem)
        {
            return Problems.BadRequest(problem);
        }

        if (string.IsNullOrWhiteSpace(regionCode) || !ResponsibilityRuleQueries.CanPreview(scope, regionCode.Trim()))
        {
            return Problems.BadRequest("请提供您辖区内的区域编码（regionCode，6、9、12 或 15 位）。");
        }

        var match = await resolver.ResolveAsync(categoryCode!, regionCode, ct);
        return match is null
            ? Problems.NotFound($"分类“{categoryCode}”在区域“{regionCode}”没有可用的责任单位（分类不存在、已停用或未配置默认单位）。")
            : TypedResults.Ok(new
            {
                categoryCode = CategoryCodes.Normalize(categoryCode),
                regionCode = regionCode.Trim(),
                lead = match.Lead,
                coUnits = match.CoUnits,
                basis = match.BasisName,
                ruleId = match.RuleId,
            });
    }
}

/// <summary>A rule as created or changed (the list shows names too, see <see cref="RuleView"/>).</summary>
internal sealed record RuleBody(int Id, string CategoryCode, string RegionCode, int UnitId, IReadOnlyList<int> CoUnitIds, string? Note,
    string CreatedBy, DateTimeOffset CreatedAt)
{
    public static RuleBody From(ResponsibilityRule r) => new(r.Id, r.CategoryCode, r.RegionCode, r.UnitId, r.CoUnitIds, r.Note, r.CreatedBy, r.CreatedAt);
}
