using CivicGrid.Data;
using CivicGrid.Grid;
using CivicGrid.Platform;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Accounts;

public sealed record RoleAssignmentInput(string? Role, string? RegionCode, int? UnitId);

/// <summary>Create (Id null, password required) or update an account with its scoped roles.</summary>
public sealed record SaveUserRequest(Guid? Id, string? UserName, string? DisplayName, string? Password, string? Phone,
    IReadOnlyList<RoleAssignmentInput>? Roles, bool IsDisabled = false);

public sealed class SaveUser(AppDbContext db, UserManager<AppUser> users, TimeProvider clock)
{
    public async Task<Outcome<UserView>> HandleAsync(AccessScope scope, SaveUserRequest request, CancellationToken ct = default)
    {
        if (!UserAdministration.MayAdministerUsers(scope))
        {
            return Outcome<UserView>.Forbidden("只有系统管理员、镇街管理员和村居管理员可以管理账户。");
        }

        var (roles, problems) = await ParseRolesAsync(request.Roles, ct);
        if (string.IsNullOrWhiteSpace(request.DisplayName) || request.DisplayName.Trim().Length > 50)
        {
            problems.Add(new("displayName", "显示名称必填，且不超过 50 个字符。"));
        }

        if (!string.IsNullOrWhiteSpace(request.Phone) && !PersonalData.IsMobile(request.Phone.Trim()))
        {
            problems.Add(new("phone", "手机号须为 11 位数字。"));
        }

        if (request.Id is null && string.IsNullOrWhiteSpace(request.UserName))
        {
            problems.Add(new("userName", "用户名必填。"));
        }

        if (request.Id is null && string.IsNullOrEmpty(request.Password))
        {
            problems.Add(new("password", "新账户必须设置初始密码。"));
        }

        if (problems.Count > 0)
        {
            return Outcome<UserView>.Invalid(problems);
        }

        if (roles.Any(r => !UserAdministration.CanGrant(scope, r.Role, r.RegionCode)))
        {
            return Outcome<UserView>.Forbidden("您不能授予该角色或该范围：镇街、村居管理员只能在本辖区内授予村居管理员、网格员、志愿者、居民角色。");
        }

        AppUser? user;
        IdentityResult result;
        if (request.Id is { } id)
        {
            user = await db.Users.Include(u => u.RoleAssignments).FirstOrDefaultAsync(u => u.Id == id, ct);
            if (user is null || !UserAdministration.CanAdminister(scope, user.RoleAssignments))
            {
                return Outcome<UserView>.NotFound("账户不存在或不在您的管理范围内。");
            }

            if (user.Id == scope.UserId && request.IsDisabled)
            {
                return Outcome<UserView>.Invalid("isDisabled", "不能停用自己的账户。");
            }

            user.DisplayName = request.DisplayName!.Trim();
            user.PhoneNumber = string.IsNullOrWhiteSpace(request.Phone) ? user.PhoneNumber : request.Phone.Trim();
            user.IsDisabled = request.IsDisabled;
            db.RoleAssignments.RemoveRange(user.RoleAssignments);
            user.RoleAssignments = roles;

            // A new stamp revokes the account's outstanding tokens and cookies.
            result = await users.UpdateSecurityStampAsync(user);
        }
        else
        {
            user = new AppUser
            {
                UserName = request.UserName!.Trim(),
                DisplayName = request.DisplayName!.Trim(),
                LockoutEnabled = true,
                PhoneNumber = string.IsNullOrWhiteSpace(request.Phone) ? null : request.Phone.Trim(),
                RoleAssignments = roles,
                IsDisabled = request.IsDisabled,
            };
            result = await users.CreateAsync(user, request.Password!);
        }

        if (!result.Succeeded)
        {
            return Outcome<UserView>.Invalid(result.Errors.Select(e => new Problem(e.Code, e.Description)).ToList());
        }

        var view = UserQueries.ToView(user, clock.GetUtcNow());
        return request.Id is null ? Outcome<UserView>.Created(view) : Outcome<UserView>.Ok(view);
    }

    private async Task<(List<RoleAssignment> Roles, List<Problem> Problems)> ParseRolesAsync(IReadOnlyList<RoleAssignmentInput>? inputs, CancellationToken ct)
    {
        var problems = new List<Problem>();
        var roles = new List<RoleAssignment>();
        if (inputs is null || inputs.Count == 0)
        {
            problems.Add(new("roles", "至少分配一个角色。"));
            return (roles, problems);
        }

        foreach (var input in inputs)
        {
            if (!Enum.TryParse<AppRole>(input.Role, ignoreCase: true, out var role) || !Enum.IsDefined(role))
            {
                var named = Enum.GetValues<AppRole>().Where(r => AppRoles.ChineseName(r) == input.Role?.Trim()).ToList();
                if (named.Count == 0)
                {
                    problems.Add(new("roles", $"角色“{input.Role}”无效。"));
                    continue;
                }

                role = named[0];
            }

            var region = string.IsNullOrWhiteSpace(input.RegionCode) ? null : input.RegionCode.Trim();
            if (region is not null && (RegionLevels.FromCode(region) is null || !await db.Regions.AnyAsync(r => r.Code == region, ct)))
            {
                problems.Add(new("roles", $"角色范围中的区域“{region}”不存在。"));
            }

            if (input.UnitId is { } unitId && !await db.Units.AnyAsync(u => u.Id == unitId, ct))
            {
                problems.Add(new("roles", $"角色范围中的单位 {unitId} 不存在。"));
            }

            if (region is null && input.UnitId is null && role is not (AppRole.Volunteer or AppRole.Resident))
            {
                problems.Add(new("roles", $"角色“{AppRoles.ChineseName(role)}”必须指定区域或单位范围。"));
            }

            roles.Add(new RoleAssignment { Role = role, RegionCode = region, UnitId = input.UnitId });
        }

        return (roles, problems);
    }
}

/// <summary>An administrator sets a new password; outstanding tokens stop working.</summary>
public sealed class ResetPassword(AppDbContext db, UserManager<AppUser> users)
{
    public async Task<Outcome<bool>> HandleAsync(AccessScope scope, Guid userId, string? password, CancellationToken ct = default)
    {
        var user = await db.Users.Include(u => u.RoleAssignments).FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null || !UserAdministration.MayAdministerUsers(scope) || !UserAdministration.CanAdminister(scope, user.RoleAssignments))
        {
            return Outcome<bool>.NotFound("账户不存在或不在您的管理范围内。");
        }

        if (string.IsNullOrEmpty(password))
        {
            return Outcome<bool>.Invalid("password", "新密码不能为空。");
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            return Outcome<bool>.Invalid(result.Errors.Select(e => new Problem("password", e.Description)).ToList());
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return Outcome<bool>.Ok(true);
    }
}
