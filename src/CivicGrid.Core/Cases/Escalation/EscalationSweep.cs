using CivicGrid.Data;
using CivicGrid.Platform.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicGrid.Cases.Escalation;

public sealed record SweepResult(int Yellow, int Red, int LateAcknowledged, int Skipped);

/// <summary>
/// The supervision sweep (督办), run by the scheduler every few minutes and callable directly: raises the yellow
/// and red cards of cases in handling as their working time runs out, and flags units that did not report
/// (报到) in time. Each case is changed in its own unit of work; a case someone else changed meanwhile is
/// skipped and picked up by the next sweep. Running it twice changes nothing the second time.
/// </summary>
public sealed class EscalationSweep(IDbContextFactory<AppDbContext> dbFactory, WorkingCalendarProvider calendars, IOptions<CaseOptions> options)
{
    public const string SuperviseKind = "supervise";
    public const string LateAcknowledgeKind = "late-acknowledge";

    /// <summary>In handling, with a running clock (挂账 cases are not supervised).</summary>
    public static readonly CaseStatus[] Supervised = [CaseStatus.Dispatched, CaseStatus.Acknowledged, CaseStatus.Rework, CaseStatus.Postponed];

    public async Task<SweepResult> RunAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        var calendar = await calendars.GetAsync(ct);
        var fraction = options.Value.YellowCardFraction;
        var due = new HashSet<long>();
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var running = await db.Set<Case>().AsNoTracking()
                .Where(c => Supervised.Contains(c.Status) && c.Deadline != null && c.DispatchedAt != null && c.Card != SupervisionCard.Red)
                .Select(c => new { c.Id, c.DispatchedAt, c.Deadline, c.Card }).ToListAsync(ct);
            due.UnionWith(running.Where(c => SupervisionRule.CardFor(calendar, c.DispatchedAt!.Value, c.Deadline!.Value, now, fraction).Card > c.Card)
                .Select(c => c.Id));
            due.UnionWith(await db.Set<Case>().AsNoTracking()
                .Where(c => Supervised.Contains(c.Status)
                    && c.Assignments.Any(a => a.IsActive && a.AcknowledgedAt == null && a.AcknowledgeBy < now)
                    && !db.Set<CaseEvent>().Any(e => e.CaseId == c.Id && e.Kind == LateAcknowledgeKind && e.At >= c.DispatchedAt))
                .Select(c => c.Id).ToListAsync(ct));
        }

        int yellow = 0, red = 0, late = 0, skipped = 0;
        foreach (var id in due.Order())
        {
            var change = await ApplyAsync(id, now, calendar, fraction, ct);
            if (change is null)
            {
                skipped++;
                continue;
            }

            yellow += change.Value.Card == SupervisionCard.Yellow ? 1 : 0;
            red += change.Value.Card == SupervisionCard.Red ? 1 : 0;
            late += change.Value.Late ? 1 : 0;
        }

        return new SweepResult(yellow, red, late, skipped);
    }

    private async Task<(SupervisionCard? Card, bool Late)?> ApplyAsync(long id, DateTimeOffset now, WorkingCalendar calendar, double fraction,
        CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await db.Set<Case>().Include(x => x.Assignments).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || !Supervised.Contains(c.Status))
        {
            return null;
        }

        var history = new CaseHistory(db);
        var link = $"/cases/{c.Id}";
        SupervisionCard? raised = null;
        if (c.DispatchedAt is { } start && c.Deadline is { } deadline)
        {
            var (card, used) = SupervisionRule.CardFor(calendar, start, deadline, now, fraction);
            if (card > c.Card)
            {
                c.Card = card;
                raised = card;
                var local = calendar.ToLocal(deadline);
                var text = card == SupervisionCard.Red
                    ? $"红牌督办：已超过办理时限（截止 {local:M月d日 HH:mm}）。"
                    : $"黄牌督办：已用去办理时限的 {Math.Min(used, 1):P0}（截止 {local:M月d日 HH:mm}）。";
                await history.AppendAsync(c, SuperviseKind, null, c.Status, c.Status, null, null, now, text,
                    new { card = card.ToString().ToLowerInvariant(), used = Math.Round(used, 3), deadline }, ct: ct);
                var lead = c.Assignments.Where(a => a.IsActive && a.IsLead).Select(a => a.UnitId).ToList();
                await Notifications.AddForUnitsAsync(db, lead, $"{SupervisionRule.Name(card)}：案卷 {c.Number}", text + " " + Shorten(c.Description), link, now, ct);
            }
        }

        var lateUnits = c.Assignments.Where(a => a.IsActive && a.AcknowledgedAt is null && a.AcknowledgeBy < now).ToList();
        var flagged = await db.Set<CaseEvent>().AnyAsync(e => e.CaseId == c.Id && e.Kind == LateAcknowledgeKind && e.At >= c.DispatchedAt, ct);
        var late = lateUnits.Count > 0 && !flagged;
        if (late)
        {
            var names = await db.Units.Where(u => lateUnits.Select(a => a.UnitId).Contains(u.Id)).Select(u => u.Name).ToListAsync(ct);
            var text = $"报到超时：{string.Join("、", names)} 未在 {calendar.ToLocal(lateUnits[0].AcknowledgeBy):M月d日 HH:mm} 前签收。";
            await history.AppendAsync(c, LateAcknowledgeKind, null, c.Status, c.Status, null, null, now, text,
                new { units = lateUnits.Select(a => a.UnitId), assignments = lateUnits.Select(a => a.Id) }, ct: ct);
            await Notifications.AddForUnitsAsync(db, lateUnits.Select(a => a.UnitId).ToList(), $"请尽快签收：案卷 {c.Number}",
                text + " " + Shorten(c.Description), link, now, ct);
        }

        if (raised is null && !late)
        {
            return null;
        }

        c.Version++;
        c.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone acted on the case meanwhile (version or event sequence taken): the next sweep looks again.
            return null;
        }

        return (raised, late);
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
