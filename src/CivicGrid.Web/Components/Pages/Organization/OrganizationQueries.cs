using CivicGrid.Accounts;
using CivicGrid.Data;
using CivicGrid.Organization;
using CivicGrid.Platform;
using CivicGrid.Web.Components.Console;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Components.Pages.Organization;

public sealed record PageOf<T>(List<T> Items, int Total);

public sealed record UnitRow(int Id, string Code, string Name, UnitKind Kind, string RegionCode, string? RegionName, string? Phone, bool IsActive, int PeopleCount)
{
    public string KindName => UnitKinds.ChineseName(Kind);
}

public sealed record PersonRow(int Id, string Name, string UnitName, string? Post, string? Phone, bool IsActive, bool HasAccount, string UnitRegionCode)
{
    /// <summary>Lists never show a whole phone number.</summary>
    public string MaskedPhone => PersonalData.MaskPhone(Phone) ?? "—";
}

public sealed record TeamMemberRow(string Name, string? Post, string UnitName, TeamRole Role)
{
    public string RoleName => Role switch
    {
        TeamRole.Leader => "组长",
        TeamRole.DeputyLeader => "副组长",
        _ => "成员",
    };
}

public sealed record TeamRow(int Id, string Name, TeamKind Kind, int? ParentTeamId, string DistrictCode, string? Duties, int SortOrder,
    List<TeamMemberRow> Members, List<string> Coverage)
{
    public string KindName => TeamKinds.ChineseName(Kind);
}

/// <summary>Read side of the 组织 pages: units, people and teams within the caller's scope.</summary>
public sealed class OrganizationQueries(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<PageOf<UnitRow>> UnitsAsync(AccessScope scope, string? text, UnitKind? kind, int page, int pageSize, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Units.AsNoTracking().WhereUnitReadable(scope, u => u.Id, u => u.RegionCode);
        if (!string.IsNullOrWhiteSpace(text))
        {
            var t = text.Trim();
            query = query.Where(u => u.Name.Contains(t) || u.Code.Contains(t));
        }

        if (kind is not null)
        {
            query = query.Where(u => u.Kind == kind);
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(u => u.Kind).ThenBy(u => u.Code)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(u => new UnitRow(u.Id, u.Code, u.Name, u.Kind, u.RegionCode,
                db.Regions.Where(r => r.Code == u.RegionCode).Select(r => r.Name).FirstOrDefault(),
                u.Phone, u.IsActive, db.People.Count(p => p.UnitId == u.Id)))
            .ToListAsync(ct);
        return new PageOf<UnitRow>(items, total);
    }

    public async Task<PageOf<PersonRow>> PeopleAsync(AccessScope scope, string? text, int page, int pageSize, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var units = db.Units.WhereUnitReadable(scope, u => u.Id, u => u.RegionCode).Select(u => u.Id);
        var query = db.People.AsNoTracking().Where(p => units.Contains(p.UnitId));
        if (!string.IsNullOrWhiteSpace(text))
        {
            var t = text.Trim();
            query = query.Where(p => p.Name.Contains(t) || (p.Post != null && p.Post.Contains(t)) || p.Unit!.Name.Contains(t));
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(p => p.Unit!.Kind).ThenBy(p => p.Unit!.Code).ThenBy(p => p.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(p => new PersonRow(p.Id, p.Name, p.Unit!.Name, p.Post, p.Phone, p.IsActive, p.UserId != null, p.Unit.RegionCode))
            .ToListAsync(ct);
        return new PageOf<PersonRow>(items, total);
    }

    /// <summary>The teams of the districts the caller can read, with members and covered regions.</summary>
    public async Task<List<TeamRow>> TeamsAsync(AccessScope scope, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var teams = await db.Teams.AsNoTracking().WhereRegionReadable(scope, t => t.DistrictCode)
            .OrderBy(t => t.SortOrder).ThenBy(t => t.Id)
            .Select(t => new
            {
                t.Id,
                t.Name,
                t.Kind,
                t.ParentTeamId,
                t.DistrictCode,
                t.Duties,
                t.SortOrder,
                Members = t.Members.OrderBy(m => m.Role).ThenBy(m => m.PersonId)
                    .Select(m => new TeamMemberRow(m.Person!.Name, m.Person.Post, m.Person.Unit!.Name, m.Role)).ToList(),
                Coverage = t.Coverage.Where(c => c.RegionCode != null).Select(c => c.RegionCode!).ToList(),
            })
            .ToListAsync(ct);
        var codes = teams.SelectMany(t => t.Coverage).Distinct().ToList();
        var names = await db.Regions.Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        return teams.Select(t => new TeamRow(t.Id, t.Name, t.Kind, t.ParentTeamId, t.DistrictCode, t.Duties, t.SortOrder, t.Members,
            t.Coverage.Select(c => names.GetValueOrDefault(c, c)).ToList())).ToList();
    }
}
