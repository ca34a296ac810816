using System.Net;
using CivicGrid.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace CivicGrid.Tests.Cases.Intake;

/// <summary>A report sent twice answers the first case: by idempotency key, or by the same content within the window.</summary>
public abstract class IntakeDuplicateTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CivicGridApp
{
    protected abstract FakeTimeProvider Clock { get; }

    // About 20 m and 100 m north at the demo district's latitude.
    private const double Twenty = 0.00018;
    private const double Hundred = 0.0009;

    private static async Task<(HttpStatusCode Status, long Id)> ReportAsync(HttpClient client, object body)
    {
        var response = await client.Post("/api/v1/cases", body);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        return (response.StatusCode, (await response.Json()).GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task The_same_report_from_the_same_reporter_at_the_same_place_within_two_minutes_answers_the_first_case()
    {
        var resident = await app.ClientAs("resident");
        var dispatcher = await app.ClientAs("dispatcher");
        const double lon = 116.6123, lat = 40.1234;
        var text = "小区东门口的路灯不亮了，晚上很黑";

        var first = await ReportAsync(resident, new { description = text, lon, lat });
        Assert.Equal(HttpStatusCode.Created, first.Status);

        // A double tap, and a resend with other punctuation, spacing and full-width characters 20 m off.
        Assert.Equal((HttpStatusCode.OK, first.Id), await ReportAsync(resident, new { description = text, lon, lat }));
        Assert.Equal((HttpStatusCode.OK, first.Id),
            await ReportAsync(resident, new { description = "  小区东门口的路灯 不亮了！晚上很黑。", lon, lat = lat + Twenty }));

        // Not the same report: another place, another text, another reporter.
        Assert.Equal(HttpStatusCode.Created, (await ReportAsync(resident, new { description = text, lon, lat = lat + Hundred })).Status);
        Assert.Equal(HttpStatusCode.Created, (await ReportAsync(resident, new { description = "小区东门口的路灯不亮了，晚上很黑，已经三天了", lon, lat })).Status);
        Assert.Equal(HttpStatusCode.Created, (await ReportAsync(dispatcher, new { description = text, lon, lat, source = "hotline" })).Status);

        // After the window the same report is a new case (the lamp went out again).
        Clock.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
        var later = await ReportAsync(resident, new { description = text, lon, lat });
        Assert.Equal(HttpStatusCode.Created, later.Status);
        Assert.NotEqual(first.Id, later.Id);
    }

    [Fact]
    public async Task The_same_phone_number_is_the_same_reporter_whoever_types_it_in()
    {
        var resident = await app.ClientAs("resident");
        var dispatcher = await app.ClientAs("dispatcher");
        var body = new { description = "河边护栏断了一截，孩子容易掉下去", lon = 116.7011, lat = 40.0512, reporterPhone = "13800001234" };
        var first = await ReportAsync(resident, body);
        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal((HttpStatusCode.OK, first.Id), await ReportAsync(dispatcher, body));
        Assert.Equal(HttpStatusCode.Created, (await ReportAsync(dispatcher, new { body.description, body.lon, body.lat })).Status);
    }

    [Fact]
    public async Task Identical_reports_sent_at_the_same_moment_make_one_case()
    {
        var resident = await app.ClientAs("resident");
        var sameContent = Enumerable.Range(0, 6).Select(_ => new { description = "公交站台的玻璃被砸碎了，地上全是碎片", lon = 116.5522, lat = 40.2011 });
        var results = await Task.WhenAll(sameContent.Select(b => ReportAsync(resident, b)));
        Assert.Single(results.Select(r => r.Id).Distinct());
        Assert.Single(results, r => r.Status == HttpStatusCode.Created);

        // The same key with different texts (a client bug): the key decides.
        var sameKey = Enumerable.Range(0, 6).Select(i => new { description = $"第{i}次描述：人行道砖块松动翘起", lon = 116.5, lat = 40.2 + (i * 0.001), idempotencyKey = "same-key-" + Guid.NewGuid().ToString("N")[..4] }).ToList();
        var key = sameKey[0].idempotencyKey;
        var keyed = await Task.WhenAll(sameKey.Select(b => ReportAsync(resident, b with { idempotencyKey = key })));
        Assert.Single(keyed.Select(r => r.Id).Distinct());
        Assert.Single(keyed, r => r.Status == HttpStatusCode.Created);
    }
}

public sealed class IntakeDuplicateTestsOnSqlite(ClockedSqliteApp app) : IntakeDuplicateTests<ClockedSqliteApp>(app)
{
    private readonly ClockedSqliteApp _app = app;

    protected override FakeTimeProvider Clock => _app.Clock;
}

public sealed class IntakeDuplicateTestsOnPostgres(ClockedPostgresApp app) : IntakeDuplicateTests<ClockedPostgresApp>(app)
{
    private readonly ClockedPostgresApp _app = app;

    protected override FakeTimeProvider Clock => _app.Clock;
}
