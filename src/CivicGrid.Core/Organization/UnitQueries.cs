using CivicGrid.Accounts;
using CivicGrid.Data;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Organization;

public sealed record UnitView(int Id, string Code, string Name, UnitKind Kind, string KindName, string RegionCode, string? RegionName,
    int? ParentUnitId, string? Phone, string? Address, bool IsActive, int PeopleCount, int Version);

public sealed record UnitFilter(string? Q = null, UnitKind? Kind = null, string? RegionCode = null, bool IncludeInactive = false, int? Page = null, int? PageSize = null);

/// <summary>Reads units the caller may see (his subtree, the district departments above it, his own unit).</summary>
public sealed class UnitQueries(AppDbContext db)
{
    public IQueryable<Unit> Readable(AccessScope scope) =>
        db.Units.AsNoTracking().Where(ScopeFilter.ReadableRegion<Unit>(scope, u => u.RegionCode, u => u.Id));

    public async Task<PagedList<UnitView>> ListAsync(AccessScope scope, UnitFilter filter, CancellationToken ct = default)
    {
        var (page, size) = Paging.Normalize(filter.Page, filter.PageSize);
        var query = Readable(scope);
        if (!filter.IncludeInactive)
        {
            query = query.Where(u => u.IsActive);
        }

        if (filter.Kind is { } kind)
        {
            query = query.Where(u => u.Kind == kind);
        }

        if (!string.IsNullOrWhiteSpace(filter.RegionCode))
        {
            query = query.Where(u => u.RegionCode.StartsWith(filter.RegionCode));
        }

        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            query = query.Where(u => u.Name.Contains(q) || u.Code.Contains(q));
        }

        var total = await query.CountAsync(ct);
        var items = await Project(query.OrderBy(u => u.Kind).ThenBy(u => u.Code).Skip((page - 1) * size).Take(size)).ToListAsync(ct);
        return new PagedList<UnitView>(items, total, page, size);
    }

    public async Task<UnitView?> GetAsync(AccessScope scope, int id, CancellationToken ct = default) =>
        await Project(Readable(scope).Where(u => u.Id == id)).FirstOrDefaultAsync(ct);

    private IQueryable<UnitView> Project(IQueryable<Unit> units) =>
        units.Select(u => new UnitView(
            u.Id, u.Code, u.Name, u.Kind, UnitKinds.ChineseName(u.Kind), u.RegionCode,
            db.Regions.Where(r => r.Code == u.RegionCode).Select(r => r.Name).FirstOrDefault(),
            u.ParentUnitId, u.Phone, u.Address, u.IsActive,
            db.People.Count(p => p.UnitId == u.Id && p.IsActive), u.Version));
}
