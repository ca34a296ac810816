using System.Globalization;
using System.Text.Json;
using CivicGrid.Accounts;
using CivicGrid.Assessment.Figures;
using CivicGrid.Cases;
using CivicGrid.Cases.Escalation;
using CivicGrid.Data;
using CivicGrid.Grid;
using CivicGrid.Organization;
using CivicGrid.Platform;
using CivicGrid.Platform.Calendar;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Assessment.Reports;

/// <summary>
/// Generates the 日调度 (a day) or 周督查 (an ISO week) report per 镇街 and department from the daily figures (督办 from
/// the day's or week's supervision events), keeps it, and the first time a period's report is made puts a notice in
/// the inboxes of the leaders, the command centre and the 镇街 admins. Generating a period again replaces its report.
/// </summary>
public sealed class GenerateReport(AppDbContext db, TimeProvider clock)
{
    /// <summary>Who reads the reports in their inbox.</summary>
    private static readonly AppRole[] Readers = [AppRole.Leader, AppRole.Dispatcher, AppRole.TownAdmin];

    public sealed record Request(string? Kind, string? Period);

    /// <summary>For the scheduler and for managers: <paramref name="request"/>'s period defaults to yesterday or last week.</summary>
    public async Task<Outcome<ScheduledReportView>> HandleAsync(AccessScope scope, Request request, CancellationToken ct = default)
    {
        if (!AssessmentAccess.CanManage(scope))
        {
            return Outcome<ScheduledReportView>.Forbidden("只有系统管理员和指挥中心可以生成调度与督查报告。");
        }

        if (ScheduledReportKinds.Parse(request.Kind) is not { } kind)
        {
            return Outcome<ScheduledReportView>.Invalid("kind", "报告类型（kind）应为 daily（日调度）或 weekly（周督查）。");
        }

        if (PeriodOf(kind, request.Period) is not { } period)
        {
            return Outcome<ScheduledReportView>.Invalid("period", kind == ScheduledReportKind.Daily
                ? "日期（period）格式应为 YYYY-MM-DD，如 2026-11-26。"
                : "周次（period）格式应为 YYYY-Www，如 2026-W48。");
        }

        var report = await GenerateAsync(kind, period, ct);
        return Outcome<ScheduledReportView>.Ok(ReportQueries.View(report));
    }

