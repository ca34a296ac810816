namespace CivicGrid.Assessment.Figures;

/// <summary>
/// The daily counters kept per day × 村居 × unit × category top class (see <see cref="CaseContribution"/> for which day
/// each counts on). The names are the columns of <c>assessment_daily_figures</c>; indicators are ratios of their sums.
/// </summary>
public enum Figure
{
    Registered,
    RegisteredClosed,
    Dispatched,
    DispatchedPostponed,
    Closed,
    ClosedTimed,
    ClosedOnTime,
    ClosedReworked,
    ReworkTimes,
    HandlingMinutes,
    Evaluated,
    Satisfied,
    BasicallySatisfied,
    Contacted,
    Solved,
    AckDue,
    AckOnTime,
    OverdueStarted,
    LateClosed,
    InspectionRegistered,
    InspectionRegisteredClosed,
}

public static class FigureSet
{
    public static readonly Figure[] All = Enum.GetValues<Figure>();
    public static int Count => All.Length;
}

/// <summary>The dimensions of a daily figure row; empty strings and 0 stand for "unknown".</summary>
public readonly record struct FigureKey(int Day, string CommunityCode, string TownCode, int UnitId, string CategoryTop);

/// <summary>The counters of an aggregate row; the tables differ only in their dimensions.</summary>
public abstract class FigureRow
{
    public long Registered { get; set; }
    public long RegisteredClosed { get; set; }
    public long Dispatched { get; set; }
    public long DispatchedPostponed { get; set; }
    public long Closed { get; set; }
    public long ClosedTimed { get; set; }
    public long ClosedOnTime { get; set; }
    public long ClosedReworked { get; set; }
    public long ReworkTimes { get; set; }
    public long HandlingMinutes { get; set; }
    public long Evaluated { get; set; }
    public long Satisfied { get; set; }
    public long BasicallySatisfied { get; set; }
    public long Contacted { get; set; }
    public long Solved { get; set; }
    public long AckDue { get; set; }
    public long AckOnTime { get; set; }
    public long OverdueStarted { get; set; }
    public long LateClosed { get; set; }
    public long InspectionRegistered { get; set; }
    public long InspectionRegisteredClosed { get; set; }
}

/// <summary>One row of the daily aggregate table.</summary>
public sealed class DailyFigure : FigureRow
{
    public int Day { get; set; }
    public required string CommunityCode { get; set; }
    public required string TownCode { get; set; }
    public int UnitId { get; set; }
    public required string CategoryTop { get; set; }
}

/// <summary>
/// The daily figures rolled up per month (yyyyMM) × 村居 × unit without the category: scores read a month, and the
/// open-overdue balance up to a day reads every earlier month, in a few thousand rows instead of every day's.
/// </summary>
public sealed class MonthlyFigure : FigureRow
{
    public int Month { get; set; }
    public required string TownCode { get; set; }
    public required string CommunityCode { get; set; }
    public int UnitId { get; set; }
}

/// <summary>The daily figures rolled up per day × 镇街 × category top class: what the district's and a 镇街's 数据大屏 read.</summary>
public sealed class TownDailyFigure : FigureRow
{
    public int Day { get; set; }
    public required string TownCode { get; set; }
    public required string CategoryTop { get; set; }
}

/// <summary>What a case currently adds to the daily figures, kept so the next change can take it back out.</summary>
public sealed class CaseFigureFacts
{
    public long CaseId { get; set; }

    /// <summary>Serialized <see cref="CaseContribution"/> (see <see cref="CaseContribution.Serialize"/>).</summary>
    public required string Contribution { get; set; }

    /// <summary>Callback answers and the suspended mark, which the case row itself does not keep.</summary>
    public CaseFigureFlags Flags { get; set; }
}

[Flags]
public enum CaseFigureFlags
{
    None = 0,
    Contacted = 1,
    Solved = 2,
    WasSuspended = 4,
}
