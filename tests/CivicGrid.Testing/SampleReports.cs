namespace CivicGrid.Testing;

/// <summary>
/// Residents' reports as a load would send them: realistic Chinese descriptions (each made distinct by a place and a
/// house number) at random points inside the demo district 示例区 (lon 116.45–116.85, lat 40.00–40.25).
/// </summary>
public sealed class SampleReports(int seed)
{
    private static readonly string[] Places = ["小区北门", "菜市场门口", "公交站旁", "学校东侧", "社区服务中心前", "公园南门", "地铁口", "超市后面", "老旧小区3号院", "河道边步道"];

    private static readonly string[] Problems =
    [
        "有人占道经营摆摊卖水果，把人行道都堵住了",
        "垃圾桶满了好几天没人清运，气味很大",
        "井盖破损，行人容易踩空",
        "路灯不亮，晚上很黑",
        "共享单车乱停乱放，挡住了盲道",
        "墙上有小广告乱贴乱画",
        "电动车在楼道里飞线充电，很危险",
        "施工工地夜间噪音扰民",
        "绿化带里堆满建筑垃圾",
        "下水道堵塞，污水漫到路面上",
        "机动车违章停在消防通道上",
        "店铺油烟直排，呛得人睁不开眼",
    ];

    private readonly Random _random = new(seed);

    /// <summary>A point well inside the district (a margin from its edge).</summary>
    public (double Lon, double Lat) Point()
    {
        lock (_random)
        {
            return (Math.Round(116.46 + (_random.NextDouble() * 0.38), 6), Math.Round(40.01 + (_random.NextDouble() * 0.23), 6));
        }
    }

    /// <summary>The n-th distinct description.</summary>
    public static string Description(int n) =>
        $"{Places[n % Places.Length]}{(n / Places.Length) + 1}号楼附近{Problems[(n / 7) % Problems.Length]}";

    /// <summary>A body for POST /api/v1/cases: the n-th description at a random point, with an idempotency key.</summary>
    public object Citizen(string keyPrefix, int n)
    {
        var (lon, lat) = Point();
        return new { description = Description(n), lon, lat, source = "citizen", idempotencyKey = $"{keyPrefix}-{n}" };
    }
}
