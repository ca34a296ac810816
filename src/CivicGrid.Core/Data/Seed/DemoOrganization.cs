using CivicGrid.Grid;
using CivicGrid.Organization;

namespace CivicGrid.Data.Seed;

/// <summary>The demo district's units, people and command structure (指挥部 → 办公室, 督导组, 专项组).</summary>
internal static class DemoOrganization
{
    public const string CityManagementCode = "D01";
    public const string MineCode = "E001";
    public const string CommandCentreCode = "H001";

    public static readonly (string Code, string Name)[] Departments =
    [
        (CityManagementCode, "区城市管理局"),
        ("D02", "区环境卫生服务中心"),
        ("D03", "区交通支队"),
        ("D04", "区市场监督管理局"),
        ("D05", "区消防救援支队"),
        ("D06", "区水务局"),
        ("D07", "区园林绿化局"),
        ("D08", "区住房和城乡建设委员会"),
        ("D09", "区公安分局"),
        ("D10", "区民政局"),
        ("D11", "区卫生健康委员会"),
        ("D12", "区教育委员会"),
        ("D13", "区应急管理局"),
        ("D14", "区生态环境局"),
    ];

    public static readonly string[] SpecialGroups =
    [
        "市容环境整治组", "交通秩序整治组", "农贸市场整治组", "背街小巷整治组", "公共场所整治组", "窗口单位服务组",
        "志愿服务组", "宣传氛围营造组", "未成年人思想道德建设组", "社区创建组", "城乡接合部整治组",
    ];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "高", "罗"];
    private static readonly string[] GivenNames = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平", "刚", "桂英", "建华", "志强", "海燕"];

    public static List<Unit> Units(IReadOnlyList<Region> regions, DateTimeOffset now)
    {
        var district = regions.First(r => r.Level == RegionLevel.District).Code;
        var units = new List<Unit>
        {
            new() { Code = CommandCentreCode, Name = "区城市运行管理指挥中心", Kind = UnitKind.CommandCentre, RegionCode = district, DistrictCode = district, Phone = "010-69990000", UpdatedAt = now },
        };
        units.AddRange(Departments.Select((d, i) => new Unit
        {
            Code = d.Code,
            Name = d.Name,
            Kind = UnitKind.Department,
            RegionCode = district,
            DistrictCode = district,
            Phone = $"010-6999{1001 + i}",
            UpdatedAt = now,
        }));
        units.AddRange(regions.Where(r => r.Level == RegionLevel.Town).Select(r => new Unit
        {
            Code = "S" + r.Code,
            Name = r.Name.EndsWith("街道", StringComparison.Ordinal) ? r.Name + "办事处" : r.Name + "人民政府",
            Kind = UnitKind.StreetOffice,
            RegionCode = r.Code,
            DistrictCode = district,
            Phone = $"010-6{r.Code[^3..]}0000",
            UpdatedAt = now,
        }));
        units.AddRange(regions.Where(r => r.Level == RegionLevel.Community).Select(r => new Unit
        {
            Code = "C" + r.Code,
            Name = r.Name + (r.Name.EndsWith('村') ? "村民委员会" : "居民委员会"),
            Kind = UnitKind.CommunityCommittee,
            RegionCode = r.Code,
            DistrictCode = district,
            UpdatedAt = now,
        }));
        var firstTown = regions.Where(r => r.Level == RegionLevel.Town).OrderBy(r => r.Code).First().Code;
        units.Add(new Unit { Code = MineCode, Name = "示例矿业一号矿", Kind = UnitKind.Enterprise, RegionCode = firstTown, DistrictCode = district, Phone = "010-69880001", UpdatedAt = now });
        return units;
    }

    /// <summary>A deterministic Chinese name and mobile number for the n-th demo person.</summary>
    public static (string Name, string Phone) PersonAt(int n) =>
        (Surnames[n % Surnames.Length] + GivenNames[(n / Surnames.Length + n) % GivenNames.Length],
         "13" + (8 - (n % 3)).ToString() + (10000000 + ((n * 7919) % 89999999)).ToString("D8"));
}
