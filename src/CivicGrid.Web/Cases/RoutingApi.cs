using CivicGrid.Accounts;
using CivicGrid.Cases;
using CivicGrid.Cases.Catalog;
using CivicGrid.Cases.Routing;
using CivicGrid.Web.Platform;

namespace CivicGrid.Web.Cases;

/// <summary>Smart routing: the category model (status, retraining) and duplicate suggestions.</summary>
public static class RoutingApi
{
    public static void MapRoutingEndpoints(this RouteGroupBuilder api)
    {
        var routing = api.MapGroup("/routing").RequireAuthorization().WithTags("智能分拨");
        routing.MapGet("/model", Model).WithSummary("分类模型状态（训练中、就绪、样本数）");
        routing.MapPost("/retrain", Retrain).WithSummary("重新训练分类模型（后台进行，仅管理员和派遣员）");

        var cases = api.MapGroup("/cases").RequireAuthorization().WithTags("问题案卷");
        cases.MapGet("/{id}/duplicates", Duplicates).WithSummary("疑似重复案卷：200 米内、7 天内、同分类的未结案卷，按描述相似度排序");
        cases.MapGet("/nearby-open", NearbyOpen).WithSummary("上报前查重：某点附近的同类未结案卷");
    }

    private static IResult Model(CategoryModelService models) => TypedResults.Ok(models.Status());

    private static IResult Retrain(CategoryModelService models, AccessScope scope)
    {
        if (!scope.HasAny(AppRole.Admin, AppRole.Dispatcher))
        {
            return Problems.Forbidden("只有管理员和派遣员可以重新训练分类模型。");
        }

        models.StartRetrain(out _);
        return TypedResults.Accepted("/api/v1/routing/model", models.Status());
    }

    private static async Task<IResult> Duplicates(string id, DuplicateFinder finder, AccessScope scope, CancellationToken ct) =>
        CaseNumbers.ParseId(id) is { } caseId && await finder.ForCaseAsync(scope, caseId, ct) is { } list
            ? TypedResults.Ok(list)
            : Problems.NotFound($"案卷 {id} 不存在或您无权查看。");

    private static async Task<IResult> NearbyOpen(double? lon, double? lat, string? categoryCode, string? text, DuplicateFinder finder,
        AccessScope scope, CancellationToken ct)
    {
        if (lon is not { } x || lat is not { } y || !double.IsFinite(x) || !double.IsFinite(y) || x is < -180 or > 180 || y is < -90 or > 90)
        {
            return Problems.BadRequest("请提供有效的经纬度（lon、lat）。");
        }

        var code = string.IsNullOrWhiteSpace(categoryCode) ? null : CategoryCodes.Normalize(categoryCode);
        return TypedResults.Ok(await finder.NearbyAsync(scope, x, y, code, text, null, ct));
    }
}
