using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CivicGrid.Web.Public;

/// <summary>A refused submission: the Chinese reason and when to try again.</summary>
public sealed record LimitRefusal(string Message, TimeSpan RetryAfter);

/// <summary>
/// Limits on what residents send: per address and per phone number. Checked inside the handlers (after the form is read,
/// since the phone is in it), so a refused report re-renders the form with everything the resident typed.
/// </summary>
public sealed class PublicSubmissionLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perAddress;
    private readonly PartitionedRateLimiter<string> _perPhone;

    public PublicSubmissionLimits(IOptions<PublicOptions> options)
    {
        var o = options.Value;
        _perAddress = Fixed(o.SubmissionsPerHour, TimeSpan.FromHours(1));
        _perPhone = Fixed(o.SubmissionsPerPhonePerDay, TimeSpan.FromDays(1));
    }

    public LimitRefusal? TryAcquire(HttpContext http, string? phone)
    {
        using var address = _perAddress.AttemptAcquire(PublicRequestPolicy.Address(http));
        if (!address.IsAcquired)
        {
            return new("您提交得太频繁了，请稍后再试。", RetryAfter(address, TimeSpan.FromMinutes(10)));
        }

        if (!string.IsNullOrWhiteSpace(phone))
        {
            using var lease = _perPhone.AttemptAcquire(phone.Trim());
            if (!lease.IsAcquired)
            {
                return new("该手机号今天提交的次数已达上限，请明天再试；紧急情况请拨打 12345 热线。", RetryAfter(lease, TimeSpan.FromHours(1)));
            }
        }

        return null;
    }

    public void Dispose()
    {
        _perAddress.Dispose();
        _perPhone.Dispose();
    }

    private static PartitionedRateLimiter<string> Fixed(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, permits), Window = window, QueueLimit = 0 }));

    private static TimeSpan RetryAfter(RateLimitLease lease, TimeSpan fallback) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : fallback;
}

/// <summary>
/// The request limit of every public page and JSON endpoint, per client address. Refusals are Chinese: a page for a
/// browser, ProblemDetails for the JSON endpoints.
/// </summary>
public sealed class PublicRequestPolicy(IOptions<PublicOptions> options) : IRateLimiterPolicy<string>
{
    public const string Name = "public-pages";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => (ctx, _) => new(PublicResponses.TooManyAsync(ctx.HttpContext,
        "访问过于频繁，请稍后再试。", ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1)));

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.GetFixedWindowLimiter(Address(httpContext),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, options.Value.RequestsPerMinute), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });

    public static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "local";

    public static string Seconds(TimeSpan after) => ((int)Math.Ceiling(Math.Max(1, after.TotalSeconds))).ToString(CultureInfo.InvariantCulture);
}
