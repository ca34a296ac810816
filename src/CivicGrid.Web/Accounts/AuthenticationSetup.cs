using CivicGrid.Accounts;
using CivicGrid.Data;
using CivicGrid.Web.Platform;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;

namespace CivicGrid.Web.Accounts;

public static class AuthenticationSetup
{
    /// <summary>Picks bearer tokens for API callers that send one, the cookie for the console otherwise.</summary>
    public const string SmartScheme = "CivicGrid";

    public static IServiceCollection AddCivicGridAuthentication(this IServiceCollection services, string dataDir)
    {
        var keys = new SigningKeyHolder(dataDir);
        services.AddSingleton(keys);
        services.AddScoped<TokenService>();

        services.AddIdentityCore<AppUser>(o =>
            {
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.Password.RequiredLength = 8;
                o.Password.RequireNonAlphanumeric = false;
                o.User.RequireUniqueEmail = false;
                o.User.AllowedUserNameCharacters += "";
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie 或 Bearer", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? JwtBearerDefaults.AuthenticationScheme
                    : IdentityConstants.ApplicationScheme)
            .AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = TokenService.Issuer,
                    ValidAudience = TokenService.Audience,
                    IssuerSigningKey = keys.Key,
                    NameClaimType = System.Security.Claims.ClaimTypes.Name,
                    ClockSkew = TimeSpan.FromMinutes(1),
                };
                o.Events = new JwtBearerEvents { OnChallenge = WriteChineseChallenge };
            })
            .AddIdentityCookies(o => o.ApplicationCookie?.Configure(c =>
            {
                c.LoginPath = "/login";
                c.AccessDeniedPath = "/login";
                c.Cookie.Name = "civicgrid.auth";
                c.ExpireTimeSpan = TimeSpan.FromHours(10);
                c.SlidingExpiration = true;
                c.Events.OnRedirectToLogin = ctx => ApiOr(ctx.HttpContext, ctx.RedirectUri, 401);
                c.Events.OnRedirectToAccessDenied = ctx => ApiOr(ctx.HttpContext, ctx.RedirectUri, 403);
            }));

        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AccessScopeHolder>();
        services.AddScoped(sp => sp.GetRequiredService<AccessScopeHolder>().Scope);
        services.AddScoped<AccessScopeLoader>();
        return services;
    }

    private static bool IsApi(HttpContext ctx) =>
        ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/open311");

    private static Task ApiOr(HttpContext ctx, string redirect, int status)
    {
        if (IsApi(ctx))
        {
            return WriteProblem(ctx, status);
        }

        ctx.Response.Redirect(redirect);
        return Task.CompletedTask;
    }

    private static async Task WriteChineseChallenge(JwtBearerChallengeContext ctx)
    {
        ctx.HandleResponse();
        await WriteProblem(ctx.HttpContext, 401, ctx.AuthenticateFailure is SecurityTokenExpiredException
            ? "访问令牌已过期，请重新获取。"
            : null);
    }

    private static Task WriteProblem(HttpContext ctx, int status, string? detail = null)
    {
        var (slug, title, defaultDetail) = Problems.ForStatus(status);
        return TypedResults.Problem(detail ?? defaultDetail, statusCode: status, title: title, type: Problems.TypePrefix + slug)
            .ExecuteAsync(ctx);
    }
}
