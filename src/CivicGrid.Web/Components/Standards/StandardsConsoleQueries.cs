using CivicGrid.Accounts;
using CivicGrid.Data;
using CivicGrid.Grid;
using CivicGrid.Organization;
using CivicGrid.Standards;
using CivicGrid.Web.Components.Console;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Components.Standards;

public sealed record CategoryPick(string Code, string Name, PointShape Shape);

public sealed record TownPick(string Code, string Name);

public sealed record UnitCodePick(string Code, string Name, string KindName);

/// <summary>Pick lists of the 测评点位 pages (read-only, own DbContext per call).</summary>
public sealed class StandardsConsoleQueries(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<List<CategoryPick>> CategoriesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<PointCategory>().AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.SortOrder).ThenBy(c => c.Code)
            .Select(c => new CategoryPick(c.Code, c.Name, c.Shape)).ToListAsync(ct);
    }

    /// <summary>The 镇街 whose points the caller sees.</summary>
    public async Task<List<TownPick>> TownsAsync(AccessScope scope, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var towns = await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Town).OrderBy(r => r.Code)
            .Select(r => new TownPick(r.Code, r.Name)).ToListAsync(ct);
        return towns.Where(t => scope.ReadableRegionPrefixes.Any(p => RegionLevels.IsWithin(t.Code, p) || RegionLevels.IsWithin(p, t.Code))).ToList();
    }

    /// <summary>Active units the caller may name as responsible for a point.</summary>
    public async Task<List<UnitCodePick>> UnitsAsync(AccessScope scope, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var units = await db.Units.AsNoTracking().Where(u => u.IsActive).WhereUnitReadable(scope, u => u.Id, u => u.RegionCode)
            .OrderBy(u => u.Kind).ThenBy(u => u.Code).Select(u => new { u.Code, u.Name, u.Kind }).ToListAsync(ct);
        return units.Select(u => new UnitCodePick(u.Code, u.Name, UnitKinds.ChineseName(u.Kind))).ToList();
    }
}
