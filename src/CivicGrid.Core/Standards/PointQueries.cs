using CivicGrid.Accounts;
using CivicGrid.Data;
using CivicGrid.Grid;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Standards;

/// <summary>Filters of point lists: category code, region code (a prefix: 镇街, 村居 or cell), text, status active/inactive/all.</summary>
public sealed record PointFilter(string? CategoryCode = null, string? RegionCode = null, string? Q = null, string? Status = null,
    int? Page = null, int? PageSize = null);

/// <summary>An item of <c>GET /api/v1/points</c>, exactly as CONTRACT.md lists it.</summary>
public sealed record PointListItem(string Code, string Name, string CategoryName, string RegionCode, double Lon, double Lat);

/// <summary>A row of the console list: more columns, the contact masked unless the caller may see it.</summary>
public sealed record PointRow(
    string Code, string Name, string CategoryCode, string CategoryName, string RegionCode, string? TownName, string? CommunityName,
    string UnitName, string? ResponsiblePerson, string? ContactPhone, PointStatus Status, double? LatestScoreRate, DateTimeOffset? LatestInspectedAt)
{
    public string StatusName => PointStatuses.ChineseName(Status);
}

public sealed record UnitRef(string Code, string Name);

public sealed record LatestInspectionView(DateTimeOffset InspectedAt, double ScoreRate, int FailedItems, bool Passed, string? Summary, string? InspectionRef);

public sealed record PointDetail(
    string Code, string Name, string CategoryCode, string CategoryName, string Shape, string RegionCode, IReadOnlyList<RegionRef> RegionPath,
    double Lon, double Lat, double[][]? Line, string? LineText, string? Address, UnitRef ResponsibleUnit, string? ResponsiblePerson,
    string? ContactPhone, bool ContactMasked, string Status, LatestInspectionView? LatestInspection, string SignUrl, int Version, DateTimeOffset UpdatedAt);

/// <summary>A point on the console map: position, line if a street, and its latest score for colouring.</summary>
public sealed record PointMapItem(string Code, string Name, string CategoryCode, string CategoryName, double Lon, double Lat, double[][]? Line,
    double? ScoreRate, bool Active);

public sealed record PointExportRow(
    string Code, string Name, string CategoryName, double Lon, double Lat, string? Line, string? Address, string UnitCode, string UnitName,
    string? Person, string? Phone, string RegionCode, string? TownName, string? CommunityName, PointStatus Status);

/// <summary>Reads points within the caller's scope: the API list, details, console rows, the map and the export.</summary>
public sealed class PointQueries(AppDbContext db)
{
    public async Task<Outcome<PagedList<PointListItem>>> ListAsync(AccessScope scope, PointFilter filter, CancellationToken ct = default)
    {
        var checkedQuery = await FilteredAsync(scope, filter, ct);
        if (!checkedQuery.Succeeded)
        {
            return Failed<PagedList<PointListItem>>(checkedQuery);
        }

        var query = checkedQuery.Value!;
        var (page, size) = Paging.Normalize(filter.Page, filter.PageSize);
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(p => p.Code).Skip((page - 1) * size).Take(size)
            .Select(p => new PointListItem(p.Code, p.Name, p.Category!.Name, p.RegionCode, p.Lon, p.Lat))
            .ToListAsync(ct);
        return Outcome<PagedList<PointListItem>>.Ok(new PagedList<PointListItem>(items, total, page, size));
    }

    public async Task<Outcome<PagedList<PointRow>>> RowsAsync(AccessScope scope, PointFilter filter, CancellationToken ct = default)
    {
        var checkedQuery = await FilteredAsync(scope, filter, ct);
        if (!checkedQuery.Succeeded)
        {
            return Failed<PagedList<PointRow>>(checkedQuery);
        }

        var query = checkedQuery.Value!;
        var (page, size) = Paging.Normalize(filter.Page, filter.PageSize);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(p => p.Code).Skip((page - 1) * size).Take(size)
            .Select(p => new
            {
                p.Code,
                p.Name,
                CategoryCode = p.Category!.Code,
                CategoryName = p.Category.Name,
                p.RegionCode,
                UnitName = p.ResponsibleUnit!.Name,
                p.ResponsiblePerson,
                p.ContactPhone,
                p.Status,
                Rate = p.LatestInspection == null ? (double?)null : p.LatestInspection.ScoreRate,
                At = p.LatestInspection == null ? (DateTimeOffset?)null : p.LatestInspection.InspectedAt,
            })
            .ToListAsync(ct);
        var names = await RegionNamesAsync(rows.Select(r => r.RegionCode), ct);
        return Outcome<PagedList<PointRow>>.Ok(new PagedList<PointRow>(rows.Select(r => new PointRow(
            r.Code, r.Name, r.CategoryCode, r.CategoryName, r.RegionCode, names.GetValueOrDefault(r.RegionCode[..9]), names.GetValueOrDefault(r.RegionCode[..12]),
            r.UnitName, r.ResponsiblePerson, Contact(scope, r.RegionCode, r.ContactPhone), r.Status, r.Rate, r.At)).ToList(), total, page, size));
    }

