using System.Globalization;
using System.Threading.RateLimiting;
using CivicGrid.Web.Platform;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CivicGrid.Web.Open311;

/// <summary>
/// Per-address limit on /open311/v2 (by default the public limit), refusing in the specification's error format
/// rather than as ProblemDetails.
/// </summary>
public sealed class Open311RateLimitPolicy(IOptions<CivicGridOptions> platform, IOptions<Open311Options> open311) : IRateLimiterPolicy<string>
{
    public const string Name = "open311";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (ctx, ct) =>
    {
        if (ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            ctx.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        var format = Open311Results.FormatOfPath(ctx.HttpContext.Request.Path);
        await Open311Results.Errors(format, StatusCodes.Status429TooManyRequests, ["请求过于频繁，请稍后再试。"]).ExecuteAsync(ctx.HttpContext);
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.GetFixedWindowLimiter(
            httpContext.Connection.RemoteIpAddress?.ToString() ?? "local",
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = open311.Value.PerMinute ?? platform.Value.RateLimits.PublicPerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });
}
