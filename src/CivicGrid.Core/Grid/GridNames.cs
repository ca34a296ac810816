namespace CivicGrid.Grid;

/// <summary>How a generated grid names its 镇街 and 村居.</summary>
public sealed record GridNames(IReadOnlyList<string> Towns)
{
    /// <summary>“第n镇”, “第n社区”: for large synthetic grids.</summary>
    public static GridNames Generic { get; } = new([]);

    /// <summary>The 25 镇街 of 示例区: 19 镇 and 6 街道 (invented, Beijing-suburb style).</summary>
    public static GridNames Demo { get; } = new([
        "东坝镇", "青云街道", "孙河镇", "崔各庄镇", "金盏镇", "望京街道", "楼梓庄镇", "北皋镇", "黄港镇",
        "沙河镇", "永顺镇", "宋庄镇", "丽泽街道", "马驹镇", "高丽营镇", "潞城镇", "西集镇", "天竺镇",
        "杨镇", "新华街道", "枣园街道", "后沙峪镇", "南彩镇", "北苑街道", "龙湾屯镇",
    ]);
}

/// <summary>Deterministic, district-unique names for 村 (under 镇) and 社区 (under 街道).</summary>
internal sealed class GridNameSource(GridNames names, Random rng)
{
    private static readonly string[] VillageHeads =
        ["东", "西", "南", "北", "前", "后", "大", "小", "上", "下", "新", "老", "高", "李", "王", "张", "刘", "马", "杨", "赵", "石", "柳", "杏", "枣", "槐", "桃", "梨", "沙", "白", "黄", "辛", "蔡", "董", "苏", "韩", "邓"];

    private static readonly string[] VillageTails =
        ["各庄", "家庄", "辛庄", "营", "庄", "屯", "店", "园", "坨", "甸", "沟", "峪", "台", "窑", "务", "铺", "家坟", "坡", "河", "桥"];

    private static readonly string[] CommunityHeads =
        ["青年", "望京", "花园", "翠湖", "锦绣", "阳光", "和平", "建设", "文化", "光明", "幸福", "康乐", "丽景", "南湖", "北苑", "春晖", "育新", "清河", "枫林", "金桥", "红星", "朝阳", "东风", "安华"];

    private static readonly string[] CommunityTails = ["里", "苑", "园", "家园", "小区", "新城", "东里", "西里", "北区", "南区"];

    private readonly HashSet<string> _used = [];

    public (string Name, bool IsStreet) Town(int index)
    {
        var name = index < names.Towns.Count ? names.Towns[index] : $"第{index + 1}镇";
        return (name, name.EndsWith("街道", StringComparison.Ordinal));
    }

    public string Community(bool street, int town, int index)
    {
        if (names.Towns.Count == 0)
        {
            return $"第{town + 1}镇第{index + 1}{(street ? "社区" : "村")}";
        }

        for (var attempt = 0; attempt < 50; attempt++)
        {
            var name = street
                ? CommunityHeads[rng.Next(CommunityHeads.Length)] + CommunityTails[rng.Next(CommunityTails.Length)] + "社区"
                : VillageHeads[rng.Next(VillageHeads.Length)] + VillageTails[rng.Next(VillageTails.Length)] + "村";
            if (_used.Add(name))
            {
                return name;
            }
        }

        return $"第{town + 1}镇第{index + 1}{(street ? "社区" : "村")}";
    }
}
