using CivicGrid.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace CivicGrid.BrowserTests;

public sealed class ReportsTests(BrowserFixture browser)
{
    [Fact]
    public async Task Leader_opens_the_daily_and_weekly_reports_and_downloads_one_as_excel()
    {
        // The scheduled jobs run at 8:00 and 8:30; the command centre generates yesterday's and last week's now.
        using var http = new HttpClient { BaseAddress = browser.App.BaseAddress };
        var dispatcher = await ApiCalls.TokenAsync(http, "dispatcher");
        await ApiCalls.SendAsync(http, dispatcher, HttpMethod.Post, "/api/v1/assessment/reports", new { kind = "daily" });
        var weekly = await ApiCalls.SendAsync(http, dispatcher, HttpMethod.Post, "/api/v1/assessment/reports", new { kind = "weekly" });
        var weeklyId = weekly.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var weeklyTitle = weekly.GetProperty("content").GetProperty("title").GetString()!;

        var page = await browser.NewPageAsync();
        await ConsolePages.LoginAsync(page, "leader");
        await page.Locator(".cg-menu").GetByRole(AriaRole.Link, new() { Name = "调度与督查报告" }).ClickAsync();
        await page.WaitForURLAsync("**/reports");
        await page.WaitForSelectorAsync(".cg-reports[data-ready=true]");
        var list = page.Locator("[data-testid=report-list] tbody tr");
        await Assertions.Expect(list.Filter(new() { HasText = "日调度" })).Not.ToHaveCountAsync(0);
        await Assertions.Expect(list.Filter(new() { HasText = "周督查" })).Not.ToHaveCountAsync(0);
        // A leader reads the reports but does not generate them.
        await Assertions.Expect(page.Locator("#reports-generate-daily")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = weeklyTitle, Exact = true }).ClickAsync();
        await page.WaitForURLAsync($"**/reports/{weeklyId}");
        var view = page.Locator("[data-testid=report-view]");
        await Assertions.Expect(view).ToHaveAttributeAsync("data-report", weeklyId);
        await Assertions.Expect(view.Locator(".ant-card-head-title")).ToHaveTextAsync(weeklyTitle);
        await Assertions.Expect(view.Locator("table[data-section] tbody tr").First).ToBeVisibleAsync();
        var firstName = (await view.Locator("table[data-section] tbody tr").First.Locator("td").First.InnerTextAsync()).Trim();
        await Screenshots.SaveAsync(page, "console-weekly-report");

        var download = await page.RunAndWaitForDownloadAsync(() => view.Locator("[data-testid=report-excel]").ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        await using var stream = File.OpenRead(await download.PathAsync());
        var rows = CivicGrid.Platform.ExcelSheet.Read(stream);
        Assert.NotEmpty(rows);
        Assert.Equal(firstName, rows[0]["名称"]);
    }
}
