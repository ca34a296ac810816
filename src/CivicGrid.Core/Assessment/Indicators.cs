using CivicGrid.Assessment.Figures;

namespace CivicGrid.Assessment;

public enum IndicatorUnit
{
    /// <summary>A fraction 0–1 (shown as a percentage).</summary>
    Rate,
    Count,
    Hours,
}

/// <summary>A figure's sums over a period for one subject (plus 超期未结, which is cumulative up to the period's end).</summary>
public sealed record FigureTotals(long[] Sums, long OverdueOpen, PointTotals Points)
{
    public long this[Figure f] => Sums[(int)f];
}

/// <summary>Inspection points with a latest inspection and how many of them passed (see <c>PointFigures</c>).</summary>
public sealed record PointTotals(int Inspected, int Passed);

/// <summary>
/// An indicator of the catalog: its Chinese name (the key in the API), formula as documented in the console, and the
/// computation. <see cref="HigherIsBetter"/> tells the scoring rules which direction earns points.
/// </summary>
public sealed record Indicator(string Key, string Name, IndicatorUnit Unit, bool HigherIsBetter, string Formula, string Source,
    Func<FigureTotals, IndicatorSettings, double?> Compute);

public sealed record IndicatorSettings(double BasicallySatisfiedWeight = 0.9);

public static class Indicators
{
    private static double? Ratio(long numerator, long denominator) => denominator == 0 ? null : Math.Round((double)numerator / denominator, 4);

    public static readonly IReadOnlyList<Indicator> All =
    [
        new("registered", "立案数", IndicatorUnit.Count, true, "本期立案的案卷数（按立案日）", "案卷",
            (t, _) => t[Figure.Registered]),
        new("dispatched", "派遣数", IndicatorUnit.Count, true, "本期派遣的案卷数（按最近一次派遣日）", "案卷",
            (t, _) => t[Figure.Dispatched]),
        new("closed", "结案数", IndicatorUnit.Count, true, "本期结案的案卷数（按结案日；重新办理的案卷以最后一次结案为准）", "案卷",
            (t, _) => t[Figure.Closed]),
        new("closeRate", "结案率", IndicatorUnit.Rate, true, "本期立案案卷中已结案数 ÷ 本期立案数", "案卷",
            (t, _) => Ratio(t[Figure.RegisteredClosed], t[Figure.Registered])),
        new("onTimeRate", "按期结案率", IndicatorUnit.Rate, true, "本期在处置时限（含批准的延期）内结案数 ÷ 本期结案数；挂账过的案卷不计入分子分母", "案卷",
            (t, _) => Ratio(t[Figure.ClosedOnTime], t[Figure.ClosedTimed])),
        new("reworkRate", "返工率", IndicatorUnit.Rate, false, "本期结案案卷中返工过（核查返工或群众不满意重新办理）的案卷数 ÷ 本期结案数", "案卷",
            (t, _) => Ratio(t[Figure.ClosedReworked], t[Figure.Closed])),
        new("reworkTimes", "返工次数", IndicatorUnit.Count, false, "本期结案案卷的返工与重新办理次数之和（用于“每返工一次扣分”）", "案卷",
            (t, _) => t[Figure.ReworkTimes]),
        new("postponeRate", "延期率", IndicatorUnit.Rate, false, "本期派遣案卷中申请并获批延期的案卷数 ÷ 本期派遣数", "案卷",
            (t, _) => Ratio(t[Figure.DispatchedPostponed], t[Figure.Dispatched])),
        new("overdueOpen", "超期未结数", IndicatorUnit.Count, false, "截至期末（按日）已过处置时限仍未结案的案卷数；挂账案卷不计", "案卷",
            (t, _) => t.OverdueOpen),
        new("handlingHours", "平均处置时长", IndicatorUnit.Hours, false, "本期结案案卷（结案时间 − 派遣时间，自行处置的为立案时间）之和 ÷ 本期结案数，单位小时", "案卷",
            (t, _) => t[Figure.Closed] == 0 ? null : Math.Round(t[Figure.HandlingMinutes] / 60.0 / t[Figure.Closed], 2)),
        new("ackRate", "按时报到率", IndicatorUnit.Rate, true, "本期派遣（吹哨）给单位的次数中在报到时限内签收（报到）的次数 ÷ 派遣次数；主办和协办单位各计，尚未报到的计入分母", "案卷",
            (t, _) => Ratio(t[Figure.AckOnTime], t[Figure.AckDue])),
        new("responseRate", "响应率", IndicatorUnit.Rate, true, "本期评价的案卷中回访时已联系诉求人的数 ÷ 本期评价数", "评价",
            (t, _) => Ratio(t[Figure.Contacted], t[Figure.Evaluated])),
        new("solveRate", "解决率", IndicatorUnit.Rate, true, "本期评价的案卷中诉求人认为已解决的数 ÷ 本期评价数", "评价",
            (t, _) => Ratio(t[Figure.Solved], t[Figure.Evaluated])),
        new("satisfactionRate", "满意率", IndicatorUnit.Rate, true, "（满意数 + 基本满意数 × 基本满意权重（默认0.9））÷ 本期评价数", "评价",
            (t, s) => t[Figure.Evaluated] == 0 ? null
                : Math.Round((t[Figure.Satisfied] + t[Figure.BasicallySatisfied] * s.BasicallySatisfiedWeight) / t[Figure.Evaluated], 4)),
        new("pointPassRate", "点位达标率", IndicatorUnit.Rate, true, "辖区内最近一次检查在期末前且无不达标项的点位数 ÷ 期末前检查过的点位数（读取点位的最近检查结果）", "督查",
            (t, _) => Ratio(t.Points.Passed, t.Points.Inspected)),
        new("rectifyRate", "问题整改率", IndicatorUnit.Rate, true, "本期立案的督查发现问题（来源为督查）中已结案数 ÷ 本期立案的督查发现问题数", "督查",
            (t, _) => Ratio(t[Figure.InspectionRegisteredClosed], t[Figure.InspectionRegistered])),
    ];

    public static Indicator? Find(string key) => All.FirstOrDefault(i => i.Key == key || i.Name == key);
}
