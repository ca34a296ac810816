using CivicGrid.Grid;
using CivicGrid.Organization;

namespace CivicGrid.Data.Seed;

/// <summary>People of the demo units and the command structure of CONTRACT.md.</summary>
internal static class DemoTeams
{
    public static List<Person> People(IReadOnlyList<Unit> units, DateTimeOffset now)
    {
        var people = new List<Person>();
        var n = 0;
        foreach (var unit in units.Where(u => u.Kind != UnitKind.CommunityCommittee))
        {
            var posts = unit.Kind switch
            {
                UnitKind.Department => new[] { "局长", "副局长", "科长", "办事员" },
                UnitKind.StreetOffice => ["主任", "副主任", "城管科科长", "网格管理员"],
                UnitKind.CommandCentre => ["主任", "副主任", "受理员", "派遣员", "督查员"],
                _ => ["负责人", "安全管理员"],
            };
            foreach (var post in posts)
            {
                var (name, phone) = DemoOrganization.PersonAt(n++);
                people.Add(new Person { Name = name, Post = post, Phone = phone, UnitId = unit.Id, Unit = unit, UpdatedAt = now });
            }
        }

        foreach (var unit in units.Where(u => u.Kind == UnitKind.CommunityCommittee))
        {
            foreach (var post in new[] { "书记", "网格员" })
            {
                var (name, phone) = DemoOrganization.PersonAt(n++);
                people.Add(new Person { Name = name, Post = post, Phone = phone, UnitId = unit.Id, Unit = unit, UpdatedAt = now });
            }
        }

        return people;
    }

    public static List<Team> CommandStructure(IReadOnlyList<Region> regions, IReadOnlyList<Person> people)
    {
        var district = regions.First(r => r.Level == RegionLevel.District).Code;
        var centre = people.Where(p => p.Unit!.Kind == UnitKind.CommandCentre).ToList();
        var heads = people.Where(p => p.Unit!.Kind == UnitKind.Department && p.Post == "局长").ToList();
        var deputies = people.Where(p => p.Unit!.Kind == UnitKind.Department && p.Post == "副局长").ToList();

        var hq = new Team { Name = "示例区创建全国文明城区指挥部", Kind = TeamKind.Headquarters, DistrictCode = district, Duties = "统筹全区文明城区创建工作，研究决定重大事项。", SortOrder = 1 };
        hq.Members.Add(new TeamMember { PersonId = centre[0].Id, Role = TeamRole.Leader });
        hq.Members.AddRange(heads.Take(5).Select(p => new TeamMember { PersonId = p.Id, Role = TeamRole.DeputyLeader }));
        hq.Coverage.Add(new TeamCoverage { RegionCode = district });

        var teams = new List<Team> { hq };
        var office = new Team { Name = "指挥部办公室", Kind = TeamKind.Office, DistrictCode = district, Duties = "日常调度、督查通报、考评排名。", SortOrder = 2 };
        office.Members.Add(new TeamMember { PersonId = centre[1].Id, Role = TeamRole.Leader });
        office.Members.AddRange(centre.Skip(2).Select(p => new TeamMember { PersonId = p.Id, Role = TeamRole.Member }));
        office.Coverage.Add(new TeamCoverage { RegionCode = district });
        teams.Add(office);

        var general = new Team { Name = "综合督导组", Kind = TeamKind.SupervisionGroup, DistrictCode = district, Duties = "对全区创建工作开展综合督导。", SortOrder = 3 };
        general.Members.Add(new TeamMember { PersonId = centre[^1].Id, Role = TeamRole.Leader });
        general.Coverage.Add(new TeamCoverage { RegionCode = district });
        teams.Add(general);

        teams.AddRange(DemoOrganization.SpecialGroups.Select((name, i) =>
        {
            var team = new Team { Name = name, Kind = TeamKind.SpecialGroup, DistrictCode = district, Duties = $"牵头负责{name[..^1]}工作。", SortOrder = 10 + i };
            team.Members.Add(new TeamMember { PersonId = heads[i % heads.Count].Id, Role = TeamRole.Leader });
            team.Members.Add(new TeamMember { PersonId = deputies[(i + 3) % deputies.Count].Id, Role = TeamRole.Member });
            team.Coverage.Add(new TeamCoverage { RegionCode = district });
            return team;
        }));

        var towns = regions.Where(r => r.Level == RegionLevel.Town).OrderBy(r => r.Code).ToList();
        teams.AddRange(towns.Select((town, i) =>
        {
            var team = new Team { Name = $"第{i + 1}督导组（{town.Name}）", Kind = TeamKind.SupervisionGroup, DistrictCode = district, Duties = $"包联督导{town.Name}创建工作。", SortOrder = 100 + i };
            team.Members.Add(new TeamMember { PersonId = deputies[i % deputies.Count].Id, Role = TeamRole.Leader });
            team.Coverage.Add(new TeamCoverage { RegionCode = town.Code });
            return team;
        }));

        return teams;
    }
}
