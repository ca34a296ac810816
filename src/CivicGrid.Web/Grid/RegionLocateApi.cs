using System.Globalization;
using CivicGrid.Grid;
using CivicGrid.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicGrid.Web.Grid;

public static class RegionLocateApi
{
    public static void MapRegionLocateApi(this RouteGroupBuilder api) =>
        api.MapGet("/regions/locate", Locate)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimiting.Public)
            .WithTags("区域网格").WithSummary("按经纬度（WGS84）定位所在的单元网格");

    private static async Task<Results<Ok<LocateResponse>, ProblemHttpResult>> Locate(
        string? lon, string? lat, RegionLocator locator, CancellationToken ct)
    {
        if (!TryCoordinate(lon, -180, 180, out var x) || !TryCoordinate(lat, -90, 90, out var y))
        {
            return Problems.BadRequest("经纬度格式不正确：lon 须为 -180 到 180 之间的数字，lat 须为 -90 到 90 之间的数字（WGS84 十进制度）。");
        }

        var hit = await locator.LocateAsync(x, y, ct);
        if (hit is null)
        {
            return Problems.Create(404, "outside-grid", "不在辖区内", $"坐标（{x}, {y}）不在任何单元网格内。");
        }

        return TypedResults.Ok(new LocateResponse(
            hit.Cell.Code, hit.Cell.Name, RegionLevels.ApiName(hit.Cell.Level), RegionLevels.ChineseName(hit.Cell.Level),
            hit.Path.Select(RegionRefDto.From).ToList()));
    }

    private static bool TryCoordinate(string? text, double min, double max, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
        && double.IsFinite(value) && value >= min && value <= max;
}
