using System.Net;
using CivicGrid.Tests.Infrastructure;

namespace CivicGrid.Tests.Platform;

/// <summary>The seeded template restarted with CivicGrid:Demo=false: demo accounts are refused.</summary>
public sealed class DemoOffApp : SqliteApp
{
    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings => [new("CivicGrid:Demo", "false")];
}

public sealed class DemoSwitchTests(DemoOffApp app) : IClassFixture<DemoOffApp>
{
    [Fact]
    public async Task Demo_accounts_are_disabled_when_the_demo_is_off()
    {
        var response = await app.Anonymous().Post("/api/v1/auth/token", new { userName = "admin", password = "Demo#2026" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("停用", (await response.Json()).GetProperty("detail").GetString());
    }
}

/// <summary>Strict limits, to see public endpoints refuse floods.</summary>
public sealed class StrictLimitsApp : SqliteApp
{
    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
        [new("CivicGrid:RateLimits:PublicPerMinute", "5"), new("CivicGrid:RateLimits:TokenPerMinute", "3")];
}

public sealed class RateLimitTests(StrictLimitsApp app) : IClassFixture<StrictLimitsApp>
{
    [Fact]
    public async Task Public_locate_answers_429_in_chinese_after_the_limit()
    {
        var client = app.Anonymous();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            statuses.Add((await client.Get("/api/v1/regions/locate?lon=116.5&lat=40.1")).StatusCode);
        }

        Assert.All(statuses.Take(5), s => Assert.Equal(HttpStatusCode.OK, s));
        var limited = await client.Get("/api/v1/regions/locate?lon=116.5&lat=40.1");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("请求过于频繁", (await limited.Json()).GetProperty("title").GetString());
        Assert.True(limited.Headers.RetryAfter is not null);
    }

    [Fact]
    public async Task Token_endpoint_is_limited_too()
    {
        var client = app.Anonymous();
        HttpStatusCode last = default;
        for (var i = 0; i < 4; i++)
        {
            last = (await client.Post("/api/v1/auth/token", new { userName = "nobody", password = "x" })).StatusCode;
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last);
    }
}

/// <summary>PostgreSQL configured but nothing listening: the app starts and reports itself unhealthy.</summary>
public sealed class UnreachableDatabaseApp : CivicGridApp
{
    public UnreachableDatabaseApp() => ConnectionString = "Host=127.0.0.1;Port=1;Database=nothing;Username=nobody;Timeout=2";

    public override string ProviderName => "Postgres";

    public override ValueTask InitializeAsync()
    {
        _ = Server;
        return ValueTask.CompletedTask;
    }
}

public sealed class UnhealthyTests(UnreachableDatabaseApp app) : IClassFixture<UnreachableDatabaseApp>
{
    [Fact]
    public async Task Health_is_503_when_the_database_does_not_answer()
    {
        var response = await app.Anonymous().Get("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("数据库", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
