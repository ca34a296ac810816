using System.Text.Json;
using CivicGrid.Accounts;
using CivicGrid.Assessment.Notices;
using CivicGrid.Data;
using CivicGrid.Grid;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Assessment.Reports;

/// <summary>The kept 日调度 and 周督查 reports, as the reader may see them: a 镇街 admin only his 镇街's lines.</summary>
public sealed class ReportQueries(AppDbContext db)
{
    public const int ListLimit = 100;

    public async Task<Outcome<IReadOnlyList<ScheduledReportSummary>>> ListAsync(AccessScope scope, string? kind, CancellationToken ct = default)
    {
        if (!AssessmentAccess.CanRead(scope))
        {
            return Outcome<IReadOnlyList<ScheduledReportSummary>>.Forbidden("您无权查看调度与督查报告。");
        }

        var q = db.Set<ScheduledReport>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(kind))
        {
            if (ScheduledReportKinds.Parse(kind) is not { } k)
            {
                return Outcome<IReadOnlyList<ScheduledReportSummary>>.Invalid("kind", "报告类型（kind）应为 daily（日调度）或 weekly（周督查）。");
            }

            q = q.Where(r => r.Kind == k);
        }

        var rows = await q.OrderByDescending(r => r.GeneratedAt).ThenByDescending(r => r.Id).Take(ListLimit)
            .Select(r => new { r.Id, r.Kind, r.PeriodKey, r.Title, r.GeneratedAt }).ToListAsync(ct);
        return Outcome<IReadOnlyList<ScheduledReportSummary>>.Ok(rows.Select(r => new ScheduledReportSummary(r.Id, ScheduledReportKinds.ApiName(r.Kind),
            ScheduledReportKinds.ChineseName(r.Kind), r.PeriodKey, r.Title, r.GeneratedAt)).ToList());
    }

    public async Task<Outcome<ScheduledReportView>> GetAsync(AccessScope scope, long id, CancellationToken ct = default)
    {
        if (!AssessmentAccess.CanRead(scope))
        {
            return Outcome<ScheduledReportView>.Forbidden("您无权查看调度与督查报告。");
        }

        var report = await db.Set<ScheduledReport>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return Outcome<ScheduledReportView>.NotFound("报告不存在。");
        }

        var district = await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.District).Select(r => r.Code).FirstOrDefaultAsync(ct) ?? "";
        var view = View(report);
        if (scope.CanReadSubtree(district))
        {
            return Outcome<ScheduledReportView>.Ok(view);
        }

        // Departments and the district's summary are for those who read the whole district (as with the rankings).
        var sections = view.Content.Sections.Where(s => s.SubjectKind != SubjectKinds.ApiName(SubjectKind.Department))
            .Select(s => s with { Rows = s.Rows.Where(r => scope.CanReadSubtree(r.Code)).ToList() }).ToList();
        return Outcome<ScheduledReportView>.Ok(view with { Content = view.Content with { Summary = "", Sections = sections } });
    }

    public async Task<Outcome<byte[]>> ExcelAsync(AccessScope scope, long id, CancellationToken ct = default)
    {
        var report = await GetAsync(scope, id, ct);
        return report.Succeeded
            ? Outcome<byte[]>.Ok(ExcelSheet.Write(Rows(report.Value!.Content)))
            : new Outcome<byte[]>(report.Status, null, report.Message, report.Problems);
    }

    /// <summary>One sheet: a line per subject, the section (各镇街/各职能部门) in the first column, rates as percentages.</summary>
    public static IEnumerable<IDictionary<string, object?>> Rows(ReportContent content)
    {
        foreach (var section in content.Sections)
        {
            foreach (var row in section.Rows)
            {
                var line = new Dictionary<string, object?> { ["分组"] = section.Title, ["名称"] = row.Name, ["编码"] = row.Code };
                for (var i = 0; i < section.Columns.Count; i++)
                {
                    line[section.Columns[i].Name] = section.Columns[i].IsRate ? RankingTable.Percent(row.Values[i]) : row.Values[i];
                }

                yield return line;
            }
        }
    }

    internal static ScheduledReportView View(ScheduledReport r) =>
        new(r.Id, ScheduledReportKinds.ApiName(r.Kind), ScheduledReportKinds.ChineseName(r.Kind), r.PeriodKey, r.GeneratedAt,
            JsonSerializer.Deserialize<ReportContent>(r.ContentJson, ComputeScores.Json)!);
}
