using CivicGrid.Accounts;
using CivicGrid.Assessment.Notices;
using CivicGrid.Cases;
using CivicGrid.Data;
using CivicGrid.Platform;
using CivicGrid.Platform.Calendar;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Assessment;

public sealed record CaseBehindScore(long Id, string Number, string Status, string? CategoryCode, string? RegionCode, DateTimeOffset? RegisteredAt,
    DateTimeOffset? ClosedAt, DateTimeOffset? Deadline, int ReworkCount, bool Overdue, string Description);

/// <summary>What is built on a ranking: the notice (.docx), the Excel table, the red/black list and the cases behind a score.</summary>
public sealed class AssessmentReports(AppDbContext db, ComputeScores scores, SchemeQueries schemes, TimeProvider clock)
{
    public async Task<Outcome<ScoreBoard>> BoardAsync(AccessScope scope, string? subjectKind, string? period, CancellationToken ct)
    {
        await schemes.EnsureDefaultsAsync(ct);
        return await scores.DefaultAsync(scope, subjectKind, period, ct);
    }

    public async Task<Outcome<byte[]>> NoticeAsync(AccessScope scope, string? subjectKind, string? period, HonourRule rule, CancellationToken ct)
    {
        var board = await BoardAsync(scope, subjectKind, period, ct);
        if (!board.Succeeded)
        {
            return new Outcome<byte[]>(board.Status, null, board.Message, board.Problems);
        }

        var b = board.Value!;
        var honours = HonourList.From(b.Items, rule);
        var problems = new List<TypicalProblem>();
        foreach (var s in honours.Black)
        {
            var cases = await BehindAsync(b, s.SubjectCode, onlyProblems: true, take: 2, ct);
            problems.AddRange(cases.Select(c => new TypicalProblem(c.Number, s.SubjectName, Shorten(c.Description),
                c.Overdue ? "超期未结" : c.ReworkCount > 0 ? $"返工{c.ReworkCount}次" : "超期结案")));
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), WorkingCalendar.ChinaTimeZone).DateTime);
        return Outcome<byte[]>.Ok(NoticeDocument.Create(b, honours, problems, today));
    }

    /// <summary>下钻: the cases registered in the period under a subject (only the problem ones when asked: overdue or reworked).</summary>
    public async Task<Outcome<IReadOnlyList<CaseBehindScore>>> DrillDownAsync(AccessScope scope, string? subjectKind, string? period, string subjectCode, CancellationToken ct)
    {
        var board = await BoardAsync(scope, subjectKind, period, ct);
        if (!board.Succeeded)
        {
            return new Outcome<IReadOnlyList<CaseBehindScore>>(board.Status, null, board.Message, board.Problems);
        }

        if (board.Value!.Items.All(i => i.SubjectCode != subjectCode))
        {
            return Outcome<IReadOnlyList<CaseBehindScore>>.NotFound($"考评对象 {subjectCode} 不存在或您无权查看。");
        }

        return Outcome<IReadOnlyList<CaseBehindScore>>.Ok(await BehindAsync(board.Value, subjectCode, onlyProblems: false, take: 500, ct));
    }

    private async Task<List<CaseBehindScore>> BehindAsync(ScoreBoard board, string subjectCode, bool onlyProblems, int take, CancellationToken ct)
    {
        var scheme = await db.Set<Scheme>().AsNoTracking().FirstAsync(s => s.Id == board.SchemeId, ct);
        var period = AssessmentPeriod.Parse(board.Period, scheme.PeriodKind, scheme.MonthStartDay)!;
        var offset = WorkingCalendar.ChinaTimeZone.BaseUtcOffset;
        var from = new DateTimeOffset(period.First.ToDateTime(TimeOnly.MinValue), offset);
        var to = new DateTimeOffset(period.Last.AddDays(1).ToDateTime(TimeOnly.MinValue), offset);
        var q = db.Set<Case>().AsNoTracking().Where(c => c.RegisteredAt >= from && c.RegisteredAt < to);
        if (scheme.SubjectKind == SubjectKind.Department)
        {
            var unitId = await db.Units.Where(u => u.Code == subjectCode).Select(u => u.Id).FirstOrDefaultAsync(ct);
            q = q.Where(c => c.Assignments.Any(a => a.UnitId == unitId && a.IsLead));
        }
        else
        {
            q = q.Where(c => c.RegionCode != null && c.RegionCode.StartsWith(subjectCode));
        }

        var now = clock.GetUtcNow();
        var rows = await q.OrderBy(c => c.Id).Take(onlyProblems ? 2000 : take)
            .Select(c => new { c.Id, c.ReportedAt, c.Status, c.CategoryCode, c.RegionCode, c.RegisteredAt, c.ClosedAt, c.Deadline, c.ReworkCount, c.ReopenCount, c.Description })
            .ToListAsync(ct);
        var result = rows.Select(c =>
        {
            var overdue = c.Deadline is { } d && c.Status != CaseStatus.Suspended && (c.ClosedAt ?? now) > d;
            return new CaseBehindScore(c.Id, CaseNumbers.Format(c.ReportedAt, c.Id), c.Status.ToString(), c.CategoryCode, c.RegionCode, c.RegisteredAt,
                c.ClosedAt, c.Deadline, c.ReworkCount + c.ReopenCount, overdue && c.ClosedAt is null, c.Description);
        });
        if (onlyProblems)
        {
            result = result.Where(c => c.Overdue || c.ReworkCount > 0 || (c.ClosedAt is { } cl && c.Deadline is { } dl && cl > dl));
        }

        return result.Take(take).ToList();
    }

    private static string Shorten(string s) => s.Length > 80 ? s[..80] + "…" : s;
}
