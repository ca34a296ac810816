using System.Net;
using CivicGrid.Data;
using CivicGrid.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Tests.Platform;

public abstract class PlatformTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CivicGridApp
{
    [Fact]
    public async Task Health_is_200_when_the_database_answers()
    {
        var response = await app.Anonymous().Get("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Model_has_no_changes_missing_from_the_migrations()
    {
        app.EnsureAvailable();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(db.Database.HasPendingModelChanges(), "模型有未生成迁移的变更：运行 scripts/add-migration.sh <名称>");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task OpenApi_document_lists_the_contract_endpoints()
    {
        var doc = await app.Anonymous().GetJson("/openapi/v1.json");
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/auth/token", paths);
        Assert.Contains("/api/v1/regions/locate", paths);
        Assert.Contains("/api/v1/regions/{code}/children", paths);
        Assert.DoesNotContain(paths, p => p.StartsWith("/account", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Login_page_is_chinese_and_unknown_pages_are_chinese_404()
    {
        var client = app.Anonymous();
        var login = await client.Get("/login");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var html = await login.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("lang=\"zh-CN\"", html);
        Assert.Contains("登", html);
        Assert.Contains("用户名", html);

        var missing = await client.Get("/api/v1/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("未找到", (await missing.Json()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Console_redirects_anonymous_users_to_the_login_page()
    {
        var response = await app.Anonymous().Get("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}

public sealed class PlatformTestsOnSqlite(SqliteApp app) : PlatformTests<SqliteApp>(app);

public sealed class PlatformTestsOnPostgres(PostgresApp app) : PlatformTests<PostgresApp>(app);
