using System.Security.Claims;
using CivicGrid.Accounts;
using CivicGrid.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CivicGrid.Web.Accounts;

/// <summary>Holds the caller's scope for the request (set by <see cref="AccessScopeMiddleware"/>).</summary>
public sealed class AccessScopeHolder
{
    public AccessScope Scope { get; set; } = AccessScope.Anonymous;
}

/// <summary>Loads a signed-in user's role assignments, briefly cached so each request does not query them.</summary>
public sealed class AccessScopeLoader(IDbContextFactory<AppDbContext> dbFactory, IMemoryCache cache)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private sealed record Entry(AccessScope Scope, string SecurityStamp, bool Usable);

    /// <summary>The caller's scope, or null when the principal no longer maps to a usable account.</summary>
    public async Task<AccessScope?> LoadAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        if (principal.Identity?.IsAuthenticated != true
            || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return AccessScope.Anonymous;
        }

        var entry = await cache.GetOrCreateAsync(("scope", userId), async e =>
        {
            e.AbsoluteExpirationRelativeToNow = CacheFor;
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var user = await db.Users.AsNoTracking().Include(u => u.RoleAssignments)
                .FirstOrDefaultAsync(u => u.Id == userId, ct);
            return user is null
                ? new Entry(AccessScope.Anonymous, "", false)
                : new Entry(new AccessScope(user.Id, user.UserName ?? "", user.RoleAssignments), user.SecurityStamp ?? "", !user.IsDisabled);
        });

        var stamp = principal.FindFirstValue("security_stamp");
        if (entry is null || !entry.Usable || (stamp is not null && stamp != entry.SecurityStamp))
        {
            return null;
        }

        return entry.Scope;
    }

    public void Forget(Guid userId) => cache.Remove(("scope", userId));
}

/// <summary>Resolves the caller's scope once per request; a disabled or revoked account is refused.</summary>
public sealed class AccessScopeMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext ctx, AccessScopeLoader loader, AccessScopeHolder holder)
    {
        var scope = await loader.LoadAsync(ctx.User, ctx.RequestAborted);
        if (scope is null)
        {
            if (ctx.Request.Path.StartsWithSegments("/api"))
            {
                await TypedResults.Problem("账户已停用或令牌已失效，请重新登录。", statusCode: 401, title: "未登录",
                    type: Platform.Problems.TypePrefix + "unauthorized").ExecuteAsync(ctx);
                return;
            }

            scope = AccessScope.Anonymous;
        }

        holder.Scope = scope;
        await next(ctx);
    }
}
