using CivicGrid.Accounts;
using CivicGrid.Data;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Cases.Escalation;

/// <summary>Writes notifications for a unit's people and reads one user's own.</summary>
public sealed class Notifications(AppDbContext db, TimeProvider clock)
{
    /// <summary>Queues one notification for every account holding a role scoped to one of the units (saved with the caller's unit of work).</summary>
    public static async Task AddForUnitsAsync(AppDbContext db, IReadOnlyCollection<int> unitIds, string title, string body, string? link,
        DateTimeOffset now, CancellationToken ct)
    {
        var users = await db.RoleAssignments.Where(r => r.UnitId != null && unitIds.Contains(r.UnitId.Value))
            .Select(r => r.UserId).Distinct().ToListAsync(ct);
        foreach (var user in users)
        {
            db.Add(new Notification { RecipientUserId = user, Title = title, Body = body, Link = link, CreatedAt = now });
        }
    }

    /// <summary>The caller's own notifications, unread first, newest first.</summary>
    public async Task<PagedList<NotificationView>> ListAsync(AccessScope scope, int? page, int? pageSize, CancellationToken ct = default)
    {
        var (p, size) = Paging.Normalize(page, pageSize);
        var mine = db.Set<Notification>().AsNoTracking().Where(n => n.RecipientUserId == scope.UserId);
        var total = await mine.CountAsync(ct);
        var rows = await mine.OrderBy(n => n.ReadAt != null).ThenByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip((p - 1) * size).Take(size).ToListAsync(ct);
        var items = rows.Select(n => new NotificationView(n.Id, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt, n.ReadAt is not null)).ToList();
        return new PagedList<NotificationView>(items, total, p, size);
    }

    public async Task<bool> MarkReadAsync(AccessScope scope, long id, CancellationToken ct = default)
    {
        var n = await db.Set<Notification>().FirstOrDefaultAsync(x => x.Id == id && x.RecipientUserId == scope.UserId, ct);
        if (n is null)
        {
            return false;
        }

        n.ReadAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>How many of the caller's notifications are unread (the badge in the console's top bar).</summary>
    public Task<int> UnreadCountAsync(AccessScope scope, CancellationToken ct = default) =>
        db.Set<Notification>().CountAsync(n => n.RecipientUserId == scope.UserId && n.ReadAt == null, ct);

    /// <summary>Marks all of the caller's unread notifications read; answers how many changed.</summary>
    public async Task<int> MarkAllReadAsync(AccessScope scope, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        return await db.Set<Notification>().Where(n => n.RecipientUserId == scope.UserId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }
}
