using System.Text.Json;
using CivicGrid.Data;
using CivicGrid.Grid;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CivicGrid.Web.Public;

/// <summary>What the 随手拍 map shows without a tile server: the towns (镇街) with their names; and where a point lies.</summary>
public sealed class PublicMap(AppDbContext db, RegionLocator locator, IMemoryCache cache)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(10);

    /// <summary>GeoJSON of every 镇街, cached (the grid rarely changes, and every resident's map asks for it).</summary>
    public async Task<byte[]> TownsAsync(CancellationToken ct) =>
        (await cache.GetOrCreateAsync("public-map-towns", async e =>
        {
            e.AbsoluteExpirationRelativeToNow = CacheFor;
            var towns = await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Town).ToListAsync(ct);
            return JsonSerializer.SerializeToUtf8Bytes(GridGeoJson.ToFeatureCollection(towns), GridGeoJson.Options);
        }))!;

    /// <summary>镇街 / 村居 of the point, or null outside the platform's grid.</summary>
    public async Task<string?> PlaceAsync(double lon, double lat, CancellationToken ct) =>
        await locator.LocateAsync(lon, lat, ct) is { } hit
            ? string.Join(" / ", hit.Path.Where(r => r.Level is RegionLevel.Town or RegionLevel.Community).Select(r => r.Name))
            : null;
}
