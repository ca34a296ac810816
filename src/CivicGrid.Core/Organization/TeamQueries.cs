using CivicGrid.Accounts;
using CivicGrid.Data;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Organization;

public sealed record TeamMemberView(int PersonId, string Name, string UnitName, string? Post, string? Phone, TeamRole Role, string RoleName);

public sealed record TeamView(int Id, string Name, TeamKind Kind, string KindName, int? ParentTeamId, string? Duties,
    IReadOnlyList<TeamMemberView> Members, IReadOnlyList<string> RegionCodes, IReadOnlyList<string> CategoryCodes);

/// <summary>The command structure (指挥部 → 办公室, 督导组, 专项组); a team is visible where one of its regions is.</summary>
public sealed class TeamQueries(AppDbContext db)
{
    public async Task<IReadOnlyList<TeamView>> ListAsync(AccessScope scope, TeamKind? kind = null, string? q = null, CancellationToken ct = default)
    {
        var query = db.Teams.AsNoTracking().AsQueryable();
        if (kind is { } k)
        {
            query = query.Where(t => t.Kind == k);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            query = query.Where(t => t.Name.Contains(text) || (t.Duties != null && t.Duties.Contains(text)));
        }

        var teams = await Project(query.OrderBy(t => t.SortOrder).ThenBy(t => t.Id)).ToListAsync(ct);
        return teams.Where(t => IsVisible(scope, t)).ToList();
    }

    public async Task<TeamView?> GetAsync(AccessScope scope, int id, CancellationToken ct = default)
    {
        var team = await Project(db.Teams.AsNoTracking().Where(t => t.Id == id)).FirstOrDefaultAsync(ct);
        return team is not null && IsVisible(scope, team) ? team : null;
    }

    private static bool IsVisible(AccessScope scope, TeamView team) => team.RegionCodes.Any(scope.CanReadRegion);

    private static IQueryable<TeamView> Project(IQueryable<Team> teams) =>
        teams.Select(t => new TeamView(t.Id, t.Name, t.Kind, TeamKinds.ChineseName(t.Kind), t.ParentTeamId, t.Duties,
            t.Members.OrderBy(m => m.Role).Select(m => new TeamMemberView(m.PersonId, m.Person!.Name, m.Person.Unit!.Name, m.Person.Post,
                PersonalData.MaskPhone(m.Person.Phone), m.Role, TeamRoles.ChineseName(m.Role))).ToList(),
            t.Coverage.Where(c => c.RegionCode != null).Select(c => c.RegionCode!).ToList(),
            t.Coverage.Where(c => c.CategoryCode != null).Select(c => c.CategoryCode!).ToList()));
}

public static class TeamRoles
{
    public static string ChineseName(TeamRole role) => role switch
    {
        TeamRole.Leader => "组长",
        TeamRole.DeputyLeader => "副组长",
        _ => "成员",
    };

    public static TeamRole? Parse(string? text) => text?.Trim() switch
    {
        "组长" or "Leader" => TeamRole.Leader,
        "副组长" or "DeputyLeader" => TeamRole.DeputyLeader,
        "成员" or "Member" => TeamRole.Member,
        _ => null,
    };
}
