namespace CivicGrid.Assessment.Dashboard;

/// <summary>A region on the dashboard's path (区 → 镇街 → 村居 → 网格).</summary>
public sealed record DashboardArea(string Code, string Name, string Level);

/// <summary>Today's counters of the area (China time), from the daily figures.</summary>
public sealed record DashboardToday(long Registered, long Dispatched, long Closed, long Evaluated, long OverdueOpen);

/// <summary>One day of the trend: cases registered and closed that day.</summary>
public sealed record DashboardDay(string Date, long Registered, long Closed);

/// <summary>A top-level category with its cases in the period and in the period before (for 突出问题).</summary>
public sealed record DashboardCategory(string Code, string Name, long Cases, long PreviousCases);

/// <summary>
/// A child region on the map: cases registered this month, density per km², open overdue cases, and the score of
/// this month's default ranking when the child is a 镇街 or 村居.
/// </summary>
public sealed record DashboardRegion(string Code, string Name, long Cases, double? Density, long OverdueOpen, double? Score, int? Rank);

/// <summary>
/// What the 数据大屏 shows for one area: today, the 30-day trend, categories of the month, top problems (last 7 days
/// against the 7 before), the month's on-time and satisfaction rates, the ranking of the area's children and the map.
/// </summary>
public sealed record DashboardView(
    DashboardArea Area, IReadOnlyList<DashboardArea> Path, string? ChildLevel, string Month, string MonthName, DashboardToday Today,
    long MonthRegistered, long MonthClosed, double? OnTimeRate, double? SatisfactionRate, IReadOnlyList<DashboardDay> Trend,
    IReadOnlyList<DashboardCategory> Categories, IReadOnlyList<DashboardCategory> TopProblems, ScoreBoard? Ranking,
    IReadOnlyList<DashboardRegion> Regions, DateTimeOffset At);
