using System.Text.Json;
using CivicGrid.Accounts;
using CivicGrid.Data;
using CivicGrid.Grid;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Assessment;

public sealed record PublishRequest(int? SchemeId, string? SubjectKind, string? Period);

/// <summary>
/// Computes a scheme over a period and publishes the result (发布): frozen with the approver and the time, it answers
/// for that scheme and period from then on. Publishing again replaces it with a new frozen run (the old one stays).
/// </summary>
public sealed class PublishRun(AppDbContext db, ComputeScores scores, SchemeQueries schemes, TimeProvider clock)
{
    public async Task<Outcome<ScoreBoard>> HandleAsync(AccessScope scope, PublishRequest request, CancellationToken ct = default)
    {
        if (!AssessmentAccess.CanManage(scope))
        {
            return Outcome<ScoreBoard>.Forbidden("只有系统管理员和指挥中心可以发布考评结果。");
        }

        await schemes.EnsureDefaultsAsync(ct);
        var kind = SubjectKinds.Parse(request.SubjectKind);
        var scheme = request.SchemeId is { } id
            ? await db.Set<Scheme>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct)
            : kind is null ? null : await db.Set<Scheme>().AsNoTracking().Where(s => s.SubjectKind == kind && s.IsDefault).OrderBy(s => s.Id).FirstOrDefaultAsync(ct);
        if (scheme is null)
        {
            return Outcome<ScoreBoard>.Invalid("schemeId", "请指定考评方案（schemeId）或考评对象类型（subjectKind）。");
        }

        if (AssessmentPeriod.Parse(request.Period, scheme.PeriodKind, scheme.MonthStartDay) is not { } period)
        {
            return Outcome<ScoreBoard>.Invalid("period", ComputeScores.PeriodHint(scheme.PeriodKind));
        }

        var now = clock.GetUtcNow();
        var board = await scores.ComputeAsync(scheme, period, ct: ct);
        var run = new AssessmentRun
        {
            SchemeId = scheme.Id,
            PeriodKey = period.Key,
            DistrictCode = await db.Regions.Where(r => r.Level == RegionLevel.District).Select(r => r.Code).FirstOrDefaultAsync(ct) ?? "",
            ComputedAt = now,
            PublishedAt = now,
            PublishedBy = scope.UserName,
            BoardJson = "",
        };
        db.Add(run);
        await db.SaveChangesAsync(ct);
        board = board with { RunId = run.Id, PublishedAt = now, PublishedBy = scope.UserName };
        run.BoardJson = JsonSerializer.Serialize(board, ComputeScores.Json);
        await db.SaveChangesAsync(ct);
        return Outcome<ScoreBoard>.Ok(board);
    }
}
