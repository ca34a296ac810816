using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace CivicGrid.BrowserTests;

/// <summary>The case loop through the console: 受理 → 立案 → 派遣 (吹哨) → 签收 → 处置 → 核查 → 结案, by three people.</summary>
public sealed class CaseLoopTests(BrowserFixture browser)
{
    private const string FirstCommunity = "110199001001";

    [Fact]
    public async Task Dispatcher_handler_and_inspector_take_a_hotline_case_round_the_loop()
    {
        browser.EnsureAvailable();
        var (id, number) = await ReportHotlineCaseAsync("小区门口垃圾桶旁边暴露垃圾很多，几天没人清理，气味很大");

        var page = await browser.NewPageAsync();
        try
        {
            await RunLoopAsync(page, id, number);
        }
        catch
        {
            await Screenshots.SaveAsync(page, "console-case-failure");
            throw;
        }
    }

    private static async Task RunLoopAsync(IPage page, long id, string number)
    {
        // 指挥中心: finds the case in 待受理, registers it, dispatches it to 城管 (lead) and 环卫 (co-unit).
        await ConsolePages.LoginAsync(page, "dispatcher");
        await page.WaitForSelectorAsync(".cg-welcome");
        await Assertions.Expect(page.Locator(".cg-menu").GetByRole(AriaRole.Link, new() { Name = "问题案卷" })).ToBeVisibleAsync();
        await ConsolePages.GotoLiveAsync(page, "/cases");
        await page.WaitForSelectorAsync(".cg-cases[data-ready=true]");
        await page.ClickAsync(".cg-case-tab[data-queue=dispatch]");
        await Assertions.Expect(page.Locator(".ant-tabs-tab-active")).ToContainTextAsync("待派遣");
        await page.ClickAsync(".cg-case-tab[data-queue=reported]");
        await Assertions.Expect(page.Locator(".ant-tabs-tab-active")).ToContainTextAsync("待受理");
        await Assertions.Expect(page.Locator($".cg-case-link[data-id='{id}']")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "console-cases");
        await OpenFromQueueAsync(page, id, number);

        await Assertions.Expect(page.Locator(".cg-case-meta")).ToContainTextAsync("示例区 / ");
        await ActAsync(page, "register");
        await Assertions.Expect(page.Locator(".cg-case-status")).ToHaveTextAsync("立案");

        await page.ClickAsync("[data-action=dispatch]");
        var dialog = page.Locator(".cg-dialog-dispatch");
        await Assertions.Expect(dialog.Locator("[data-testid=category-suggestions] .cg-suggestion").First).ToBeVisibleAsync();
        await Assertions.Expect(dialog.Locator("[data-testid=duplicates]")).ToContainTextAsync("疑似重复");
        await Assertions.Expect(dialog.Locator("[data-testid=suggested-unit]")).Not.ToBeEmptyAsync();
        await Screenshots.SaveAsync(page, "console-case-dispatch");
        await ChooseAsync(page, dialog.Locator(".ant-select").Nth(1), "区城市管理局");
        await ChooseAsync(page, dialog.Locator(".ant-select").Nth(2), "区环境卫生服务中心");
        await dialog.Locator(".ant-modal-footer .ant-btn-primary").ClickAsync();
        await Assertions.Expect(page.Locator(".cg-case-status")).ToHaveTextAsync("已派遣");
        var units = page.Locator(".cg-case-units .cg-unit-row");
        await Assertions.Expect(units).ToHaveCountAsync(2);
        await Assertions.Expect(units.First).ToContainTextAsync("区城市管理局");
        await Assertions.Expect(units.First).ToContainTextAsync("主办");
        await Assertions.Expect(units.Nth(1)).ToContainTextAsync("区环境卫生服务中心");
        await LogoutAsync(page);

        // 城管办理人: the case waits in 待签收; acknowledges (报到) and handles it.
        await ConsolePages.LoginAsync(page, "handler.cg");
        await page.WaitForSelectorAsync(".cg-welcome");
        await ConsolePages.GotoLiveAsync(page, "/cases?queue=acknowledge");
        await page.WaitForSelectorAsync(".cg-cases[data-ready=true]");
        await Assertions.Expect(page.Locator(".ant-tabs-tab-active")).ToContainTextAsync("待签收");
        await OpenFromQueueAsync(page, id, number);
        await ActAsync(page, "acknowledge");
        await Assertions.Expect(page.Locator(".cg-case-status")).ToHaveTextAsync("已签收");
        await Assertions.Expect(units.First).ToContainTextAsync("已报到");
        await page.ClickAsync("[data-action=handle]");
        await page.FillAsync("#action-comment", "已清运暴露垃圾并冲洗地面，现场恢复整洁。");
        await page.Locator(".cg-dialog-handle input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "现场照片.png",
            MimeType = "image/png",
            Buffer = TestImages.Png(),
        });
        await Assertions.Expect(page.Locator(".cg-dialog-handle .ant-upload-list-item-done, .cg-dialog-handle .ant-upload-list-item:not(.ant-upload-list-item-uploading)")).ToHaveCountAsync(1);
        await page.Locator(".cg-dialog-handle .ant-modal-footer .ant-btn-primary").ClickAsync();
        await Assertions.Expect(page.Locator(".cg-case-status")).ToHaveTextAsync("已处置");
        Assert.Equal(0, await page.Locator("[data-action=verify]").CountAsync());
        await LogoutAsync(page);

