using System.Text.Json;
using CivicGrid.Accounts;
using CivicGrid.Data;
using CivicGrid.Grid;
using CivicGrid.Web.Components.Console;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Features;
using NetTopologySuite.IO;
using NetTopologySuite.IO.Converters;

namespace CivicGrid.Web.Components.Pages.Grid;

/// <summary>A region as the tree and the details panel show it.</summary>
public sealed record RegionItem(string Code, string Name, RegionLevel Level, string? ParentCode, double? AreaSquareMetres, int ChildCount)
{
    public string LevelName => RegionLevels.ChineseName(Level);

    public bool HasChildren => ChildCount > 0;

    public double? AreaSquareKilometres => AreaSquareMetres / 1_000_000d;
}

/// <summary>Reads the region tree within the caller's scope, and its polygons as GeoJSON for the map.</summary>
public sealed class RegionQueries(IDbContextFactory<AppDbContext> dbFactory)
{
    public const int SearchLimit = 50;

    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    /// <summary>The top of the tree: readable regions without a parent (the districts).</summary>
    public async Task<List<RegionItem>> RootsAsync(AccessScope scope, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await WithChildCounts(db, scope, db.Regions.Where(r => r.ParentCode == null), ct);
    }

    public async Task<List<RegionItem>> ChildrenAsync(AccessScope scope, string code, CancellationToken ct = default)
    {
        if (!scope.CanReadRegion(code))
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await WithChildCounts(db, scope, db.Regions.Where(r => r.ParentCode == code), ct);
    }

    public async Task<RegionItem?> FindAsync(AccessScope scope, string code, CancellationToken ct = default)
    {
        if (!scope.CanReadRegion(code))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = (await WithChildCounts(db, scope, db.Regions.Where(r => r.Code == code), ct)).FirstOrDefault();
        if (item is { AreaSquareMetres: null })
        {
            var shape = await db.Regions.Where(r => r.Code == code).Select(r => new { r.BoundaryWkb, r.CenterLat }).FirstAsync(ct);
            item = item with { AreaSquareMetres = ApproximateArea(shape.BoundaryWkb, shape.CenterLat) };
        }

        return item;
    }

    /// <summary>Area of a lon/lat boundary in square metres, scaled at its latitude (good to a fraction of a percent for a district).</summary>
    private static double? ApproximateArea(byte[]? wkb, double? centerLat)
    {
        if (wkb is null)
        {
            return null;
        }

        var geometry = new WKBReader().Read(wkb);
        var lat = centerLat ?? geometry.Centroid.Y;
        const double metresPerDegree = 111_320d;
        return geometry.Area * metresPerDegree * metresPerDegree * Math.Cos(lat * Math.PI / 180);
    }

    /// <summary>Readable regions whose name contains the text or whose code starts with it.</summary>
    public async Task<List<RegionItem>> SearchAsync(AccessScope scope, string text, CancellationToken ct = default)
    {
        var t = text.Trim();
        if (t.Length == 0)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Regions.Where(r => r.Name.Contains(t) || r.Code.StartsWith(t));
        return await WithChildCounts(db, scope, query, ct, SearchLimit);
    }

    /// <summary>
    /// The map of a region: its readable children as polygons (the region itself when it has none),
    /// plus its own outline, as a GeoJSON FeatureCollection in WGS84.
    /// </summary>
    public async Task<string?> MapAsync(AccessScope scope, string code, CancellationToken ct = default)
    {
        if (!scope.CanReadRegion(code))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var shapes = await db.Regions.AsNoTracking()
            .Where(r => r.ParentCode == code || r.Code == code)
            .WhereRegionReadable(scope, r => r.Code)
            .OrderBy(r => r.SortOrder).ThenBy(r => r.Code)
            .Select(r => new { r.Code, r.Name, r.Level, r.BoundaryWkb, r.CenterLon, r.CenterLat })
            .ToListAsync(ct);

        var reader = new WKBReader();
        var features = new FeatureCollection();
        var hasChildren = shapes.Any(s => s.Code != code);
        foreach (var shape in shapes.Where(s => s.BoundaryWkb is not null))
        {
            var isSelf = shape.Code == code;
            var attributes = new AttributesTable
            {
                { "code", shape.Code },
                { "name", shape.Name },
                { "level", RegionLevels.ChineseName(shape.Level) },
                { "role", isSelf ? (hasChildren ? "outline" : "self") : "child" },
            };
            if (shape.CenterLon is { } lon && shape.CenterLat is { } lat)
            {
                attributes.Add("center", new[] { lon, lat });
            }

            features.Add(new Feature(reader.Read(shape.BoundaryWkb), attributes));
        }

        return JsonSerializer.Serialize(features, GeoJson);
    }

    private static async Task<List<RegionItem>> WithChildCounts(AppDbContext db, AccessScope scope, IQueryable<Region> query,
        CancellationToken ct, int limit = int.MaxValue)
    {
        var rows = await query.AsNoTracking().WhereRegionReadable(scope, r => r.Code)
            .OrderBy(r => r.Code.Length).ThenBy(r => r.SortOrder).ThenBy(r => r.Code)
            .Take(limit)
            .Select(r => new { r.Code, r.Name, r.Level, r.ParentCode, r.AreaSquareMetres })
            .ToListAsync(ct);
        var codes = rows.Select(r => r.Code).ToList();
        var children = await db.Regions.Where(r => r.ParentCode != null && codes.Contains(r.ParentCode))
            .WhereRegionReadable(scope, r => r.Code)
            .GroupBy(r => r.ParentCode!)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return rows.Select(r => new RegionItem(r.Code, r.Name, r.Level, r.ParentCode, r.AreaSquareMetres, children.GetValueOrDefault(r.Code)))
            .ToList();
    }
}
