using System.Net;
using CivicGrid.Tests.Infrastructure;

namespace CivicGrid.Tests.Open311;

/// <summary>Administrators issue a key (shown once), integrations use it, and a revoked key is refused with 403.</summary>
public abstract class IntegrationKeyTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CivicGridApp
{
    [Fact]
    public async Task An_issued_key_works_until_it_is_revoked()
    {
        var admin = await app.ClientAs("admin");
        var issued = await admin.Post("/api/v1/open311/integrations", new { name = "12345 热线（测试）" });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var body = await issued.Json();
        var key = body.GetProperty("apiKey").GetString()!;
        var id = body.GetProperty("id").GetInt32();
        Assert.StartsWith("o311_", key);
        Assert.True(key.Length >= 40);

        var list = await admin.GetJson("/api/v1/open311/integrations");
        var row = Assert.Single(list.EnumerateArray(), i => i.GetProperty("id").GetInt32() == id);
        Assert.Equal(key[..9], row.GetProperty("keyPrefix").GetString());
        Assert.Equal("有效", row.GetProperty("state").GetString());
        Assert.Equal("admin", row.GetProperty("createdBy").GetString());
        Assert.DoesNotContain(key, list.GetRawText());
        Assert.Contains(list.EnumerateArray(), i => i.GetProperty("isDemo").GetBoolean());

        var client = new Open311Client(app.Anonymous());
        var form = new List<KeyValuePair<string, string>> { new("api_key", key), new("service_code", "SJ0105"), new("address_string", "示例区青年路公交站") };
        var (status, _, _) = await client.PostJsonAsync(form);
        Assert.Equal(HttpStatusCode.Created, status);
        var used = Assert.Single((await admin.GetJson("/api/v1/open311/integrations")).EnumerateArray(), i => i.GetProperty("id").GetInt32() == id);
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, used.GetProperty("lastUsedAt").ValueKind);

        var revoked = await admin.Post($"/api/v1/open311/integrations/{id}/revoke", new { });
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal("已吊销", (await revoked.Json()).GetProperty("state").GetString());
        var (refused, errors, _) = await client.PostJsonAsync(form);
        Assert.Equal(HttpStatusCode.Forbidden, refused);
        Assert.Contains("吊销", errors[0].GetProperty("description").GetString());
    }

    [Fact]
    public async Task Only_administrators_manage_keys()
    {
        var dispatcher = await app.ClientAs("dispatcher");
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.Post("/api/v1/open311/integrations", new { name = "越权" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.Get("/api/v1/open311/integrations")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.Post("/api/v1/open311/integrations/1/revoke", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().Get("/api/v1/open311/integrations")).StatusCode);

        var admin = await app.ClientAs("admin");
        var empty = await admin.Post("/api/v1/open311/integrations", new { name = " " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Post("/api/v1/open311/integrations/99999/revoke", new { })).StatusCode);
    }
}

public sealed class IntegrationKeyTestsOnSqlite(SqliteApp app) : IntegrationKeyTests<SqliteApp>(app);

public sealed class IntegrationKeyTestsOnPostgres(PostgresApp app) : IntegrationKeyTests<PostgresApp>(app);

/// <summary>The seeded template restarted with the demo off: the demo integration's key is refused.</summary>
public sealed class Open311DemoOffApp : SqliteApp
{
    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings => [new("CivicGrid:Demo", "false")];
}

public sealed class DemoIntegrationTests(Open311DemoOffApp app) : IClassFixture<Open311DemoOffApp>
{
    [Fact]
    public async Task The_demo_key_is_disabled_with_the_demo()
    {
        var (status, errors, _) = await new Open311Client(app.Anonymous()).PostJsonAsync(
            [new("api_key", GeoReportTests<SqliteApp>.DemoKey), new("service_code", "SJ0105"), new("address_string", "示例区青年路")]);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("停用", errors[0].GetProperty("description").GetString());
    }
}

/// <summary>A strict Open311 limit, to see floods refused in the specification's error format.</summary>
public sealed class Open311StrictLimitsApp : SqliteApp
{
    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings => [new("CivicGrid:Open311:PerMinute", "3")];
}

public sealed class Open311RateLimitTests(Open311StrictLimitsApp app) : IClassFixture<Open311StrictLimitsApp>
{
    [Fact]
    public async Task Floods_get_429_in_the_spec_format_with_retry_after()
    {
        var client = new Open311Client(app.Anonymous());
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetJsonAsync("discovery.json", "discovery.json")).Status);
        }

        var response = await client.Http.GetAsync(Open311Client.Prefix + "services.json", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter is not null);
        Assert.Contains("频繁", (await Open311Client.CheckJsonAsync(response, "errors.json"))[0].GetProperty("description").GetString());
        var xml = await client.Http.GetAsync(Open311Client.Prefix + "services.xml", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.TooManyRequests, xml.StatusCode);
        await Open311Client.CheckXmlAsync(xml);
    }
}