    public async Task<PointDetail?> GetAsync(AccessScope scope, string code, CancellationToken ct = default)
    {
        var key = PointCodes.Normalize(code);
        var p = await db.Set<InspectionPoint>().AsNoTracking().Include(x => x.Category).Include(x => x.ResponsibleUnit)
            .FirstOrDefaultAsync(x => x.Code == key, ct);
        if (p is null || !PointAccess.CanRead(scope, p))
        {
            return null;
        }

        var pathCodes = new[] { p.RegionCode[..6], p.RegionCode[..9], p.RegionCode[..12], p.RegionCode };
        var path = await db.Regions.AsNoTracking().Where(r => pathCodes.Contains(r.Code)).OrderBy(r => r.Code)
            .Select(r => new RegionRef(r.Code, r.Name, r.Level)).ToListAsync(ct);
        var sees = PointAccess.SeesContact(scope, p.RegionCode);
        var latest = p.LatestInspection is { } l ? new LatestInspectionView(l.InspectedAt, l.ScoreRate, l.FailedItems, l.Passed, l.Summary, l.InspectionRef) : null;
        return new PointDetail(p.Code, p.Name, p.Category!.Code, p.Category.Name, p.Category.Shape == PointShape.Line ? "line" : "point", p.RegionCode, path,
            p.Lon, p.Lat, PointGeometry.LineCoordinates(p.GeometryWkb), PointGeometry.LineText(p.GeometryWkb), p.Address,
            new UnitRef(p.ResponsibleUnit!.Code, p.ResponsibleUnit.Name), p.ResponsiblePerson,
            sees ? p.ContactPhone : PersonalData.MaskPhone(p.ContactPhone), !sees && p.ContactPhone is not null,
            PointStatuses.ApiName(p.Status), latest, PointSigns.PathOf(p.Code), p.Version, p.UpdatedAt);
    }

    public async Task<Outcome<List<PointMapItem>>> MapAsync(AccessScope scope, PointFilter filter, CancellationToken ct = default)
    {
        var checkedQuery = await FilteredAsync(scope, filter, ct);
        if (!checkedQuery.Succeeded)
        {
            return Failed<List<PointMapItem>>(checkedQuery);
        }

        var rows = await checkedQuery.Value!.OrderBy(p => p.Code)
            .Select(p => new
            {
                p.Code,
                p.Name,
                CategoryCode = p.Category!.Code,
                CategoryName = p.Category.Name,
                p.Lon,
                p.Lat,
                Wkb = p.Category.Shape == PointShape.Line ? p.GeometryWkb : null,
                Rate = p.LatestInspection == null ? (double?)null : p.LatestInspection.ScoreRate,
                p.Status,
            })
            .ToListAsync(ct);
        return Outcome<List<PointMapItem>>.Ok(rows.Select(r => new PointMapItem(r.Code, r.Name, r.CategoryCode, r.CategoryName, r.Lon, r.Lat,
            PointGeometry.LineCoordinates(r.Wkb), r.Rate, r.Status == PointStatus.Active)).ToList());
    }

    public async Task<Outcome<List<PointExportRow>>> ExportAsync(AccessScope scope, PointFilter filter, CancellationToken ct = default)
    {
        var checkedQuery = await FilteredAsync(scope, filter with { Status = filter.Status ?? "all" }, ct);
        if (!checkedQuery.Succeeded)
        {
            return Failed<List<PointExportRow>>(checkedQuery);
        }

        var rows = await checkedQuery.Value!.OrderBy(p => p.Code)
            .Select(p => new
            {
                p.Code,
                p.Name,
                CategoryName = p.Category!.Name,
                p.Lon,
                p.Lat,
                Wkb = p.Category.Shape == PointShape.Line ? p.GeometryWkb : null,
                p.Address,
                UnitCode = p.ResponsibleUnit!.Code,
                UnitName = p.ResponsibleUnit.Name,
                p.ResponsiblePerson,
                p.ContactPhone,
                p.RegionCode,
                p.Status,
            })
            .ToListAsync(ct);
        var names = await RegionNamesAsync(rows.Select(r => r.RegionCode), ct);
        return Outcome<List<PointExportRow>>.Ok(rows.Select(r => new PointExportRow(r.Code, r.Name, r.CategoryName, r.Lon, r.Lat, PointGeometry.LineText(r.Wkb),
            r.Address, r.UnitCode, r.UnitName, r.ResponsiblePerson, Contact(scope, r.RegionCode, r.ContactPhone), r.RegionCode,
            names.GetValueOrDefault(r.RegionCode[..9]), names.GetValueOrDefault(r.RegionCode[..12]), r.Status)).ToList());
    }

