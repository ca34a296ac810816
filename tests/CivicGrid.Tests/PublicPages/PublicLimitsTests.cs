using System.Net;
using CivicGrid.Tests.Infrastructure;
using static CivicGrid.Tests.PublicPages.PublicClient;

namespace CivicGrid.Tests.PublicPages;

/// <summary>Few submissions allowed per address and per phone, to see the public pages refuse floods.</summary>
public sealed class StrictSubmissionsApp : SqliteApp
{
    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
        [new("CivicGrid:Public:SubmissionsPerHour", "4"), new("CivicGrid:Public:SubmissionsPerPhonePerDay", "2")];
}

/// <summary>Few page views allowed per address a minute.</summary>
public sealed class StrictPageViewsApp : SqliteApp
{
    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings => [new("CivicGrid:Public:RequestsPerMinute", "5")];
}

public sealed class PublicSubmissionLimitTests(StrictSubmissionsApp app) : IClassFixture<StrictSubmissionsApp>
{
    [Fact]
    public async Task Reports_are_limited_per_phone_and_per_address_and_the_form_keeps_what_was_typed()
    {
        var client = app.Anonymous();
        var (lon, lat) = await PointAsync(app);

        await ReportAsync(client, Fields("路口积水很深，行人没法通过", lon, lat, phone: "13800000001"));
        await ReportAsync(client, Fields("路口积水很深，电动车也过不去", lon, lat, phone: "13800000001"));

        // Third report with the same phone: refused, and the page still holds the text.
        var (status, html, text) = await PageAsync(await PostFormAsync(client, "/report", Fields("桥下积水一直没人管", lon, lat, phone: "13800000001")));
        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.Contains("该手机号今天提交的次数已达上限", text);
        Assert.Contains("桥下积水一直没人管", text);
        Assert.Contains("value=\"13800000001\"", html);

        // Another phone from the same address: the fourth submission this hour still passes.
        await ReportAsync(client, Fields("小区门口积水", lon, lat, phone: "13800000002"));

        // The fifth from this address is refused whatever the phone; the JSON answer is Chinese ProblemDetails.
        var limited = await client.PostAsync("/public/api/reports", Form(Fields("积水", lon, lat, phone: "13800000003")), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var problem = await limited.Json();
        Assert.Equal("请求过于频繁", problem.GetProperty("title").GetString());
        Assert.Contains("提交得太频繁", problem.GetProperty("detail").GetString());
        Assert.NotNull(limited.Headers.RetryAfter);

        var plusOne = await client.Post("/public/api/cases/20260101000001/support", new { });
        Assert.Equal(HttpStatusCode.TooManyRequests, plusOne.StatusCode);
    }
}

public sealed class PublicPageLimitTests(StrictPageViewsApp app) : IClassFixture<StrictPageViewsApp>
{
    [Fact]
    public async Task Page_views_and_json_calls_are_limited_per_address_with_a_chinese_answer()
    {
        var client = app.Anonymous();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.Get(i % 2 == 0 ? "/report" : "/public/api/categories/suggest?text=垃圾")).StatusCode);
        }

        var (status, _, text) = await GetPageAsync(client, "/report");
        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.Contains("访问过于频繁，请稍后再试", text);

        var json = await client.Get("/public/api/categories/suggest?text=垃圾");
        Assert.Equal(HttpStatusCode.TooManyRequests, json.StatusCode);
        Assert.Equal("application/problem+json", json.Content.Headers.ContentType?.MediaType);
        Assert.Equal("请求过于频繁", (await json.Json()).GetProperty("title").GetString());
        Assert.NotNull(json.Headers.RetryAfter);
    }
}
