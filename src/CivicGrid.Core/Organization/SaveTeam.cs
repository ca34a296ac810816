using CivicGrid.Accounts;
using CivicGrid.Data;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Organization;

public sealed record TeamMemberInput(int PersonId, string? Role);

/// <summary>Create (Id null) or update a team with its members and the regions/categories it covers.</summary>
public sealed record SaveTeamRequest(int? Id, string? Name, string? Kind, int? ParentTeamId, string? Duties,
    IReadOnlyList<TeamMemberInput>? Members, IReadOnlyList<string>? RegionCodes, IReadOnlyList<string>? CategoryCodes);

public sealed class SaveTeam(AppDbContext db)
{
    public async Task<Outcome<Team>> HandleAsync(AccessScope scope, SaveTeamRequest request, CancellationToken ct = default)
    {
        var problems = new List<Problem>();
        var kind = TeamKinds.Parse(request.Kind);
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > 100)
        {
            problems.Add(new("name", "名称必填，且不超过 100 个字符。"));
        }

        if (kind is null)
        {
            problems.Add(new("kind", "类型无效，可选：指挥部、办公室、督导组、专项组。"));
        }

        var regions = (request.RegionCodes ?? []).Select(c => c.Trim()).Distinct().ToList();
        if (regions.Count == 0)
        {
            problems.Add(new("regionCodes", "至少指定一个负责区域。"));
        }

        var known = await db.Regions.Where(r => regions.Contains(r.Code)).Select(r => new { r.Code, r.DistrictCode }).ToListAsync(ct);
        problems.AddRange(regions.Except(known.Select(k => k.Code)).Select(c => new Problem("regionCodes", $"区域“{c}”不存在。")));
        var members = request.Members ?? [];
        var personIds = members.Select(m => m.PersonId).Distinct().ToList();
        var people = await db.People.Where(p => personIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        problems.AddRange(personIds.Except(people).Select(id => new Problem("members", $"人员 {id} 不存在。")));
        problems.AddRange(members.Where(m => TeamRoles.Parse(m.Role) is null).Select(m => new Problem("members", $"人员 {m.PersonId} 的组内职务无效（组长、副组长、成员）。")));
        if (problems.Count > 0)
        {
            return Outcome<Team>.Invalid(problems);
        }

        var district = known[0].DistrictCode;
        if (!scope.CanManageRegion(district) && !regions.All(scope.CanManageRegion))
        {
            return Outcome<Team>.Forbidden("只有管理该区域的管理员才能维护指挥体系。");
        }

        Team? team;
        if (request.Id is { } id)
        {
            team = await db.Teams.Include(t => t.Members).Include(t => t.Coverage).FirstOrDefaultAsync(t => t.Id == id, ct);
            if (team is null || !team.Coverage.Any(c => c.RegionCode is not null && scope.CanReadRegion(c.RegionCode)))
            {
                return Outcome<Team>.NotFound($"工作组 {id} 不存在或不在您的管辖范围内。");
            }

            team.Members.Clear();
            team.Coverage.Clear();
        }
        else
        {
            team = new Team { Name = "", DistrictCode = district };
            db.Teams.Add(team);
        }

        team.Name = request.Name!.Trim();
        team.Kind = kind!.Value;
        team.ParentTeamId = request.ParentTeamId;
        team.Duties = request.Duties?.Trim();
        team.Members.AddRange(members.DistinctBy(m => m.PersonId).Select(m => new TeamMember { PersonId = m.PersonId, Role = TeamRoles.Parse(m.Role)!.Value }));
        team.Coverage.AddRange(regions.Select(r => new TeamCoverage { RegionCode = r }));
        team.Coverage.AddRange((request.CategoryCodes ?? []).Distinct().Select(c => new TeamCoverage { CategoryCode = c }));
        await db.SaveChangesAsync(ct);
        return request.Id is null ? Outcome<Team>.Created(team) : Outcome<Team>.Ok(team);
    }
}
