using CivicGrid.Data;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Accounts;

public sealed record RoleAssignmentView(AppRole Role, string RoleName, string? RegionCode, int? UnitId);

public sealed record UserView(Guid Id, string UserName, string DisplayName, string? Phone, bool IsDisabled, bool IsLockedOut,
    IReadOnlyList<RoleAssignmentView> Roles);

/// <summary>Accounts the caller administers: an admin sees all, a 镇街/村居管理员 those wholly inside his area.</summary>
public sealed class UserQueries(AppDbContext db, TimeProvider clock)
{
    public async Task<PagedList<UserView>> ListAsync(AccessScope scope, string? q, int? page, int? pageSize, CancellationToken ct = default)
    {
        var (p, size) = Paging.Normalize(page, pageSize);
        var query = db.Users.AsNoTracking().Include(u => u.RoleAssignments).AsQueryable();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            query = query.Where(u => u.UserName!.Contains(text) || u.DisplayName.Contains(text));
        }

        // Scope is decided per user over his assignments; the account table is small enough to filter in memory.
        var visible = (await query.OrderBy(u => u.UserName).ToListAsync(ct)).Where(u => UserAdministration.CanAdminister(scope, u.RoleAssignments)).ToList();
        var now = clock.GetUtcNow();
        var items = visible.Skip((p - 1) * size).Take(size).Select(u => ToView(u, now)).ToList();
        return new PagedList<UserView>(items, visible.Count, p, size);
    }

    public async Task<UserView?> GetAsync(AccessScope scope, Guid id, CancellationToken ct = default)
    {
        var user = await db.Users.AsNoTracking().Include(u => u.RoleAssignments).FirstOrDefaultAsync(u => u.Id == id, ct);
        return user is not null && (user.Id == scope.UserId || UserAdministration.CanAdminister(scope, user.RoleAssignments))
            ? ToView(user, clock.GetUtcNow())
            : null;
    }

    internal static UserView ToView(AppUser u, DateTimeOffset now) => new(
        u.Id, u.UserName ?? "", u.DisplayName, PersonalData.MaskPhone(u.PhoneNumber), u.IsDisabled,
        u.LockoutEnd is { } end && end > now,
        u.RoleAssignments.Select(a => new RoleAssignmentView(a.Role, AppRoles.ChineseName(a.Role), a.RegionCode, a.UnitId)).ToList());
}
