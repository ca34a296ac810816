using CivicGrid.Accounts;
using CivicGrid.Grid;
using CivicGrid.Web.Platform;
using Microsoft.AspNetCore.Mvc;

namespace CivicGrid.Web.Grid;

public sealed record GridIssueDto(string Code, string Message);

public sealed record GridImportResponse(int Imported, int Deleted, bool DryRun, IReadOnlyList<GridIssueDto> Warnings);

public static class RegionImportApi
{
    /// <summary>A 30,000-cell district is about 20 MB of GeoJSON.</summary>
    public const long MaxBodyBytes = 50L * 1024 * 1024;

    public static void MapRegionImportApi(this RouteGroupBuilder api) =>
        api.MapPost("/regions/import", Import)
            .RequireAuthorization()
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes))
            .WithTags("区域网格")
            .WithSummary("导入区域边界（GeoJSON FeatureCollection）；dryRun=true 只校验不写入")
            .Accepts<object>(GridGeoJson.MediaType, "application/json")
            .Produces<GridImportResponse>()
            .ProducesProblem(400).ProducesProblem(403);

    private static async Task<IResult> Import(HttpRequest request, bool? dryRun, AccessScope scope, GridImporter importer, CancellationToken ct)
    {
        IReadOnlyList<GridFeature> features;
        try
        {
            features = await GridGeoJson.ReadAsync(request.Body, ct);
        }
        catch (GridGeoJsonException ex)
        {
            return Problems.BadRequest(ex.Message);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problems.Create(413, "payload-too-large", "内容过大", $"导入文件不能超过 {MaxBodyBytes / 1024 / 1024} MB。");
        }

        var forbidden = scope.IsAdmin ? [] : features.Select(f => f.Code?.Trim())
            .Where(c => !string.IsNullOrEmpty(c) && !scope.CanManageRegion(c)).Distinct().ToList();
        if (forbidden.Count > 0)
        {
            return Problems.Forbidden($"您无权修改以下区域：{string.Join("、", forbidden.Take(10))}{(forbidden.Count > 10 ? " 等" : "")}。");
        }

        if (!scope.IsAdmin && !scope.ManagedRegionPrefixes.Any())
        {
            return Problems.Forbidden("只有系统管理员或区域管理员可以导入网格。");
        }

        var result = await importer.ImportAsync(features, dryRun ?? false, ct);
        var warnings = result.Warnings.Select(w => new GridIssueDto(w.Code, w.Message)).ToList();
        if (!result.Succeeded)
        {
            return Problems.Create(400, "grid-import-invalid", "网格数据校验未通过",
                $"共发现 {result.Errors.Count} 个问题，未导入任何数据。请按提示修改后重新导入。",
                new Dictionary<string, object?>
                {
                    ["errors"] = result.Errors.Select(e => new GridIssueDto(e.Code, e.Message)).ToList(),
                    ["warnings"] = warnings,
                });
        }

        return TypedResults.Ok(new GridImportResponse(result.Imported, result.Deleted, result.DryRun, warnings));
    }
}