    /// <summary>The report's period: the given day or week, else yesterday (日调度) or last week (周督查) in China time.</summary>
    public AssessmentPeriod? PeriodOf(ScheduledReportKind kind, string? text)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), WorkingCalendar.ChinaTimeZone).DateTime);
        if (kind == ScheduledReportKind.Weekly)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                var lastWeek = today.AddDays(-7).ToDateTime(TimeOnly.MinValue);
                text = $"{ISOWeek.GetYear(lastWeek)}-W{ISOWeek.GetWeekOfYear(lastWeek):00}";
            }

            return AssessmentPeriod.Parse(text, PeriodKind.Week);
        }

        var day = today.AddDays(-1);
        if (!string.IsNullOrWhiteSpace(text) && !DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            return null;
        }

        return new AssessmentPeriod(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), PeriodKind.Week, day, day);
    }

    public async Task<ScheduledReport> GenerateAsync(ScheduledReportKind kind, AssessmentPeriod period, CancellationToken ct = default)
    {
        var content = kind == ScheduledReportKind.Daily ? await DailyAsync(period, ct) : await WeeklyAsync(period, ct);
        var json = JsonSerializer.Serialize(content, ComputeScores.Json);
        var now = clock.GetUtcNow();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var report = await db.Set<ScheduledReport>().FirstOrDefaultAsync(r => r.Kind == kind && r.PeriodKey == period.Key, ct);
            var isNew = report is null;
            report ??= db.Set<ScheduledReport>().Add(new ScheduledReport { Kind = kind, PeriodKey = period.Key, Title = "", ContentJson = "" }).Entity;
            report.Title = content.Title;
            report.ContentJson = json;
            report.GeneratedAt = now;
            await db.SaveChangesAsync(ct);
            if (isNew)
            {
                var readers = await db.RoleAssignments.Where(r => Readers.Contains(r.Role)).Select(r => r.UserId).Distinct().ToListAsync(ct);
                foreach (var user in readers)
                {
                    db.Add(new Notification { RecipientUserId = user, Title = content.Title, Body = content.Summary, Link = $"/reports/{report.Id}", CreatedAt = now });
                }

                await db.SaveChangesAsync(ct);
            }

            await tx.CommitAsync(ct);
            return report;
        });
    }

    private static readonly ReportColumn[] DailyColumns =
        [new("当日立案"), new("当日结案"), new("当日督办"), new("本月累计立案"), new("本月累计结案"), new("本月累计督办"), new("超期未结")];

    private async Task<ReportContent> DailyAsync(AssessmentPeriod day, CancellationToken ct)
    {
        var monthToDate = new AssessmentPeriod(day.Key, PeriodKind.Month, new DateOnly(day.First.Year, day.First.Month, 1), day.Last);
        var sections = new List<ReportSection>();
        var totals = new double[DailyColumns.Length];
        foreach (var kind in new[] { SubjectKind.Town, SubjectKind.Department })
        {
            var subjects = await SubjectsAsync(kind, ct);
            var today = await SubjectFigures.SumAsync(db, kind, day, new Dictionary<string, PointTotals>(), ct);
            var month = await SubjectFigures.SumAsync(db, kind, monthToDate, new Dictionary<string, PointTotals>(), ct);
            var supervisedToday = await SupervisedAsync(kind, day, ct);
            var supervisedMonth = await SupervisedAsync(kind, monthToDate, ct);
            var rows = subjects.Select(s =>
            {
                var t = today.GetValueOrDefault(s.Key);
                var m = month.GetValueOrDefault(s.Key);
                return new ReportRow(s.Code, s.Name, new double?[]
                {
                    t?[Figure.Registered] ?? 0, t?[Figure.Closed] ?? 0, supervisedToday.GetValueOrDefault(s.Key),
                    m?[Figure.Registered] ?? 0, m?[Figure.Closed] ?? 0, supervisedMonth.GetValueOrDefault(s.Key), t?.OverdueOpen ?? 0,
                });
            }).ToList();
            if (kind == SubjectKind.Town)
            {
                // The district's totals are the towns' plus the cases without a known place.
                totals = Enumerable.Range(0, DailyColumns.Length).Select(i => rows.Sum(r => r.Values[i] ?? 0)).ToArray();
                var unplaced = today.GetValueOrDefault("");
                totals[0] += unplaced?[Figure.Registered] ?? 0;
                totals[1] += unplaced?[Figure.Closed] ?? 0;
                totals[6] += unplaced?.OverdueOpen ?? 0;
            }

            sections.Add(new ReportSection(kind == SubjectKind.Town ? "各镇街" : "各职能部门", SubjectKinds.ApiName(kind), DailyColumns, rows));
        }

        var name = day.First.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
        var summary = $"{name}全区新立案 {totals[0]:0} 件、结案 {totals[1]:0} 件、督办 {totals[2]:0} 件；本月累计立案 {totals[3]:0} 件、结案 {totals[4]:0} 件；当前超期未结 {totals[6]:0} 件。";
        return new ReportContent($"日调度报告（{name}）", name, summary, sections);
    }

    private static readonly ReportColumn[] WeeklyColumns =
        [new("立案数"), new("结案数"), new("结案率", true), new("按期结案率", true), new("返工率", true), new("满意率", true), new("超期未结数"), new("督办次数")];

    private async Task<ReportContent> WeeklyAsync(AssessmentPeriod week, CancellationToken ct)
    {
        var weight = await db.Set<Scheme>().AsNoTracking().Where(s => s.IsDefault && s.SubjectKind == SubjectKind.Town)
            .Select(s => (double?)s.BasicallySatisfiedWeight).FirstOrDefaultAsync(ct) ?? new IndicatorSettings().BasicallySatisfiedWeight;
        var settings = new IndicatorSettings(weight);
        var empty = new FigureTotals(new long[FigureSet.Count], 0, new PointTotals(0, 0));
        var sections = new List<ReportSection>();
        foreach (var kind in new[] { SubjectKind.Town, SubjectKind.Department })
        {
            var subjects = await SubjectsAsync(kind, ct);
            var sums = await SubjectFigures.SumAsync(db, kind, week, new Dictionary<string, PointTotals>(), ct);
            var supervised = await SupervisedAsync(kind, week, ct);
            var rows = subjects.Select(s =>
            {
                var t = sums.GetValueOrDefault(s.Key) ?? empty;
                double? Rate(string key) => Indicators.Find(key)!.Compute(t, settings);
                return new ReportRow(s.Code, s.Name, new double?[]
                {
                    t[Figure.Registered], t[Figure.Closed], Rate("closeRate"), Rate("onTimeRate"), Rate("reworkRate"), Rate("satisfactionRate"),
                    t.OverdueOpen, supervised.GetValueOrDefault(s.Key),
                });
            }).OrderByDescending(r => r.Values[6]).ThenByDescending(r => r.Values[7]).ThenBy(r => r.Code, StringComparer.Ordinal).ToList();
            sections.Add(new ReportSection(kind == SubjectKind.Town ? "各镇街" : "各职能部门", SubjectKinds.ApiName(kind), WeeklyColumns, rows));
        }

        var towns = sections[0].Rows;
        var worst = towns.Where(r => r.Values[6] > 0).Take(3).Select(r => $"{r.Name}（{r.Values[6]:0}件）").ToList();
        var summary = $"{week.ChineseName}全区立案 {towns.Sum(r => r.Values[0]):0} 件、结案 {towns.Sum(r => r.Values[1]):0} 件、督办 {towns.Sum(r => r.Values[7]):0} 次"
            + (worst.Count > 0 ? $"；超期未结较多的镇街：{string.Join("、", worst)}，请督促整改。" : "。");
        return new ReportContent($"周督查报告（{week.ChineseName}）", week.ChineseName, summary, sections);
    }

    private sealed record Subject(string Code, string Name, string Key);

    private async Task<List<Subject>> SubjectsAsync(SubjectKind kind, CancellationToken ct)
    {
        if (kind == SubjectKind.Town)
        {
            return (await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Town).OrderBy(r => r.Code).Select(r => new { r.Code, r.Name }).ToListAsync(ct))
                .Select(r => new Subject(r.Code, r.Name, r.Code)).ToList();
        }

        return (await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Department && u.IsActive).OrderBy(u => u.Code)
                .Select(u => new { u.Id, u.Code, u.Name }).ToListAsync(ct))
            .Select(u => new Subject(u.Code, u.Name, u.Id.ToString(CultureInfo.InvariantCulture))).ToList();
    }

    /// <summary>督办 (yellow and red cards) raised in the period, per 镇街 code or lead unit id.</summary>
    private async Task<Dictionary<string, long>> SupervisedAsync(SubjectKind kind, AssessmentPeriod period, CancellationToken ct)
    {
        var offset = WorkingCalendar.ChinaTimeZone.BaseUtcOffset;
        var from = new DateTimeOffset(period.First.ToDateTime(TimeOnly.MinValue), offset);
        var to = new DateTimeOffset(period.Last.AddDays(1).ToDateTime(TimeOnly.MinValue), offset);
        var caseIds = await db.Set<CaseEvent>().AsNoTracking().Where(e => e.Kind == EscalationSweep.SuperviseKind && e.At >= from && e.At < to)
            .Select(e => e.CaseId).ToListAsync(ct);
        var result = new Dictionary<string, long>();
        foreach (var chunk in caseIds.Distinct().Chunk(500))
        {
            var cases = await db.Set<Case>().AsNoTracking().Where(c => chunk.Contains(c.Id))
                .Select(c => new
                {
                    c.Id,
                    c.RegionCode,
                    Lead = c.Assignments.Where(a => a.IsLead).OrderByDescending(a => a.IsActive).ThenByDescending(a => a.Round).Select(a => a.UnitId).FirstOrDefault(),
                }).ToDictionaryAsync(c => c.Id, ct);
            foreach (var id in caseIds.Where(chunk.Contains))
            {
                var c = cases[id];
                var key = kind == SubjectKind.Town ? (c.RegionCode is { Length: >= 9 } r ? r[..9] : "") : c.Lead.ToString(CultureInfo.InvariantCulture);
                result[key] = result.GetValueOrDefault(key) + 1;
            }
        }

        return result;
    }
}
