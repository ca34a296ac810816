using System.Net;
using CivicGrid.Assessment;
using CivicGrid.Data;
using CivicGrid.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Tests.Assessment;

/// <summary>红黑榜公示: the public page is off until an administrator switches it on, and shows published runs only.</summary>
public abstract class PublicHonourPageTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CivicGridApp
{
    private static string ThisMonth => TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).ToString("yyyy-MM");

    private async Task SwitchAsync(bool enabled)
    {
        var admin = await app.ClientAs("admin");
        var r = await admin.Put("/api/v1/assessment/public-honours", new { enabled, top = 3, bottom = 2 });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal(enabled, (await r.Json()).GetProperty("enabled").GetBoolean());
    }

    /// <summary>A computed but unpublished run of the default town scheme, for a later period than any published one.</summary>
    private async Task AddUnpublishedRunAsync(string period, string subjectName)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ct = TestContext.Current.CancellationToken;
        var scheme = await db.Set<Scheme>().FirstAsync(s => s.IsDefault && s.SubjectKind == SubjectKind.Town, ct);
        var board = new ScoreBoard(period, period, "town", scheme.Id, scheme.Name,
            [new SubjectScore("110199001", subjectName, 99, 1, [], [], null, null, null)]);
        db.Add(new AssessmentRun
        {
            SchemeId = scheme.Id,
            PeriodKey = period,
            DistrictCode = "110199",
            ComputedAt = DateTimeOffset.UtcNow,
            BoardJson = System.Text.Json.JsonSerializer.Serialize(board, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)),
        });
        await db.SaveChangesAsync(ct);
    }

    private static async Task<string> HtmlAsync(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

    [Fact]
    public async Task The_page_is_not_found_while_off_and_shows_the_published_lists_only_when_on()
    {
        app.EnsureAvailable();
        await SwitchAsync(false);
        var anonymous = app.Anonymous();
        var off = await anonymous.GetAsync("/public/honours", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, off.StatusCode);
        Assert.Contains("红黑榜公示页尚未开放", await HtmlAsync(off));

        var dispatcher = await app.ClientAs("dispatcher");
        var published = await dispatcher.Post("/api/v1/assessment/runs", new { subjectKind = "town", period = ThisMonth });
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var items = (await published.Json()).GetProperty("items").EnumerateArray().ToList();
        await AddUnpublishedRunAsync("2099-12", "未发布的测试镇");

        await SwitchAsync(true);
        var on = await anonymous.GetAsync("/public/honours", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, on.StatusCode);
        var html = await HtmlAsync(on);
        var red = html[html.IndexOf("data-testid=\"honour-red\"", StringComparison.Ordinal)..html.IndexOf("data-testid=\"honour-black\"", StringComparison.Ordinal)];
        var black = html[html.IndexOf("data-testid=\"honour-black\"", StringComparison.Ordinal)..];
        Assert.Contains(items[0].GetProperty("subjectName").GetString()!, red);
        Assert.Contains(items[^1].GetProperty("subjectName").GetString()!, black);
        Assert.DoesNotContain(items[^1].GetProperty("subjectName").GetString()!, red);
        Assert.Contains(ThisMonth, html);
        Assert.DoesNotContain("2099-12", html);
        Assert.DoesNotContain("未发布的测试镇", html);
        Assert.DoesNotContain("dispatcher", html);

        await SwitchAsync(false);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/public/honours", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Only_an_administrator_switches_the_page()
    {
        app.EnsureAvailable();
        foreach (var user in new[] { "dispatcher", "leader" })
        {
            var client = await app.ClientAs(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.Put("/api/v1/assessment/public-honours", new { enabled = true })).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().Put("/api/v1/assessment/public-honours", new { enabled = true })).StatusCode);
        var admin = await app.ClientAs("admin");
        var invalid = await admin.Put("/api/v1/assessment/public-honours", new { enabled = true, top = 500 });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.False((await admin.GetJson("/api/v1/assessment/public-honours")).GetProperty("enabled").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync("/public/honours", TestContext.Current.CancellationToken)).StatusCode);
    }
}

public sealed class PublicHonourPageTestsOnSqlite(SqliteApp app) : PublicHonourPageTests<SqliteApp>(app);

public sealed class PublicHonourPageTestsOnPostgres(PostgresApp app) : PublicHonourPageTests<PostgresApp>(app);
