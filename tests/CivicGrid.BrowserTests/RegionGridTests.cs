using CivicGrid.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace CivicGrid.BrowserTests;

public sealed class RegionGridTests(BrowserFixture browser)
{
    [Fact]
    public async Task Admin_signs_in_opens_the_region_grid_and_the_map_draws_the_district()
    {
        var page = await browser.NewPageAsync();

        await ConsolePages.LoginAsync(page, "admin");
        await page.WaitForSelectorAsync(".cg-welcome");
        Assert.Contains("欢迎使用文明创建与基层治理平台", await page.Locator(".cg-welcome").InnerTextAsync());
        Assert.Equal("系统管理员", await page.Locator("[data-testid=user-name]").InnerTextAsync());
        Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).IsVisibleAsync());

        await ConsolePages.OpenRegionGridAsync(page);
        await page.ClickAsync(".cg-tree-title[data-code='110199']");

        var details = page.Locator("#region-details");
        await Assertions.Expect(details).ToContainTextAsync("示例区");
        await Assertions.Expect(details).ToContainTextAsync("110199");
        await Assertions.Expect(details).ToContainTextAsync("25 个镇街");
        var polygons = await page.Locator(".leaflet-overlay-pane path").CountAsync();
        Assert.True(polygons > 0, "地图上应画出镇街的多边形。");
        Assert.Equal(25, await page.Locator(".leaflet-tooltip.cg-map-label").CountAsync());

        await Screenshots.SaveAsync(page, "console-grid");

        // Clicking a 镇街 on the map drills down to its 村居.
        await page.Locator(".leaflet-overlay-pane path.leaflet-interactive").First.ClickAsync();
        await Assertions.Expect(details).ToContainTextAsync("镇街");
        await Assertions.Expect(details).Not.ToContainTextAsync("示例区");
    }

    [Fact]
    public async Task A_town_admin_sees_only_his_town_in_the_tree()
    {
        var page = await browser.NewPageAsync();

        await ConsolePages.LoginAsync(page, "street01");
        await page.WaitForSelectorAsync(".cg-welcome");
        await ConsolePages.OpenRegionGridAsync(page);

        var codes = await page.Locator(".cg-tree-title").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.code)");
        Assert.Equal(["110199", "110199001"], codes);
        Assert.Equal(1, await page.Locator(".leaflet-tooltip.cg-map-label").CountAsync());
    }

    [Fact]
    public async Task Searching_by_name_lists_matching_regions()
    {
        var page = await browser.NewPageAsync();

        await ConsolePages.LoginAsync(page, "leader");
        await page.WaitForSelectorAsync(".cg-welcome");
        await ConsolePages.OpenRegionGridAsync(page);
        await page.FillAsync("#region-search", "不存在的地名");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator(".cg-search-results")).ToContainTextAsync("没有找到匹配的区域");
    }
}
