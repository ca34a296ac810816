using CivicGrid.Accounts;
using CivicGrid.Grid;
using CivicGrid.Organization;
using Microsoft.AspNetCore.Identity;

namespace CivicGrid.Data.Seed;

/// <summary>The demo accounts of CONTRACT.md, password <c>Demo#2026</c>.</summary>
public static class DemoAccounts
{
    public sealed record DemoAccount(string UserName, string DisplayName, AppRole Role, string Scope);

    public static IReadOnlyList<DemoAccount> All { get; } =
    [
        new("admin", "系统管理员", AppRole.Admin, "全区"),
        new("dispatcher", "指挥中心派遣员", AppRole.Dispatcher, "全区"),
        new("leader", "区领导", AppRole.Leader, "全区（只读）"),
        new("inspector", "督查员", AppRole.Inspector, "全区"),
        new("street01", "第一镇街管理员", AppRole.TownAdmin, "第一个镇街"),
        new("gridworker", "网格员", AppRole.GridWorker, "第一个镇街的第一个村居"),
        new("handler.cg", "城管办理人", AppRole.Handler, "区城市管理局"),
        new("volunteer", "志愿者", AppRole.Volunteer, "—"),
        new("resident", "居民", AppRole.Resident, "—"),
        new("safety", "企业安全管理员", AppRole.SafetyOfficer, "示例矿业一号矿"),
    ];

    internal static async Task CreateAsync(UserManager<AppUser> users, AppDbContext db,
        IReadOnlyList<Region> regions, IReadOnlyList<Unit> units, IReadOnlyList<Person> people)
    {
        var district = regions.First(r => r.Level == RegionLevel.District).Code;
        var firstTown = regions.Where(r => r.Level == RegionLevel.Town).OrderBy(r => r.Code).First().Code;
        var firstCommunity = regions.Where(r => r.ParentCode == firstTown).OrderBy(r => r.Code).First().Code;
        var cityManagement = units.Single(u => u.Code == DemoOrganization.CityManagementCode);
        var mine = units.Single(u => u.Code == DemoOrganization.MineCode);

        foreach (var account in All)
        {
            var (region, unit) = account.UserName switch
            {
                "street01" => (firstTown, (Unit?)units.Single(u => u.RegionCode == firstTown && u.Kind == UnitKind.StreetOffice)),
                "gridworker" => (firstCommunity, units.Single(u => u.RegionCode == firstCommunity && u.Kind == UnitKind.CommunityCommittee)),
                "handler.cg" => (district, cityManagement),
                "safety" => (null, mine),
                "volunteer" or "resident" => ((string?)null, (Unit?)null),
                _ => (district, null),
            };
            var user = new AppUser { UserName = account.UserName, DisplayName = account.DisplayName, IsDemo = true, LockoutEnabled = true };
            user.RoleAssignments.Add(new RoleAssignment { Role = account.Role, RegionCode = region, UnitId = unit?.Id });
            var result = await users.CreateAsync(user, DemoSeeder.DemoPassword);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"无法创建演示账户 {account.UserName}：" + string.Join("；", result.Errors.Select(e => e.Description)));
            }

            var person = unit is null ? null : people.FirstOrDefault(p => p.UnitId == unit.Id && p.UserId is null);
            if (person is not null)
            {
                person.UserId = user.Id;
            }
        }

        await db.SaveChangesAsync();
    }
}
