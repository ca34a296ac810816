namespace CivicGrid.Safety;

/// <summary>
/// The standard value tables of the LEC method (作业条件危险性分析法): only these values may be chosen,
/// and D = L × E × C falls in one of five danger bands.
/// </summary>
public static class LecTables
{
    public sealed record Choice(double Value, string Meaning);

    public static IReadOnlyList<Choice> Likelihood { get; } =
    [
        new(10, "完全可以预料"), new(6, "相当可能"), new(3, "可能，但不经常"), new(1, "可能性小，完全意外"),
        new(0.5, "很不可能，可以设想"), new(0.2, "极不可能"), new(0.1, "实际不可能"),
    ];

    public static IReadOnlyList<Choice> Exposure { get; } =
    [
        new(10, "连续暴露"), new(6, "每天工作时间内暴露"), new(3, "每周一次或偶然暴露"), new(2, "每月一次暴露"),
        new(1, "每年几次暴露"), new(0.5, "非常罕见地暴露"),
    ];

    public static IReadOnlyList<Choice> Consequence { get; } =
    [
        new(100, "大灾难，许多人死亡"), new(40, "灾难，数人死亡"), new(15, "非常严重，一人死亡"), new(7, "严重，重伤"),
        new(3, "重大，致残"), new(1, "引人注目，需要救护"),
    ];

    public static bool IsTableValue(IReadOnlyList<Choice> table, double value) => table.Any(c => Math.Abs(c.Value - value) < 1e-9);

    /// <summary>D = L × E × C, rounded to two decimals so 0.1 × 3 × 1 is 0.3, not 0.30000000000000004.</summary>
    public static double Score(double l, double e, double c) => Math.Round(l * e * c, 2);

    /// <summary>The classic five bands: &gt;320, 160–320, 70–160, 20–70, &lt;20 (an upper bound belongs to the lower band).</summary>
    public static string BandName(double d) => d switch
    {
        > 320 => "极其危险，不能继续作业",
        > 160 => "高度危险，需立即整改",
        > 70 => "显著危险，需要整改",
        > 20 => "一般危险，需要注意",
        _ => "稍有危险，可以接受",
    };
}
