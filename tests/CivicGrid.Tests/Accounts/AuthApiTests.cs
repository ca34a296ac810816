using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Tests.Infrastructure;

namespace CivicGrid.Tests.Accounts;

public abstract class AuthApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CivicGridApp
{
    [Fact]
    public async Task Admin_gets_a_token_that_opens_the_api()
    {
        var anonymous = app.Anonymous();
        var response = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = "Demo#2026" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("accessToken").GetString()));
        Assert.True(body.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow);

        var admin = await app.ClientAs("admin");
        var region = await admin.GetAsync("/api/v1/regions/110199", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, region.StatusCode);
    }

    [Fact]
    public async Task Api_without_token_is_401_with_chinese_problem()
    {
        var response = await app.Anonymous().GetAsync("/api/v1/regions/110199", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("未登录", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Wrong_password_is_401_and_repeated_failures_lock_the_account()
    {
        var client = app.Anonymous();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "leader", password = "nope" + i }, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        var right = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "leader", password = "Demo#2026" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        var problem = await right.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Contains("锁定", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Malformed_token_request_is_400_not_500()
    {
        var response = await app.Anonymous().PostAsync("/api/v1/auth/token",
            new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("请求无效", problem.GetProperty("title").GetString());
    }
}

public sealed class AuthApiTestsOnSqlite(SqliteApp app) : AuthApiTests<SqliteApp>(app);

public sealed class AuthApiTestsOnPostgres(PostgresApp app) : AuthApiTests<PostgresApp>(app);
