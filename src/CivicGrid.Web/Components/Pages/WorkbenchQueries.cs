using CivicGrid.Accounts;
using CivicGrid.Data;
using CivicGrid.Grid;
using CivicGrid.Web.Components.Console;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Components.Pages;

public sealed record WorkbenchCount(string Label, int Value, string Href);

/// <summary>The figures of the 工作台 within the caller's scope.</summary>
public sealed class WorkbenchQueries(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<List<WorkbenchCount>> CountsAsync(AccessScope scope, CancellationToken ct = default)
    {
        if (!scope.ReadableRegionPrefixes.Any() && !scope.ScopedUnitIds.Any())
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var levels = await db.Regions.WhereRegionWithinScope(scope, r => r.Code)
            .GroupBy(r => r.Level).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var units = db.Units.WhereUnitReadable(scope, u => u.Id, u => u.RegionCode);
        var unitCount = await units.CountAsync(ct);
        var peopleCount = await db.People.CountAsync(p => units.Select(u => u.Id).Contains(p.UnitId), ct);
        return
        [
            new("镇街", levels.GetValueOrDefault(RegionLevel.Town), "/grid"),
            new("村居", levels.GetValueOrDefault(RegionLevel.Community), "/grid"),
            new("单元网格", levels.GetValueOrDefault(RegionLevel.Cell), "/grid"),
            new("单位", unitCount, "/organization/units"),
            new("人员", peopleCount, "/organization/people"),
        ];
    }

    /// <summary>The names of the regions the caller's scope starts from, e.g. 示例区 or 第一镇.</summary>
    public async Task<string> ScopeTextAsync(AccessScope scope, CancellationToken ct = default)
    {
        var prefixes = scope.ReadableRegionPrefixes.ToList();
        if (prefixes.Count == 0)
        {
            return scope.ScopedUnitIds.Any() ? "所在单位" : "无";
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var names = await db.Regions.Where(r => prefixes.Contains(r.Code)).OrderBy(r => r.Code).Select(r => r.Name).ToListAsync(ct);
        return names.Count == 0 ? string.Join("、", prefixes) : string.Join("、", names);
    }
}
