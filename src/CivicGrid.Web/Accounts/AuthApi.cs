using CivicGrid.Accounts;
using CivicGrid.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CivicGrid.Web.Accounts;

public static class AuthApi
{
    public sealed record TokenRequest(string? UserName, string? Password);

    public sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt, string TokenType = "Bearer");

    public static void MapAuthApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/auth/token", IssueToken)
            .RequireRateLimiting(RateLimiting.Token)
            .WithTags("认证").WithSummary("用用户名和密码换取访问令牌");

        app.MapPost("/account/login", LoginForm).RequireRateLimiting(RateLimiting.Token).ExcludeFromDescription();
        app.MapPost("/account/logout", async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.Redirect("/login");
        }).ExcludeFromDescription();
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> IssueToken(
        TokenRequest request, SignInManager<AppUser> signIn, TokenService tokens)
    {
        if (string.IsNullOrWhiteSpace(request.UserName) || string.IsNullOrEmpty(request.Password))
        {
            return Problems.BadRequest("请提供用户名（userName）和密码（password）。");
        }

        var (user, failure) = await CheckAsync(signIn, request.UserName, request.Password);
        if (user is null)
        {
            return Problems.Unauthorized(failure!);
        }

        var (token, expiresAt) = tokens.Issue(user);
        return TypedResults.Ok(new TokenResponse(token, expiresAt));
    }

    private static async Task<IResult> LoginForm(
        [FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl, SignInManager<AppUser> signIn)
    {
        var (user, failure) = await CheckAsync(signIn, userName ?? "", password ?? "");
        if (user is null)
        {
            return Results.Redirect("/login?error=" + Uri.EscapeDataString(failure!) + "&userName=" + Uri.EscapeDataString(userName ?? ""));
        }

        await signIn.SignInAsync(user, isPersistent: false);
        var target = string.IsNullOrEmpty(returnUrl) || !returnUrl.StartsWith('/') || returnUrl.StartsWith("//", StringComparison.Ordinal)
            ? "/"
            : returnUrl;
        return Results.LocalRedirect(target);
    }

    /// <summary>Checks a password, counting failures toward lockout; answers a Chinese reason on failure.</summary>
    private static async Task<(AppUser? User, string? Failure)> CheckAsync(SignInManager<AppUser> signIn, string userName, string password)
    {
        const string wrong = "用户名或密码不正确。";
        var user = await signIn.UserManager.FindByNameAsync(userName.Trim());
        if (user is null)
        {
            return (null, wrong);
        }

        if (user.IsDisabled)
        {
            return (null, "该账户已停用，请联系系统管理员。");
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return (null, "登录失败次数过多，账户已临时锁定，请 15 分钟后再试。");
        }

        return result.Succeeded ? (user, null) : (null, wrong);
    }
}
