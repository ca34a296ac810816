using System.Text.RegularExpressions;
using CivicGrid.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace CivicGrid.BrowserTests;

public sealed partial class StandardsPagesTests(BrowserFixture browser)
{
    [GeneratedRegex(@"1[3-9]\d{9}")]
    private static partial Regex FullMobile();

    [GeneratedRegex(@"(\d+)")]
    private static partial Regex Number();

    [Fact]
    public async Task Admin_opens_the_point_map_and_list_filters_by_category_and_opens_a_sign()
    {
        var page = await browser.NewPageAsync();
        await ConsolePages.LoginAsync(page, "admin");
        await page.WaitForSelectorAsync(".cg-welcome");

        await page.Locator(".cg-menu").GetByRole(AriaRole.Link, new() { Name = "点位地图" }).ClickAsync();
        await page.WaitForURLAsync("**/standards/map");
        await page.WaitForSelectorAsync(".cg-points-map-wrap[data-ready=true]");
        await page.WaitForSelectorAsync("[data-testid=points-map] .leaflet-overlay-pane canvas");
        var shown = int.Parse(Number().Match(await page.Locator("[data-testid=map-count]").InnerTextAsync()).Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(shown, 550, 650);
        await Assertions.Expect(page.Locator(".cg-points-legend")).ToContainTextAsync("农贸市场（集贸市场）");
        await Assertions.Expect(page.Locator(".cg-breadcrumb")).ToContainTextAsync("测评点位");
        await Screenshots.SaveAsync(page, "console-points");

        await page.Locator(".cg-menu").GetByRole(AriaRole.Link, new() { Name = "点位", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/standards/points");
        await page.WaitForSelectorAsync(".ant-table-tbody tr.ant-table-row");
        await page.Locator(".ant-select:has(#points-category), .ant-select#points-category").First.ClickAsync();
        await page.Locator(".ant-select-dropdown:visible .ant-select-item-option", new() { HasText = "农贸市场（集贸市场）" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=points-total]")).ToHaveTextAsync(new Regex("共 (2\\d|3\\d) 个点位"));
        var categories = await page.Locator(".ant-table-tbody tr.ant-table-row td:nth-child(3)").AllInnerTextsAsync();
        Assert.NotEmpty(categories);
        Assert.All(categories, c => Assert.Equal("农贸市场（集贸市场）", c.Trim()));
        Assert.Contains("东坝镇农贸市场", await page.Locator(".ant-table-tbody").InnerTextAsync());
        await Screenshots.SaveAsync(page, "console-points-list");

        var row = page.Locator(".ant-table-tbody tr.ant-table-row", new() { HasText = "东坝镇农贸市场" });
        var href = await row.GetByRole(AriaRole.Link, new() { Name = "亮牌" }).GetAttributeAsync("href");
        Assert.StartsWith("/p/points/NMSC-", href);

        var phone = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.App.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            Locale = "zh-CN",
        });
        var sign = await phone.NewPageAsync();
        await sign.GotoAsync(href!);
        await Assertions.Expect(sign.Locator("[data-testid=point-name]")).ToHaveTextAsync("东坝镇农贸市场");
        await Assertions.Expect(sign.Locator("[data-testid=latest-inspection]")).ToContainTextAsync("暂无检查记录");
        await Assertions.Expect(sign.Locator("[data-testid=standards]")).ToContainTextAsync("按区划行、分类经营");
        Assert.DoesNotMatch(FullMobile(), await sign.Locator("body").InnerTextAsync());
        var report = await sign.Locator("[data-testid=report-link]").GetAttributeAsync("href");
        Assert.StartsWith("/report?point=" + href!["/p/points/".Length..], report);
        await Screenshots.SaveAsync(sign, "public-point-sign");
        await phone.CloseAsync();

        await page.GotoAsync($"/standards/signs/print?code={href!["/p/points/".Length..]}");
        await Assertions.Expect(page.Locator(".sheet")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".sheet")).ToContainTextAsync("东坝镇人民政府");
        Assert.True(await page.Locator(".sheet .qr img").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 100"));
        await Screenshots.SaveAsync(page, "console-point-sign-print");
    }

    [Fact]
    public async Task Index_page_shows_the_standards_of_a_category()
    {
        var page = await browser.NewPageAsync();
        await ConsolePages.LoginAsync(page, "inspector");
        await ConsolePages.GotoLiveAsync(page, "/standards/index?category=GCCS");
        await page.WaitForSelectorAsync("[data-testid=index-tree] .cg-index-table");
        await Assertions.Expect(page.Locator("[data-testid=index-tree]")).ToContainTextAsync("厕所内外干净");
        await Assertions.Expect(page.Locator("[data-testid=index-tree]")).Not.ToContainTextAsync("校门口 200 米内");
        await Assertions.Expect(page.Locator("[data-testid=index-summary]")).ToContainTextAsync("条测评标准");
        Assert.Equal(0, await page.Locator("label[for=index-import]").CountAsync());
        await Screenshots.SaveAsync(page, "console-standards-index");
    }

    [Fact]
    public async Task Street_office_edits_a_point_through_the_dialog_and_sees_Chinese_validation()
    {
        var page = await browser.NewPageAsync();
        await ConsolePages.LoginAsync(page, "street01");
        await ConsolePages.GotoLiveAsync(page, "/standards/points?category=GCCS");
        await page.WaitForSelectorAsync(".ant-table-tbody tr.ant-table-row");
        var row = page.Locator(".ant-table-tbody tr.ant-table-row").First;
        var original = (await row.Locator("td:nth-child(2)").InnerTextAsync()).Trim();
        await row.GetByRole(AriaRole.Button, new() { Name = "编辑" }).ClickAsync();
        var name = page.Locator("#point-name");
        await Assertions.Expect(name).ToHaveValueAsync(original);
        await page.Locator("#point-phone").FillAsync("12345");
        await page.Locator(".ant-modal-footer .ant-btn-primary").ClickAsync();
        await Assertions.Expect(page.Locator(".ant-modal .ant-alert-error")).ToContainTextAsync("联系电话");

        await page.Locator("#point-phone").FillAsync("13900001111");
        await name.FillAsync(original + "（改）");
        await page.Locator(".ant-modal-footer .ant-btn-primary").ClickAsync();
        await Assertions.Expect(page.Locator(".ant-modal")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".ant-table-tbody")).ToContainTextAsync(original + "（改）");
        await Assertions.Expect(page.Locator(".ant-table-tbody")).ToContainTextAsync("13900001111");
    }
}
