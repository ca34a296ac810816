using System.Text.Json;
using CivicGrid.Accounts;
using CivicGrid.Data;
using CivicGrid.Grid;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Assessment;

public sealed record PublicHonourSettingsRequest(bool Enabled, int Top = 3, int Bottom = 3, double? RedAtLeast = null, double? BlackBelow = null);

public sealed record PublicHonourSettingsView(bool Enabled, int Top, int Bottom, double? RedAtLeast, double? BlackBelow, DateTimeOffset? UpdatedAt,
    string? UpdatedBy);

/// <summary>One subject on the public page: its name, score and rank only (subjects are areas and departments, no persons).</summary>
public sealed record PublicHonourEntry(string Name, double Score, int Rank, int? RankChange);

/// <summary>The red and black lists of one published run, as the public page shows them.</summary>
public sealed record PublicHonourBoard(string SubjectKindName, string SchemeName, string Period, string PeriodName, DateTimeOffset PublishedAt,
    IReadOnlyList<PublicHonourEntry> Red, IReadOnlyList<PublicHonourEntry> Black);

/// <summary>
/// 红黑榜公示: administrators switch the public page on or off and set how the lists are drawn; the page shows, per default
/// scheme, the latest published (frozen) run only — a live, unpublished ranking never reaches the public.
/// </summary>
public sealed class PublicHonours(AppDbContext db, SchemeQueries schemes, TimeProvider clock)
{
    public const int MaxListLength = 50;

    public async Task<Outcome<PublicHonourSettingsView>> GetAsync(AccessScope scope, CancellationToken ct = default) =>
        AssessmentAccess.CanRead(scope)
            ? Outcome<PublicHonourSettingsView>.Ok(View(await CurrentAsync(ct)))
            : Outcome<PublicHonourSettingsView>.Forbidden("您无权查看红黑榜公示设置。");

    public async Task<Outcome<PublicHonourSettingsView>> SaveAsync(AccessScope scope, PublicHonourSettingsRequest request, CancellationToken ct = default)
    {
        if (!scope.IsAdmin)
        {
            return Outcome<PublicHonourSettingsView>.Forbidden("只有系统管理员可以开关红黑榜公示页。");
        }

        var problems = new List<Problem>();
        if (request.Top is < 0 or > MaxListLength)
        {
            problems.Add(new Problem("top", $"红榜名额（top）应在 0–{MaxListLength} 之间。"));
        }

        if (request.Bottom is < 0 or > MaxListLength)
        {
            problems.Add(new Problem("bottom", $"黑榜名额（bottom）应在 0–{MaxListLength} 之间。"));
        }

        if (request.RedAtLeast is < 0 or > 1000 || request.RedAtLeast is { } r && !double.IsFinite(r))
        {
            problems.Add(new Problem("redAtLeast", "红榜分数线（redAtLeast）应在 0–1000 之间。"));
        }

        if (request.BlackBelow is < 0 or > 1000 || request.BlackBelow is { } b && !double.IsFinite(b))
        {
            problems.Add(new Problem("blackBelow", "黑榜分数线（blackBelow）应在 0–1000 之间。"));
        }

        if (problems.Count > 0)
        {
            return Outcome<PublicHonourSettingsView>.Invalid(problems);
        }

        var district = await DistrictAsync(ct);
        var settings = await db.Set<PublicHonourSettings>().FirstOrDefaultAsync(s => s.DistrictCode == district, ct);
        if (settings is null)
        {
            db.Add(settings = new PublicHonourSettings { DistrictCode = district });
        }

        settings.Enabled = request.Enabled;
        (settings.Top, settings.Bottom, settings.RedAtLeast, settings.BlackBelow) = (request.Top, request.Bottom, request.RedAtLeast, request.BlackBelow);
        (settings.UpdatedAt, settings.UpdatedBy) = (clock.GetUtcNow(), scope.UserName);
        await db.SaveChangesAsync(ct);
        return Outcome<PublicHonourSettingsView>.Ok(View(settings));
    }

    /// <summary>What the public page shows; null while it is switched off.</summary>
    public async Task<IReadOnlyList<PublicHonourBoard>?> PublishedAsync(CancellationToken ct = default)
    {
        var settings = await CurrentAsync(ct);
        if (!settings.Enabled)
        {
            return null;
        }

        await schemes.EnsureDefaultsAsync(ct);
        var defaults = await db.Set<Scheme>().AsNoTracking().Where(s => s.IsDefault).OrderBy(s => s.SubjectKind).ThenBy(s => s.Id).ToListAsync(ct);
        var boards = new List<PublicHonourBoard>();
        foreach (var scheme in defaults.DistinctBy(s => s.SubjectKind))
        {
            var run = await db.Set<AssessmentRun>().AsNoTracking().Where(r => r.SchemeId == scheme.Id && r.PublishedAt != null)
                .OrderByDescending(r => r.PeriodKey).ThenByDescending(r => r.Id).Select(r => new { r.BoardJson, r.PublishedAt }).FirstOrDefaultAsync(ct);
            if (run is null || JsonSerializer.Deserialize<ScoreBoard>(run.BoardJson, ComputeScores.Json) is not { } board)
            {
                continue;
            }

            var list = HonourList.From(board.Items, settings.Rule);
            boards.Add(new PublicHonourBoard(SubjectKinds.ChineseName(scheme.SubjectKind), board.SchemeName, board.Period, board.PeriodName,
                run.PublishedAt!.Value, list.Red.Select(Entry).ToList(), list.Black.Select(Entry).ToList()));
        }

        return boards;
    }

    private static PublicHonourEntry Entry(SubjectScore s) => new(s.SubjectName, s.Score, s.Rank, s.RankChange);

    private async Task<PublicHonourSettings> CurrentAsync(CancellationToken ct)
    {
        var district = await DistrictAsync(ct);
        return await db.Set<PublicHonourSettings>().AsNoTracking().FirstOrDefaultAsync(s => s.DistrictCode == district, ct)
            ?? new PublicHonourSettings { DistrictCode = district };
    }

    private async Task<string> DistrictAsync(CancellationToken ct) =>
        await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.District).Select(r => r.Code).FirstOrDefaultAsync(ct) ?? "";

    private static PublicHonourSettingsView View(PublicHonourSettings s) =>
        new(s.Enabled, s.Top, s.Bottom, s.RedAtLeast, s.BlackBelow, s.UpdatedBy is null ? null : s.UpdatedAt, s.UpdatedBy);
}
