using CivicGrid.Accounts;
using CivicGrid.Data;
using CivicGrid.Web.Accounts;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Components.Console;

/// <summary>The signed-in user as the console shows him: name, roles in Chinese, and his scope.</summary>
public sealed record ConsoleUserInfo(string UserName, string DisplayName, IReadOnlyList<string> RoleNames, AccessScope Scope)
{
    public static ConsoleUserInfo Anonymous { get; } = new("", "", [], AccessScope.Anonymous);

    public string RoleText => RoleNames.Count == 0 ? "无角色" : string.Join("、", RoleNames);
}

/// <summary>Loads the user of the circuit once; every console page asks it for the scope.</summary>
public sealed class ConsoleUser(
    AuthenticationStateProvider authState, AccessScopeLoader scopes, IDbContextFactory<AppDbContext> dbFactory)
{
    private Task<ConsoleUserInfo>? _current;

    public Task<ConsoleUserInfo> GetAsync() => _current ??= LoadAsync();

    private async Task<ConsoleUserInfo> LoadAsync()
    {
        var state = await authState.GetAuthenticationStateAsync();
        var scope = await scopes.LoadAsync(state.User) ?? AccessScope.Anonymous;
        if (!scope.IsAuthenticated)
        {
            return ConsoleUserInfo.Anonymous;
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var displayName = await db.Users.Where(u => u.Id == scope.UserId).Select(u => u.DisplayName).FirstOrDefaultAsync();
        var roles = scope.Assignments.Select(a => a.Role).Distinct().Order().Select(AppRoles.ChineseName).ToList();
        return new ConsoleUserInfo(scope.UserName, string.IsNullOrWhiteSpace(displayName) ? scope.UserName : displayName, roles, scope);
    }
}
