using CivicGrid.Cases;
using CivicGrid.Cases.Attachments;
using CivicGrid.Cases.Catalog;
using CivicGrid.Data;
using CivicGrid.Grid;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Public;

public sealed record TrackedStep(DateTimeOffset At, string Title, string? Detail, string Tone, IReadOnlyList<string> PhotoIds);

/// <summary>A case as its reporter (or a supporter) sees it through the private link.</summary>
public sealed record TrackedCase(
    string Number, TrackingRole Role, int Stage, string StatusText, bool IsClosed, bool CanEvaluate, string? Evaluation,
    string Description, string? CategoryName, string? Place, string? Address, string? ReporterPhone, DateTimeOffset ReportedAt,
    int Supporters, IReadOnlyList<TrackedStep> Steps, IReadOnlyList<string> FeedbackPhotoIds);

/// <summary>Opens a case by its tracking token; answers only what the resident may see (see <see cref="PublicTimeline"/>).</summary>
public sealed class TrackCase(AppDbContext db)
{
    public Task<TrackingLink?> LinkAsync(string? token, CancellationToken ct = default) =>
        TrackingTokens.Hash(token) is { } hash
            ? db.Set<TrackingLink>().AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, ct)
            : Task.FromResult<TrackingLink?>(null);

    public async Task<TrackedCase?> HandleAsync(string? token, CancellationToken ct = default)
    {
        if (await LinkAsync(token, ct) is not { } link
            || await db.Set<Case>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == link.CaseId, ct) is not { } c)
        {
            return null;
        }

        var events = await db.Set<CaseEvent>().AsNoTracking().Where(e => e.CaseId == c.Id).OrderBy(e => e.Sequence).ToListAsync(ct);
        var unitIds = events.Select(PublicTimeline.LeadUnit).OfType<int>().Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var images = await ImagesAsync(events, ct);
        var isReporter = link.Role == TrackingRole.Reporter;
        var steps = new List<TrackedStep>();
        foreach (var e in events)
        {
            if (PublicTimeline.Describe(e, units) is not { } step)
            {
                continue;
            }

            // A supporter sees the handler's feedback photos, not the photos another resident took.
            var photos = step.ShowsPhotos && (isReporter || e.Kind != "report")
                ? (e.Attachments?.Split(',') ?? []).Where(images.Contains).ToList()
                : [];
            steps.Add(new TrackedStep(e.At, step.Title, step.Detail, step.Tone, photos));
        }

        var (stage, text) = PublicTimeline.Status(c.Status);
        var category = c.CategoryCode is null ? null
            : await db.Set<CaseCategory>().AsNoTracking().Where(k => k.Code == c.CategoryCode).Select(k => k.Name).FirstOrDefaultAsync(ct);
        var supporters = await db.Set<CaseSupport>().CountAsync(s => s.CaseId == c.Id, ct);
        var feedback = events.Where(e => e.Kind == "handle" && e.IsPublic).SelectMany(e => e.Attachments?.Split(',') ?? []).Where(images.Contains).Distinct().ToList();
        return new TrackedCase(
            c.Number, link.Role, stage, text, c.Status == CaseStatus.Closed || c.Status == CaseStatus.Evaluated,
            isReporter && link.ReporterKey is not null && c.Status == CaseStatus.Closed,
            c.Evaluation is { } ev ? CaseWorkflow.EvaluationName(ev) : null,
            c.Description, category, await PlaceAsync(c.RegionCode, ct), c.Address, isReporter ? PersonalData.MaskPhone(c.ReporterPhone) : null,
            c.ReportedAt, supporters, steps, feedback);
    }

    /// <summary>True when the file is a photo shown on this link's page (so the link may serve it).</summary>
    public async Task<bool> ShowsPhotoAsync(string? token, string fileId, CancellationToken ct = default) =>
        await HandleAsync(token, ct) is { } tracked && tracked.Steps.Any(s => s.PhotoIds.Contains(fileId));

    private async Task<HashSet<string>> ImagesAsync(List<CaseEvent> events, CancellationToken ct)
    {
        var ids = events.Where(e => e.Attachments is not null).SelectMany(e => e.Attachments!.Split(',')).Distinct().ToList();
        return ids.Count == 0
            ? []
            : (await db.Set<StoredFile>().AsNoTracking().Where(f => ids.Contains(f.Id) && f.Kind == StoredFileKind.Image).Select(f => f.Id).ToListAsync(ct)).ToHashSet();
    }

    /// <summary>镇街 / 村居 of the case's grid cell (the cell's own code means nothing to residents).</summary>
    private async Task<string?> PlaceAsync(string? cellCode, CancellationToken ct)
    {
        if (cellCode is null)
        {
            return null;
        }

        var codes = new List<string>();
        for (var code = RegionLevels.ParentCodeOf(cellCode); code is not null && code.Length > 6; code = RegionLevels.ParentCodeOf(code))
        {
            codes.Add(code);
        }

        var names = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).OrderBy(r => r.Code.Length).Select(r => r.Name).ToListAsync(ct);
        return names.Count == 0 ? null : string.Join(" / ", names);
    }
}
