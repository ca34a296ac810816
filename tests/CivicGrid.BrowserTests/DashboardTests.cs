using System.Globalization;
using CivicGrid.BrowserTests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;

namespace CivicGrid.BrowserTests;

public sealed class DashboardTests(BrowserFixture browser)
{
    private const string FirstCommunity = "110199001001";

    [Fact]
    public async Task Leader_opens_the_dashboard_drills_down_to_a_town_and_downloads_the_monthly_ranking()
    {
        var page = await browser.NewPageAsync();
        await ConsolePages.LoginAsync(page, "leader");
        await page.Locator(".cg-menu").GetByRole(AriaRole.Link, new() { Name = "数据大屏" }).ClickAsync();
        await page.WaitForURLAsync("**/dashboard");
        var dashboard = page.Locator("[data-testid=dashboard]");
        await Assertions.Expect(dashboard).ToHaveAttributeAsync("data-ready", "true");
        await Assertions.Expect(dashboard).ToHaveAttributeAsync("data-area", "110199");
        await Assertions.Expect(page.Locator(".leaflet-tooltip.cg-map-label")).ToHaveCountAsync(25);
        await Assertions.Expect(page.Locator(".leaflet-tooltip.cg-map-label").First).ToContainTextAsync("件");
        // Trend, categories, top problems and the two gauges are drawn by ECharts.
        await Assertions.Expect(page.Locator(".cg-dash-chart canvas")).ToHaveCountAsync(5);
        await Assertions.Expect(page.Locator("[data-testid=dashboard-ranking] tbody tr")).ToHaveCountAsync(10);
        await Screenshots.SaveAsync(page, "console-dashboard");

        // 区 → 镇街: a click on the first 镇街's polygon.
        await page.Locator(".leaflet-overlay-pane path[data-code='110199001']").ClickAsync();
        await Assertions.Expect(dashboard).ToHaveAttributeAsync("data-area", "110199001");
        await Assertions.Expect(page.Locator("[data-testid=dashboard-path] a")).ToHaveTextAsync("示例区");
        await Assertions.Expect(page.Locator(".leaflet-overlay-pane path[data-code^='110199001']")).Not.ToHaveCountAsync(0);

        // The figures follow case changes without a reload.
        var today = page.Locator("[data-testid=today-registered] b");
        var before = long.Parse(await today.InnerTextAsync(), CultureInfo.InvariantCulture);
        await RegisterHotlineCaseAsync("路口有个情况需要有人来看一下");
        await Assertions.Expect(today).ToHaveTextAsync((before + 1).ToString(CultureInfo.InvariantCulture));

        // The monthly ranking, its notice (.docx) and its Excel table.
        await page.ClickAsync("[data-testid=dashboard-ranking-link]");
        await page.WaitForURLAsync("**/assessment");
        await Assertions.Expect(page.Locator("[data-testid=ranking-table] tbody tr")).ToHaveCountAsync(25);
        var first = (await page.Locator("[data-testid=ranking-table] tbody tr").First.Locator("td").Nth(1).InnerTextAsync()).Trim();

        var notice = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=ranking-notice]"));
        Assert.EndsWith(".docx", notice.SuggestedFilename, StringComparison.Ordinal);
        var noticePath = await notice.PathAsync();
        Assert.True(new FileInfo(noticePath).Length > 0, "下载的通报不应为空。");
        using (var doc = WordprocessingDocument.Open(noticePath, false))
        {
            var text = doc.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("考评结果的通报", text);
            Assert.Contains(first, text);
        }

        var excel = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=ranking-excel]"));
        Assert.EndsWith(".xlsx", excel.SuggestedFilename, StringComparison.Ordinal);
        var excelPath = await excel.PathAsync();
        Assert.True(new FileInfo(excelPath).Length > 0, "下载的 Excel 不应为空。");
        await using var stream = File.OpenRead(excelPath);
        var rows = CivicGrid.Platform.ExcelSheet.Read(stream);
        Assert.Equal(25, rows.Count);
        Assert.Equal(first, rows[0]["考评对象"]);
    }

    [Fact]
    public async Task A_town_admin_sees_his_own_town_on_the_dashboard()
    {
        var page = await browser.NewPageAsync();
        await ConsolePages.LoginAsync(page, "street01");
        await ConsolePages.GotoLiveAsync(page, "/dashboard");
        var dashboard = page.Locator("[data-testid=dashboard]");
        await Assertions.Expect(dashboard).ToHaveAttributeAsync("data-area", "110199001");
        await Assertions.Expect(page.Locator("[data-testid=dashboard-path] a")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".leaflet-overlay-pane path.leaflet-interactive").First).ToBeVisibleAsync();
    }

    /// <summary>A hotline case in the first 村居, registered by the dispatcher: it enters today's figures.</summary>
    private async Task RegisterHotlineCaseAsync(string description)
    {
        using var http = new HttpClient { BaseAddress = browser.App.BaseAddress };
        var admin = await ApiCalls.TokenAsync(http, "admin");
        var cell = (await ApiCalls.SendAsync(http, admin, HttpMethod.Get, $"/api/v1/regions/{FirstCommunity}/children"))[0];
        var category = (await ApiCalls.SendAsync(http, admin, HttpMethod.Get, "/api/v1/cases/suggest-category?text=" + Uri.EscapeDataString("暴露垃圾没人清理")))[0]
            .GetProperty("code").GetString();
        var created = await ApiCalls.SendAsync(http, await ApiCalls.TokenAsync(http, "resident"), HttpMethod.Post, "/api/v1/cases", new
        {
            description = description + "（" + Guid.NewGuid().ToString("N")[..6] + "）",
            lon = cell.GetProperty("centerLon").GetDouble(),
            lat = cell.GetProperty("centerLat").GetDouble(),
            source = "hotline",
        });
        Assert.Equal("Reported", created.GetProperty("status").GetString());
        await ApiCalls.SendAsync(http, await ApiCalls.TokenAsync(http, "dispatcher"), HttpMethod.Post, $"/api/v1/cases/{created.GetProperty("id").GetInt64()}/transitions",
            new { action = "register", categoryCode = category });
    }
}
