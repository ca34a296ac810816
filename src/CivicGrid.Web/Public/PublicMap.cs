using System.Text.Json;
using CivicGrid.Data;
using CivicGrid.Grid;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Precision;

namespace CivicGrid.Web.Public;

/// <summary>
/// What the 随手拍 map shows without a tile server: the towns (镇街) with their names, and the communities (村居) of the
/// town a pin is in; and which 镇街 / 村居 a point lies in. Boundaries are rounded to about a metre, which is plenty for
/// a phone and halves what it downloads.
/// </summary>
public sealed class PublicMap(AppDbContext db, RegionLocator locator, IMemoryCache cache)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(10);
    private static readonly PrecisionModel Metre = new(100_000);

    public Task<byte[]> TownsAsync(CancellationToken ct) =>
        CachedAsync("public-map-towns", db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Town), ct);

    /// <summary>The communities of a town (null for anything that is not a town's code).</summary>
    public async Task<byte[]?> CommunitiesAsync(string townCode, CancellationToken ct) =>
        townCode.Length == 9 && townCode.All(char.IsAsciiDigit) && await db.Regions.AnyAsync(r => r.Code == townCode && r.Level == RegionLevel.Town, ct)
            ? await CachedAsync("public-map-communities-" + townCode, db.Regions.AsNoTracking().Where(r => r.ParentCode == townCode), ct)
            : null;

    /// <summary>镇街 / 村居 of the point, with the town's code, or null outside the platform's grid.</summary>
    public async Task<(string Name, string TownCode)?> PlaceAsync(double lon, double lat, CancellationToken ct) =>
        await locator.LocateAsync(lon, lat, ct) is { } hit && hit.Path.FirstOrDefault(r => r.Level == RegionLevel.Town) is { } town
            ? (string.Join(" / ", hit.Path.Where(r => r.Level is RegionLevel.Town or RegionLevel.Community).Select(r => r.Name)), town.Code)
            : null;

    private async Task<byte[]> CachedAsync(string key, IQueryable<Region> query, CancellationToken ct) =>
        (await cache.GetOrCreateAsync(key, async e =>
        {
            e.AbsoluteExpirationRelativeToNow = CacheFor;
            var features = new FeatureCollection();
            foreach (var r in (await query.ToListAsync(ct)).OrderBy(r => r.Code, StringComparer.Ordinal))
            {
                var boundary = GridGeometry.ReadBoundary(r);
                features.Add(new Feature(boundary is null ? null : GeometryPrecisionReducer.Reduce(boundary, Metre), new AttributesTable
                {
                    { "code", r.Code },
                    { "name", r.Name },
                    { "centerLon", r.CenterLon },
                    { "centerLat", r.CenterLat },
                }));
            }

            return JsonSerializer.SerializeToUtf8Bytes(features, GridGeoJson.Options);
        }))!;
}
