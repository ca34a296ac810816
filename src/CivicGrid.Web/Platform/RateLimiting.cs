using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace CivicGrid.Web.Platform;

/// <summary>Per-address limits on the endpoints anyone can call.</summary>
public static class RateLimiting
{
    public const string Public = "public";
    public const string Token = "token";

    public static IServiceCollection AddCivicGridRateLimits(this IServiceCollection services, RateLimitOptions limits)
    {
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Public, ctx => PerAddress(ctx, limits.PublicPerMinute));
            o.AddPolicy(Token, ctx => PerAddress(ctx, limits.TokenPerMinute));
            o.OnRejected = async (ctx, ct) =>
            {
                if (ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    ctx.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                var (slug, title, detail) = Problems.ForStatus(429);
                await TypedResults.Problem(detail, statusCode: 429, title: title, type: Problems.TypePrefix + slug).ExecuteAsync(ctx.HttpContext);
            };
        });
        return services;
    }

    private static RateLimitPartition<string> PerAddress(HttpContext ctx, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(
            ctx.Connection.RemoteIpAddress?.ToString() ?? "local",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
}
