using System.Net;
using CivicGrid.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace CivicGrid.BrowserTests;

public sealed class Open311IntegrationTests(BrowserFixture browser)
{
    private const string Name = "市民 App（浏览器测试）";

    [Fact]
    public async Task An_admin_issues_a_key_shown_once_and_a_revoked_key_is_refused()
    {
        var page = await browser.NewPageAsync();
        await ConsolePages.LoginAsync(page, "admin");
        await ConsolePages.GotoLiveAsync(page, "/open311");
        await page.FillAsync("#integration-name", Name);
        await page.ClickAsync("#issue-key");
        await Assertions.Expect(page.Locator("#issued-key")).ToContainTextAsync("o311_");
        var key = (await page.Locator("#issued-key").InnerTextAsync()).Trim();
        var row = page.Locator(".ant-table-tbody tr.ant-table-row", new() { HasText = Name });
        await Assertions.Expect(row).ToContainTextAsync(key[..9]);
        await Assertions.Expect(row.Locator(".cg-integration-state")).ToHaveTextAsync("有效");

        using var http = new HttpClient { BaseAddress = browser.App.BaseAddress };
        Task<HttpResponseMessage> SubmitAsync() => http.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(
            [new("api_key", key), new("service_code", "SJ0105"), new("address_string", "示例区青年路公交站")]), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, (await SubmitAsync()).StatusCode);

        await row.Locator(".cg-revoke").ClickAsync();
        await page.Locator(".ant-popover-buttons .ant-btn-primary, .ant-popconfirm-buttons .ant-btn-primary").ClickAsync();
        await Assertions.Expect(row.Locator(".cg-integration-state")).ToHaveTextAsync("已吊销");
        var refused = await SubmitAsync();
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("吊销", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        // Shown once: a fresh visit lists the prefix only.
        await ConsolePages.GotoLiveAsync(page, "/open311");
        await Assertions.Expect(page.Locator(".ant-table-tbody tr.ant-table-row", new() { HasText = Name })).ToContainTextAsync("已吊销");
        Assert.DoesNotContain(key, await page.ContentAsync());
    }

    [Fact]
    public async Task Other_roles_are_refused_the_page()
    {
        var page = await browser.NewPageAsync();
        await ConsolePages.LoginAsync(page, "dispatcher");
        await ConsolePages.GotoLiveAsync(page, "/open311");
        await Assertions.Expect(page.Locator(".ant-result")).ToContainTextAsync("只有系统管理员");
        Assert.Equal(0, await page.Locator("#issue-key").CountAsync());
    }
}