        // 督查员: verifies from 待核查; the case closes with its whole history.
        await ConsolePages.LoginAsync(page, "inspector");
        await page.WaitForSelectorAsync(".cg-welcome");
        await ConsolePages.GotoLiveAsync(page, "/cases?queue=verify");
        await page.WaitForSelectorAsync(".cg-cases[data-ready=true]");
        await OpenFromQueueAsync(page, id, number);
        await page.ClickAsync("[data-action=verify]");
        await page.FillAsync("#action-comment", "现场复核，已整改到位。");
        await page.Locator(".cg-dialog-verify .ant-modal-footer .ant-btn-primary").ClickAsync();
        await Assertions.Expect(page.Locator(".cg-case-status")).ToHaveTextAsync("结案");

        var steps = await page.Locator(".cg-timeline [data-step]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.step)");
        Assert.Equal(["上报", "立案", "派遣", "签收", "处置", "核查", "结案"], steps);
        var timeline = await page.Locator(".cg-timeline").InnerTextAsync();
        Assert.Contains("已清运暴露垃圾并冲洗地面", timeline);
        var thumbnail = page.Locator(".cg-timeline .cg-thumbs img").First;
        await Assertions.Expect(thumbnail).ToBeVisibleAsync();
        Assert.True(await thumbnail.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "处置照片的缩略图应能加载");
        Assert.Contains("指挥中心派遣员", timeline);
        Assert.Contains("城管办理人", timeline);
        Assert.Contains("督查员", timeline);
        await page.WaitForSelectorAsync("[data-testid=case-map] .leaflet-interactive");
        await Screenshots.SaveAsync(page, "console-case");
    }

    [Fact]
    public async Task A_stale_dialog_gets_the_Chinese_conflict_message_and_the_case_reloads()
    {
        browser.EnsureAvailable();
        var (id, _) = await ReportHotlineCaseAsync("路边井盖破损，行人容易踩空");
        var page = await browser.NewPageAsync();
        await ConsolePages.LoginAsync(page, "dispatcher");
        await page.WaitForSelectorAsync(".cg-welcome");
        await ConsolePages.GotoLiveAsync(page, $"/cases/{id}");
        await page.WaitForSelectorAsync(".cg-case-page[data-ready=true]");
        await page.ClickAsync("[data-action=register]");
        await page.WaitForSelectorAsync(".cg-dialog-register .ant-modal-footer .ant-btn-primary");

        // Someone else registers the case meanwhile.
        using var http = new HttpClient { BaseAddress = browser.App.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cases/{id}/transitions")
        {
            Content = JsonContent.Create(new { action = "register" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(http, "admin"));
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();

        await page.Locator(".cg-dialog-register .ant-modal-footer .ant-btn-primary").ClickAsync();
        await Assertions.Expect(page.Locator(".cg-case-notice")).ToContainTextAsync("已被他人处理");
        await Assertions.Expect(page.Locator(".cg-case-status")).ToHaveTextAsync("立案");
        Assert.Equal(0, await page.Locator("[data-action=register]").CountAsync());
    }

    private static async Task OpenFromQueueAsync(IPage page, long id, string number)
    {
        // The queue is prerendered: typing before the circuit is live would be lost.
        await page.WaitForSelectorAsync(".cg-live-marker[data-interactive=true]", new() { State = WaitForSelectorState.Attached });
        await page.FillAsync("#case-search", number);
        await page.Keyboard.PressAsync("Enter");
        var link = page.Locator($".cg-case-link[data-id='{id}']");
        await Assertions.Expect(page.Locator(".cg-case-table .ant-table-tbody tr.ant-table-row")).ToHaveCountAsync(1);
        await link.ClickAsync();
        await page.WaitForURLAsync($"**/cases/{id}");
        await page.WaitForSelectorAsync(".cg-case-page[data-ready=true]");
    }

    /// <summary>Opens the action's dialog and confirms it as it comes (defaults only).</summary>
    private static async Task ActAsync(IPage page, string action)
    {
        await page.ClickAsync($"[data-action={action}]");
        var dialog = page.Locator($".cg-dialog-{action}");
        await dialog.Locator(".ant-modal-footer .ant-btn-primary").ClickAsync();
        await Assertions.Expect(dialog.Locator(".ant-modal")).ToBeHiddenAsync();
    }

    /// <summary>Picks an option of an AntDesign select by typing part of its text.</summary>
    private static async Task ChooseAsync(IPage page, ILocator select, string text)
    {
        if ((await select.InnerTextAsync()).Contains(text, StringComparison.Ordinal))
        {
            return;
        }

        await select.ClickAsync();
        await select.Locator("input").FillAsync(text);
        await page.Locator(".ant-select-dropdown:visible .ant-select-item-option", new() { HasText = text }).First.ClickAsync();
        await page.Locator(".ant-modal:visible .ant-modal-title").ClickAsync();
        await Assertions.Expect(select).ToContainTextAsync(text);
    }

    private static async Task LogoutAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();
        await page.WaitForURLAsync("**/login");
    }

    /// <summary>A resident's call taken by the hotline: located in the first community, not auto-dispatched (it waits in 待受理).</summary>
    private async Task<(long Id, string Number)> ReportHotlineCaseAsync(string description)
    {
        using var http = new HttpClient { BaseAddress = browser.App.BaseAddress };
        var admin = await TokenAsync(http, "admin");
        using var cellsRequest = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/regions/{FirstCommunity}/children");
        cellsRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);
        using var cellsResponse = await http.SendAsync(cellsRequest, TestContext.Current.CancellationToken);
        cellsResponse.EnsureSuccessStatusCode();
        var cell = (await cellsResponse.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken))[0];

        var resident = await TokenAsync(http, "resident");
        using var report = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cases")
        {
            Content = JsonContent.Create(new
            {
                description = description + "（" + Guid.NewGuid().ToString("N")[..6] + "）",
                lon = cell.GetProperty("centerLon").GetDouble(),
                lat = cell.GetProperty("centerLat").GetDouble(),
                source = "hotline",
            }),
        };
        report.Headers.Authorization = new AuthenticationHeaderValue("Bearer", resident);
        using var created = await http.SendAsync(report, TestContext.Current.CancellationToken);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(created.IsSuccessStatusCode, body.ToString());
        Assert.Equal("Reported", body.GetProperty("status").GetString());
        return (body.GetProperty("id").GetInt64(), body.GetProperty("number").GetString()!);
    }

    private static async Task<string> TokenAsync(HttpClient http, string userName)
    {
        using var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = ConsolePages.Password }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("accessToken").GetString()!;
    }
}