    /// <summary>Point categories with how many active points the caller sees in each.</summary>
    public async Task<List<PointCategoryView>> CategoriesAsync(AccessScope scope, CancellationToken ct = default)
    {
        var counts = await db.Set<InspectionPoint>().AsNoTracking().Where(PointAccess.Readable(scope)).Where(p => p.Status == PointStatus.Active)
            .GroupBy(p => p.CategoryId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var standards = await db.Set<StandardPointCategory>().AsNoTracking()
            .Where(s => db.Set<Standard>().Any(x => x.Id == s.StandardId && x.IsActive))
            .GroupBy(s => s.PointCategoryId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var categories = await db.Set<PointCategory>().AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Code).ToListAsync(ct);
        return categories.Select(c => new PointCategoryView(c.Code, c.Name, c.Shape == PointShape.Line ? "line" : "point", c.Description, c.IsActive,
            counts.GetValueOrDefault(c.Id), standards.GetValueOrDefault(c.Id))).ToList();
    }

    private async Task<Outcome<IQueryable<InspectionPoint>>> FilteredAsync(AccessScope scope, PointFilter filter, CancellationToken ct)
    {
        var query = db.Set<InspectionPoint>().AsNoTracking().Where(PointAccess.Readable(scope));
        if (!string.IsNullOrWhiteSpace(filter.CategoryCode))
        {
            var code = filter.CategoryCode.Trim();
            var category = await db.Set<PointCategory>().AsNoTracking().Where(c => c.Code == code || c.Name == code).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
            if (category is not { } id)
            {
                return Outcome<IQueryable<InspectionPoint>>.Invalid("categoryCode", $"点位类别“{code}”不存在。");
            }

            query = query.Where(p => p.CategoryId == id);
        }

        if (!string.IsNullOrWhiteSpace(filter.RegionCode))
        {
            var region = filter.RegionCode.Trim();
            if (RegionLevels.FromCode(region) is null)
            {
                return Outcome<IQueryable<InspectionPoint>>.Invalid("regionCode", $"区域编码“{region}”格式不正确，应为 6、9、12 或 15 位。");
            }

            if (!scope.CanReadRegion(region))
            {
                return Outcome<IQueryable<InspectionPoint>>.Forbidden($"您无权查看区域 {region} 的点位。");
            }

            query = query.Where(p => p.RegionCode.StartsWith(region));
        }

        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            query = query.Where(p => p.Name.Contains(q) || p.Code.Contains(q) || (p.Address != null && p.Address.Contains(q)));
        }

        switch (filter.Status?.Trim().ToLowerInvariant())
        {
            case null or "" or "active" or "启用":
                query = query.Where(p => p.Status == PointStatus.Active);
                break;
            case "inactive" or "停用":
                query = query.Where(p => p.Status == PointStatus.Inactive);
                break;
            case "all" or "全部":
                break;
            default:
                return Outcome<IQueryable<InspectionPoint>>.Invalid("status", $"状态“{filter.Status}”无效，可选 active、inactive、all。");
        }

        return Outcome<IQueryable<InspectionPoint>>.Ok(query);
    }

    private async Task<Dictionary<string, string>> RegionNamesAsync(IEnumerable<string> cellCodes, CancellationToken ct)
    {
        var codes = cellCodes.SelectMany(c => new[] { c[..9], c[..12] }).Distinct().ToList();
        return await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
    }

    private static Outcome<T> Failed<T>(Outcome<IQueryable<InspectionPoint>> failure) =>
        new(failure.Status, default, failure.Message, failure.Problems);

    private static string? Contact(AccessScope scope, string regionCode, string? phone) =>
        PointAccess.SeesContact(scope, regionCode) ? phone : PersonalData.MaskPhone(phone);
}

public sealed record PointCategoryView(string Code, string Name, string Shape, string? Description, bool IsActive, int PointCount, int StandardCount);
