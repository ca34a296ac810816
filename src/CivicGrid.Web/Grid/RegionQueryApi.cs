using CivicGrid.Accounts;
using CivicGrid.Data;
using CivicGrid.Grid;
using CivicGrid.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Grid;

public static class RegionQueryApi
{
    public static void MapRegionQueryApi(this RouteGroupBuilder api)
    {
        var regions = api.MapGroup("/regions").RequireAuthorization().WithTags("区域网格");
        regions.MapGet("/{code}", GetRegion).WithSummary("区域详情");
        regions.MapGet("/{code}/children", GetChildren).WithSummary("下级区域");
    }

    private static async Task<Results<Ok<RegionDto>, ProblemHttpResult>> GetRegion(
        string code, AppDbContext db, AccessScope scope, CancellationToken ct)
    {
        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code, ct);
        if (region is null || !scope.CanReadRegion(code))
        {
            return Problems.NotFound($"区域“{code}”不存在或不在您的管辖范围内。");
        }

        var childCount = await db.Regions.CountAsync(r => r.ParentCode == code, ct);
        return TypedResults.Ok(RegionDto.From(region, childCount));
    }

    private static async Task<Results<Ok<List<RegionDto>>, ProblemHttpResult>> GetChildren(
        string code, AppDbContext db, AccessScope scope, CancellationToken ct)
    {
        if (!scope.CanReadRegion(code) || !await db.Regions.AnyAsync(r => r.Code == code, ct))
        {
            return Problems.NotFound($"区域“{code}”不存在或不在您的管辖范围内。");
        }

        var children = await db.Regions.AsNoTracking().Where(r => r.ParentCode == code)
            .OrderBy(r => r.SortOrder).ThenBy(r => r.Code).ToListAsync(ct);
        var counts = await db.Regions.Where(r => r.ParentCode != null && r.ParentCode.StartsWith(code) && r.ParentCode.Length == code.Length + 3)
            .GroupBy(r => r.ParentCode!).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return TypedResults.Ok(children.Where(c => scope.CanReadRegion(c.Code))
            .Select(c => RegionDto.From(c, counts.GetValueOrDefault(c.Code))).ToList());
    }
}
