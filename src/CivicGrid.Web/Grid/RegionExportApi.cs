using CivicGrid.Accounts;
using CivicGrid.Data;
using CivicGrid.Grid;
using CivicGrid.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Grid;

public static class RegionExportApi
{
    public static void MapRegionExportApi(this RouteGroupBuilder api) =>
        api.MapGet("/regions/{code}/geojson", Export)
            .RequireAuthorization()
            .WithTags("区域网格")
            .WithSummary("导出区域及其下级的边界（GeoJSON FeatureCollection）；depth 为向下导出的层数，缺省为全部")
            .Produces(200, contentType: GridGeoJson.MediaType)
            .ProducesProblem(400).ProducesProblem(404);

    private static async Task<IResult> Export(string code, string? depth, AppDbContext db, AccessScope scope, CancellationToken ct)
    {
        var levels = 3;
        if (depth is not null && (!int.TryParse(depth, out levels) || levels < 0 || levels > 3))
        {
            return Problems.BadRequest("depth 须为 0 到 3 之间的整数：0 只导出该区域，1 含下一级，依此类推。");
        }

        if (!scope.CanReadRegion(code) || !await db.Regions.AnyAsync(r => r.Code == code, ct))
        {
            return Problems.NotFound($"区域“{code}”不存在或不在您的管辖范围内。");
        }

        var maxLength = code.Length + (3 * levels);
        var regions = await db.Regions.AsNoTracking()
            .Where(r => r.Code.StartsWith(code) && r.Code.Length <= maxLength)
            .ToListAsync(ct);
        var visible = regions.Where(r => scope.CanReadRegion(r.Code)).ToList();
        return Results.Stream(stream => GridGeoJson.WriteAsync(stream, visible, ct), GridGeoJson.MediaType);
    }
}
