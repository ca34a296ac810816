using System.Globalization;
using CivicGrid.Accounts;
using CivicGrid.Assessment.Figures;
using CivicGrid.Cases;
using CivicGrid.Cases.Catalog;
using CivicGrid.Data;
using CivicGrid.Grid;
using CivicGrid.Platform;
using CivicGrid.Platform.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Assessment.Dashboard;

/// <summary>
/// The 数据大屏 of an area (区, 镇街 or 村居) from the daily figures, never by scanning the case table: only the map of a
/// 村居's 单元网格 counts cases, because the figures stop at the 村居; that is one 村居's cases of one month.
/// </summary>
public sealed class DashboardQueries(AppDbContext db, IServiceScopeFactory scopes, TimeProvider clock)
{
    public const int TrendDays = 30;
    public const int TopProblemCount = 5;

    public async Task<Outcome<DashboardView>> LoadAsync(AccessScope scope, string? areaCode, CancellationToken ct = default)
    {
        if (!AssessmentAccess.CanRead(scope))
        {
            return Outcome<DashboardView>.Forbidden("您无权查看数据大屏。");
        }

        var code = string.IsNullOrWhiteSpace(areaCode) ? await DefaultAreaAsync(scope, ct) : areaCode.Trim();
        if (code is null)
        {
            return Outcome<DashboardView>.Forbidden("您的账户没有可查看的区域。");
        }

        if (RegionLevels.FromCode(code) is not { } level || level == RegionLevel.Cell)
        {
            return Outcome<DashboardView>.Invalid("region", "区域（region）应为区、镇街或村居的编码；单元网格在所属村居的地图上查看。");
        }

        if (!scope.CanReadSubtree(code))
        {
            return Outcome<DashboardView>.Forbidden("您无权查看该区域的数据。");
        }

        var area = await db.Regions.AsNoTracking().Where(r => r.Code == code).Select(r => new { r.Code, r.Name, r.Level }).FirstOrDefaultAsync(ct);
        if (area is null)
        {
            return Outcome<DashboardView>.NotFound($"区域 {code} 不存在。");
        }

        var now = clock.GetUtcNow();
        var todayDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, WorkingCalendar.ChinaTimeZone).DateTime);
        var today = AssessmentPeriod.DayNumber(todayDate);
        var month = AssessmentPeriod.Parse(todayDate.ToString("yyyy-MM", CultureInfo.InvariantCulture), PeriodKind.Month)!;
        // The ranking is the heaviest part; it runs on its own connection while the figures below are read.
        var rankingTask = RankingAsync(scope, level, code, month.Key, ct);
        var figures = Rows(level, code);
        var todaySums = await SumAsync(figures.Where(f => f.Day == today), ct);
        var monthSums = await SumAsync(figures.Where(f => f.Day >= month.FirstDay && f.Day <= month.LastDay), ct);
        var (overdue, overdueByChild) = await OverdueAsync(level, code, todayDate, ct);
        var weight = await db.Set<Scheme>().AsNoTracking().Where(s => s.IsDefault && s.SubjectKind == SubjectKind.Town)
            .Select(s => (double?)s.BasicallySatisfiedWeight).FirstOrDefaultAsync(ct) ?? new IndicatorSettings().BasicallySatisfiedWeight;
        var totals = new FigureTotals(monthSums, overdue, new PointTotals(0, 0));
        var settings = new IndicatorSettings(weight);

        var ranking = await rankingTask;
        return Outcome<DashboardView>.Ok(new DashboardView(
            new DashboardArea(area.Code, area.Name, RegionLevels.ApiName(area.Level)),
            await PathAsync(scope, code, ct),
            level == RegionLevel.Community ? RegionLevels.ApiName(RegionLevel.Cell) : RegionLevels.ApiName(level + 1),
            month.Key, month.ChineseName,
            new DashboardToday(todaySums[(int)Figure.Registered], todaySums[(int)Figure.Dispatched], todaySums[(int)Figure.Closed],
                todaySums[(int)Figure.Evaluated], overdue),
            monthSums[(int)Figure.Registered], monthSums[(int)Figure.Closed],
            Indicators.Find("onTimeRate")!.Compute(totals, settings), Indicators.Find("satisfactionRate")!.Compute(totals, settings),
            await TrendAsync(figures, todayDate, ct),
            await CategoriesAsync(figures, month.FirstDay, month.LastDay, 0, 0, ct),
            (await CategoriesAsync(figures, AssessmentPeriod.DayNumber(todayDate.AddDays(-6)), today,
                AssessmentPeriod.DayNumber(todayDate.AddDays(-13)), AssessmentPeriod.DayNumber(todayDate.AddDays(-7)), ct)).Take(TopProblemCount).ToList(),
            ranking,
            await RegionsAsync(scope, level, code, month, now, overdueByChild, ranking, ct),
            now));
    }

    /// <summary>The district when the caller reads all of it, else the widest region of his scope.</summary>
    private async Task<string?> DefaultAreaAsync(AccessScope scope, CancellationToken ct)
    {
        var districts = await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.District).OrderBy(r => r.Code).Select(r => r.Code).ToListAsync(ct);
        return districts.FirstOrDefault(scope.CanReadSubtree)
            ?? scope.ReadableRegionPrefixes.Where(p => RegionLevels.FromCode(p) is RegionLevel.Town or RegionLevel.Community)
                .OrderBy(p => p.Length).ThenBy(p => p, StringComparer.Ordinal).FirstOrDefault();
    }

    /// <summary>
    /// The area's figures by day and category: a 镇街 or the district from the per-镇街 roll-up, a 村居 from the daily
    /// figures. Cases without a known place count for the district as a whole.
    /// </summary>
    private IQueryable<DashboardRow> Rows(RegionLevel level, string code)
    {
        var towns = db.Set<TownDailyFigure>().AsNoTracking();
        return level switch
        {
            RegionLevel.District => Project(towns.Where(f => f.TownCode == "" || f.TownCode.StartsWith(code))),
            RegionLevel.Town => Project(towns.Where(f => f.TownCode == code)),
            _ => db.Set<DailyFigure>().AsNoTracking().Where(f => f.CommunityCode == code).Select(f => new DashboardRow
            {
                Day = f.Day,
                CategoryTop = f.CategoryTop,
                Registered = f.Registered,
                Dispatched = f.Dispatched,
                Closed = f.Closed,
                ClosedTimed = f.ClosedTimed,
                ClosedOnTime = f.ClosedOnTime,
                Evaluated = f.Evaluated,
                Satisfied = f.Satisfied,
                BasicallySatisfied = f.BasicallySatisfied,
            }),
        };

        static IQueryable<DashboardRow> Project(IQueryable<TownDailyFigure> q) => q.Select(f => new DashboardRow
        {
            Day = f.Day,
            CategoryTop = f.CategoryTop,
            Registered = f.Registered,
            Dispatched = f.Dispatched,
            Closed = f.Closed,
            ClosedTimed = f.ClosedTimed,
            ClosedOnTime = f.ClosedOnTime,
            Evaluated = f.Evaluated,
            Satisfied = f.Satisfied,
            BasicallySatisfied = f.BasicallySatisfied,
        });
    }

    /// <summary>A figure row of the area (member-initialized, so EF translates the filters and groupings that follow).</summary>
    private sealed class DashboardRow
    {
        public int Day { get; init; }
        public required string CategoryTop { get; init; }
        public long Registered { get; init; }
        public long Dispatched { get; init; }
        public long Closed { get; init; }
        public long ClosedTimed { get; init; }
        public long ClosedOnTime { get; init; }
        public long Evaluated { get; init; }
        public long Satisfied { get; init; }
        public long BasicallySatisfied { get; init; }
    }

    /// <summary>
    /// Cases overdue and still open at the end of today in the area and per child (镇街 of the district, 村居 of a 镇街),
    /// from the same per-subject balances the scores use.
    /// </summary>
    private async Task<(long Total, Dictionary<string, long> ByChild)> OverdueAsync(RegionLevel level, string code, DateOnly today, CancellationToken ct)
    {
        var bySubject = await SubjectFigures.OverdueAsync(db, level == RegionLevel.District ? SubjectKind.Town : SubjectKind.Community, today, ct);
        // Cases without a known place count for the district as a whole.
        var byChild = bySubject.Where(p => level switch
        {
            RegionLevel.District => p.Key == "" || p.Key.StartsWith(code, StringComparison.Ordinal),
            RegionLevel.Town => p.Key.StartsWith(code, StringComparison.Ordinal),
            _ => p.Key == code,
        }).ToDictionary();
        return (byChild.Values.Sum(), byChild);
    }

    /// <summary>Breadcrumb from the widest readable ancestor down to the area.</summary>
    private async Task<List<DashboardArea>> PathAsync(AccessScope scope, string code, CancellationToken ct)
    {
        var codes = new[] { 6, 9, 12 }.Where(n => n <= code.Length).Select(n => code[..n]).Where(scope.CanReadSubtree).ToList();
        var regions = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).Select(r => new { r.Code, r.Name, r.Level }).ToListAsync(ct);
        return regions.OrderBy(r => r.Code.Length).Select(r => new DashboardArea(r.Code, r.Name, RegionLevels.ApiName(r.Level))).ToList();
    }

    private static async Task<long[]> SumAsync(IQueryable<DashboardRow> q, CancellationToken ct)
    {
        var rows = await q.GroupBy(f => 1).Select(g => new
        {
            Registered = g.Sum(f => f.Registered),
            Dispatched = g.Sum(f => f.Dispatched),
            Closed = g.Sum(f => f.Closed),
            ClosedTimed = g.Sum(f => f.ClosedTimed),
            ClosedOnTime = g.Sum(f => f.ClosedOnTime),
            Evaluated = g.Sum(f => f.Evaluated),
            Satisfied = g.Sum(f => f.Satisfied),
            BasicallySatisfied = g.Sum(f => f.BasicallySatisfied),
        }).ToListAsync(ct);
        var row = rows.FirstOrDefault();
        var sums = new long[FigureSet.Count];
        if (row is not null)
        {
            sums[(int)Figure.Registered] = row.Registered;
            sums[(int)Figure.Dispatched] = row.Dispatched;
            sums[(int)Figure.Closed] = row.Closed;
            sums[(int)Figure.ClosedTimed] = row.ClosedTimed;
            sums[(int)Figure.ClosedOnTime] = row.ClosedOnTime;
            sums[(int)Figure.Evaluated] = row.Evaluated;
            sums[(int)Figure.Satisfied] = row.Satisfied;
            sums[(int)Figure.BasicallySatisfied] = row.BasicallySatisfied;
        }

        return sums;
    }

    private static async Task<List<DashboardDay>> TrendAsync(IQueryable<DashboardRow> figures, DateOnly today, CancellationToken ct)
    {
        var first = AssessmentPeriod.DayNumber(today.AddDays(1 - TrendDays));
        var last = AssessmentPeriod.DayNumber(today);
        var rows = await figures.Where(f => f.Day >= first && f.Day <= last).GroupBy(f => f.Day)
            .Select(g => new { Day = g.Key, Registered = g.Sum(f => f.Registered), Closed = g.Sum(f => f.Closed) })
            .ToDictionaryAsync(r => r.Day, ct);
        return Enumerable.Range(0, TrendDays).Select(i => today.AddDays(i + 1 - TrendDays)).Select(d =>
        {
            var row = rows.GetValueOrDefault(AssessmentPeriod.DayNumber(d));
            return new DashboardDay(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), row?.Registered ?? 0, row?.Closed ?? 0);
        }).ToList();
    }

    /// <summary>Cases per top-level category in [first, last], most first, with the count in [previousFirst, previousLast].</summary>
    private async Task<List<DashboardCategory>> CategoriesAsync(IQueryable<DashboardRow> figures, int first, int last, int previousFirst, int previousLast,
        CancellationToken ct)
    {
        var current = await figures.Where(f => f.Day >= first && f.Day <= last).GroupBy(f => f.CategoryTop)
            .Select(g => new { g.Key, N = g.Sum(f => f.Registered) }).ToListAsync(ct);
        var previous = previousFirst == 0 ? []
            : await figures.Where(f => f.Day >= previousFirst && f.Day <= previousLast).GroupBy(f => f.CategoryTop)
                .Select(g => new { g.Key, N = g.Sum(f => f.Registered) }).ToDictionaryAsync(r => r.Key, r => r.N, ct);
        var codes = current.Select(c => c.Key).ToList();
        var names = await db.Set<CaseCategory>().AsNoTracking().Where(c => codes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, c => c.Name, ct);
        return current.Where(c => c.N > 0)
            .Select(c => new DashboardCategory(c.Key, names.GetValueOrDefault(c.Key) ?? (c.Key == "" ? "未分类" : c.Key), c.N, previous.GetValueOrDefault(c.Key)))
            .OrderByDescending(c => c.Cases).ThenBy(c => c.Code, StringComparer.Ordinal).ToList();
    }

    /// <summary>The month's ranking of the area's children (镇街 of the district, 村居 of a 镇街, the 村居 beside a 村居).</summary>
    private async Task<ScoreBoard?> RankingAsync(AccessScope scope, RegionLevel level, string code, string month, CancellationToken ct)
    {
        var kind = level == RegionLevel.District ? "town" : "community";
        var prefix = level == RegionLevel.Community ? code[..9] : code;
        await Task.Yield();
        await using var own = scopes.CreateAsyncScope();
        var board = await own.ServiceProvider.GetRequiredService<AssessmentReports>().BoardAsync(scope, kind, month, ct);
        return board.Succeeded ? board.Value! with { Items = board.Value!.Items.Where(i => i.SubjectCode.StartsWith(prefix, StringComparison.Ordinal)).ToList() } : null;
    }

    private async Task<List<DashboardRegion>> RegionsAsync(AccessScope scope, RegionLevel level, string code, AssessmentPeriod month,
        DateTimeOffset now, Dictionary<string, long> overdueByChild, ScoreBoard? ranking, CancellationToken ct)
    {
        var children = (await db.Regions.AsNoTracking().Where(r => r.ParentCode == code).OrderBy(r => r.SortOrder).ThenBy(r => r.Code)
            .Select(r => new { r.Code, r.Name, r.AreaSquareMetres }).ToListAsync(ct)).Where(r => scope.CanReadRegion(r.Code)).ToList();
        Dictionary<string, long> cases;
        var overdue = overdueByChild;
        if (level == RegionLevel.Community)
        {
            (cases, overdue) = await CellCountsAsync(code, month, now, ct);
        }
        else
        {
            var monthNumber = FigureSpans.MonthNumber(month.First);
            var months = db.Set<MonthlyFigure>().AsNoTracking().Where(f => f.Month == monthNumber);
            cases = level == RegionLevel.District
                ? await months.Where(f => f.TownCode.StartsWith(code)).GroupBy(f => f.TownCode)
                    .Select(g => new { g.Key, N = g.Sum(f => f.Registered) }).ToDictionaryAsync(r => r.Key, r => r.N, ct)
                : await months.Where(f => f.TownCode == code).GroupBy(f => f.CommunityCode)
                    .Select(g => new { g.Key, N = g.Sum(f => f.Registered) }).ToDictionaryAsync(r => r.Key, r => r.N, ct);
        }

        // Beside a 村居 the ranking lists its sibling 村居, not the 单元网格 on the map.
        var scores = level == RegionLevel.Community || ranking is null ? new Dictionary<string, SubjectScore>() : ranking.Items.ToDictionary(i => i.SubjectCode);
        return children.Select(c =>
        {
            var n = cases.GetValueOrDefault(c.Code);
            var km2 = c.AreaSquareMetres / 1_000_000d;
            var score = scores.GetValueOrDefault(c.Code);
            return new DashboardRegion(c.Code, c.Name, n, km2 is > 0 ? Math.Round(n / km2.Value, 2) : null, overdue.GetValueOrDefault(c.Code),
                score?.Score, score?.Rank);
        }).ToList();
    }

    /// <summary>Cases registered this month and open overdue cases per 单元网格 of one 村居 (the figures stop at the 村居).</summary>
    private async Task<(Dictionary<string, long> Cases, Dictionary<string, long> Overdue)> CellCountsAsync(string community, AssessmentPeriod month,
        DateTimeOffset now, CancellationToken ct)
    {
        var offset = WorkingCalendar.ChinaTimeZone.BaseUtcOffset;
        var from = new DateTimeOffset(month.First.ToDateTime(TimeOnly.MinValue), offset);
        var to = new DateTimeOffset(month.Last.AddDays(1).ToDateTime(TimeOnly.MinValue), offset);
        var inCommunity = db.Set<Case>().AsNoTracking().Where(c => c.RegionCode != null && c.RegionCode.StartsWith(community));
        var cases = await inCommunity
            .Where(c => c.RegisteredAt >= from && c.RegisteredAt < to && c.Status != CaseStatus.Reported && c.Status != CaseStatus.Rejected)
            .GroupBy(c => c.RegionCode!).Select(g => new { g.Key, N = g.LongCount() }).ToDictionaryAsync(r => r.Key, r => r.N, ct);
        var overdue = await inCommunity
            .Where(c => c.Deadline < now && c.ClosedAt == null && c.Status != CaseStatus.Suspended && c.Status != CaseStatus.Merged && c.Status != CaseStatus.Rejected)
            .GroupBy(c => c.RegionCode!).Select(g => new { g.Key, N = g.LongCount() }).ToDictionaryAsync(r => r.Key, r => r.N, ct);
        return (cases, overdue);
    }
}
