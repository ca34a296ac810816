using CivicGrid.Accounts;
using CivicGrid.Data;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Organization;

/// <summary>A person as lists show him: phone and ID number masked.</summary>
public sealed record PersonView(int Id, string Name, int UnitId, string UnitName, string? Post, string? Phone, string? IdNumber, bool HasAccount, bool IsActive);

public sealed record PersonFilter(string? Q = null, int? UnitId = null, bool IncludeInactive = false, int? Page = null, int? PageSize = null);

public sealed class PersonQueries(AppDbContext db)
{
    /// <summary>People of units the caller may read, except district departments' staff unless he sees the district.</summary>
    public IQueryable<Person> Readable(AccessScope scope)
    {
        var units = new UnitQueries(db).Readable(scope).Select(u => u.Id);
        return db.People.AsNoTracking().Where(p => units.Contains(p.UnitId));
    }

    public async Task<PagedList<PersonView>> ListAsync(AccessScope scope, PersonFilter filter, CancellationToken ct = default)
    {
        var (page, size) = Paging.Normalize(filter.Page, filter.PageSize);
        var query = Readable(scope);
        if (!filter.IncludeInactive)
        {
            query = query.Where(p => p.IsActive);
        }

        if (filter.UnitId is { } unitId)
        {
            query = query.Where(p => p.UnitId == unitId);
        }

        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            query = query.Where(p => p.Name.Contains(q) || (p.Post != null && p.Post.Contains(q)) || p.Unit!.Name.Contains(q));
        }

        var total = await query.CountAsync(ct);
        var items = await Project(query.OrderBy(p => p.UnitId).ThenBy(p => p.Id).Skip((page - 1) * size).Take(size)).ToListAsync(ct);
        return new PagedList<PersonView>(items, total, page, size);
    }

    public Task<PersonView?> GetAsync(AccessScope scope, int id, CancellationToken ct = default) =>
        Project(Readable(scope).Where(p => p.Id == id)).FirstOrDefaultAsync(ct);

    private static IQueryable<PersonView> Project(IQueryable<Person> people) =>
        people.Select(p => new PersonView(p.Id, p.Name, p.UnitId, p.Unit!.Name, p.Post,
            PersonalData.MaskPhone(p.Phone), PersonalData.MaskIdNumber(p.IdNumber), p.UserId != null, p.IsActive));
}
