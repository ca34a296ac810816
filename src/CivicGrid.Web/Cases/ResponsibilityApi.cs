using CivicGrid.Accounts;
using CivicGrid.Cases.Catalog;
using CivicGrid.Cases.Responsibility;
using CivicGrid.Platform;
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
        rules.MapGet("/changes", Changes).WithSummary("责任规则变更记录（谁在何时新增、修改、删除了哪条规则，新的在前）");
        rules.MapGet("/changes/export", ExportChanges).WithSummary("导出责任规则变更记录为 Excel（筛选条件同变更记录）");
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

    private static async Task<IResult> Changes(int? ruleId, string? categoryCode, string? regionCode, string? from, string? to, int? page, int? pageSize,
        ResponsibilityRuleChangeQueries queries, AccessScope scope, CancellationToken ct)
    {
        var filter = RuleChangeFilter.Parse(ruleId, categoryCode, regionCode, from, to, page, pageSize);
        return filter.Succeeded ? TypedResults.Ok(await queries.ListAsync(scope, filter.Value!, ct)) : filter.ToHttp(f => f);
    }

    private static async Task<IResult> ExportChanges(int? ruleId, string? categoryCode, string? regionCode, string? from, string? to,
        ResponsibilityRuleChangeQueries queries, AccessScope scope, CancellationToken ct)
    {
        var filter = RuleChangeFilter.Parse(ruleId, categoryCode, regionCode, from, to, null, null);
        if (!filter.Succeeded)
        {
            return filter.ToHttp(f => f);
        }

        var rows = (await queries.AllAsync(scope, filter.Value!, ct)).Select(RuleChangeSheet.Row);
        return TypedResults.File(ExcelSheet.Write(rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "责任规则变更记录.xlsx");
    }

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
