using CivicGrid.Accounts;
using CivicGrid.Cases.Catalog;
using CivicGrid.Data;
using CivicGrid.Grid;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Cases.Responsibility;

public sealed record RuleFilter(string? CategoryCode = null, string? RegionCode = null, int? UnitId = null, int? Page = null, int? PageSize = null);

public sealed record RuleView(int Id, string CategoryCode, string? CategoryName, string RegionCode, string? RegionName,
    ResponsibleUnit Unit, IReadOnlyList<ResponsibleUnit> CoUnits, string? Note, string CreatedBy, DateTimeOffset CreatedAt);

/// <summary>Lists the rules that concern the caller's scope (inside it, or covering it from above).</summary>
public sealed class ResponsibilityRuleQueries(AppDbContext db)
{
    public async Task<PagedList<RuleView>> ListAsync(AccessScope scope, RuleFilter filter, CancellationToken ct = default)
    {
        var (page, size) = Paging.Normalize(filter.Page, filter.PageSize);
        var query = db.Set<ResponsibilityRule>().AsNoTracking().Where(ScopeFilter.ReadableRegion<ResponsibilityRule>(scope, r => r.RegionCode));
        if (!string.IsNullOrWhiteSpace(filter.CategoryCode))
        {
            var code = CategoryCodes.Normalize(filter.CategoryCode);
            query = query.Where(r => r.CategoryCode.StartsWith(code));
        }

        if (!string.IsNullOrWhiteSpace(filter.RegionCode))
        {
            var region = filter.RegionCode.Trim();
            query = query.Where(r => r.RegionCode.StartsWith(region));
        }

        if (filter.UnitId is { } unitId)
        {
            query = query.Where(r => r.UnitId == unitId);
        }

        var total = await query.CountAsync(ct);
        var rules = await query.OrderBy(r => r.RegionCode).ThenBy(r => r.CategoryCode).ThenBy(r => r.Id)
            .Skip((page - 1) * size).Take(size).ToListAsync(ct);
        var unitIds = rules.SelectMany(r => r.CoUnitIds.Append(r.UnitId)).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => new ResponsibleUnit(u.Id, u.Code, u.Name), ct);
        var categoryCodes = rules.Select(r => r.CategoryCode).Distinct().ToList();
        var categories = await db.Set<CaseCategory>().AsNoTracking().Where(c => categoryCodes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, c => c.Name, ct);
        var regionCodes = rules.Select(r => r.RegionCode).Distinct().ToList();
        var regions = await db.Regions.AsNoTracking().Where(r => regionCodes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var unknown = new ResponsibleUnit(0, "", "（已删除的单位）");
        var items = rules.Select(r => new RuleView(r.Id, r.CategoryCode, categories.GetValueOrDefault(r.CategoryCode), r.RegionCode,
            regions.GetValueOrDefault(r.RegionCode), units.GetValueOrDefault(r.UnitId) ?? unknown,
            r.CoUnitIds.Select(id => units.GetValueOrDefault(id) ?? unknown).ToList(), r.Note, r.CreatedBy, r.CreatedAt)).ToList();
        return new PagedList<RuleView>(items, total, page, size);
    }

    /// <summary>True when the caller may see a resolution in that region (used by the preview endpoint).</summary>
    public static bool CanPreview(AccessScope scope, string regionCode) =>
        RegionLevels.FromCode(regionCode) is not null && scope.CanReadRegion(regionCode);
}
