using Microsoft.AspNetCore.Identity;

namespace CivicGrid.Web.Accounts;

/// <summary>Identity's validation messages in Chinese.</summary>
public sealed class ChineseIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"用户名“{userName}”已被使用。" };

    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = $"用户名“{userName}”无效，只能包含字母、数字和 -._@+。" };

    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"密码至少需要 {length} 个字符。" };

    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = "密码必须包含数字。" };

    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = "密码必须包含小写字母。" };

    public override IdentityError PasswordRequiresUpper() => new() { Code = nameof(PasswordRequiresUpper), Description = "密码必须包含大写字母。" };

    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = "密码不正确。" };

    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = "操作失败。" };
}
