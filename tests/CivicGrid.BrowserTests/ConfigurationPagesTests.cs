using CivicGrid.BrowserTests.Infrastructure;
using CivicGrid.Cases;
using CivicGrid.Cases.Escalation;
using CivicGrid.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CivicGrid.BrowserTests;

/// <summary>The 配置 pages (问题分类, 责任规则, 工作日历) and 通知与督办, by the roles that use them.</summary>
public sealed class ConfigurationPagesTests(BrowserFixture browser)
{
    [Fact]
    public async Task Admin_adds_a_category_under_a_class_and_sees_it_in_the_tree()
    {
        var page = await browser.NewPageAsync();
        await Run(page, "console-categories-failure", async () =>
        {
            await ConsolePages.LoginAsync(page, "admin");
            await page.Locator(".cg-menu").GetByRole(AriaRole.Link, new() { Name = "问题分类" }).ClickAsync();
            await page.WaitForURLAsync("**/configuration/categories");
            await page.WaitForSelectorAsync(".cg-categories[data-ready=true]");
            await Assertions.Expect(page.Locator(".cg-cat-name[data-code=SJ0401]")).ToHaveTextAsync("占道经营");

            await page.Locator(".cg-row-actions[data-code=SJ04]").GetByRole(AriaRole.Button, new() { Name = "新增下级" }).ClickAsync();
            var dialog = page.Locator(".cg-dialog-category");
            await Assertions.Expect(dialog.Locator("#category-code")).ToHaveValueAsync("SJ04");
            await dialog.Locator(".ant-modal-footer .ant-btn-primary").ClickAsync();
            await Assertions.Expect(dialog.Locator(".cg-field-error[data-field=name]")).ToContainTextAsync("分类名称必填");

            await dialog.Locator("#category-code").FillAsync("SJ0490");
            await dialog.Locator("#category-name").FillAsync("夜市扩摊经营");
            await dialog.Locator("#category-limit input").FillAsync("2");
            await ConsolePages.ChooseAsync(page, SelectOf(dialog, "category-department"), "区城市管理局");
            await dialog.Locator("#category-register").FillAsync("夜市摊位超出划定区域经营，占用人行道或车行道。");
            await dialog.Locator("#category-keywords").FillAsync("夜市、扩摊、摊位占道");
            await dialog.Locator(".ant-modal-footer .ant-btn-primary").ClickAsync();
            await Assertions.Expect(dialog.Locator(".ant-modal")).ToBeHiddenAsync();

            var added = page.Locator(".cg-cat-name[data-code=SJ0490]");
            await Assertions.Expect(added).ToHaveTextAsync("夜市扩摊经营");
            var row = page.Locator(".cg-category-table tr.ant-table-row", new() { Has = added });
            await Assertions.Expect(row).ToContainTextAsync("2 工作日");
            await Assertions.Expect(row).ToContainTextAsync("区城市管理局");
            await Assertions.Expect(page.Locator(".cg-category-drawer")).ToContainTextAsync("夜市摊位超出划定区域经营");

            // It sits under 街面秩序, after that class's other leaves.
            var codes = await page.Locator(".cg-cat-name").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.code)");
            var at = Array.IndexOf(codes, "SJ0490");
            Assert.True(at > Array.IndexOf(codes, "SJ0415") && Array.IndexOf(codes, "SJ04") < at, string.Join(",", codes));
        });
    }

    [Fact]
    public async Task Admin_adds_a_responsibility_rule_and_the_preview_names_its_units()
    {
        var page = await browser.NewPageAsync();
        await Run(page, "console-responsibility-failure", async () =>
        {
            await ConsolePages.LoginAsync(page, "admin");
            await ConsolePages.GotoLiveAsync(page, "/configuration/responsibility");
            await page.WaitForSelectorAsync(".cg-responsibility[data-ready=true]");

            // Before: 街头游商 in the twentieth 镇街 falls under the district-wide 街面秩序 rule (城管).
            var preview = page.Locator(".cg-rule-preview");
            await ConsolePages.ChooseAsync(page, SelectOf(preview, "preview-category"), "SJ0402");
            await ConsolePages.ChooseAsync(page, SelectOf(preview, "preview-region"), "110199020001");
            await page.ClickAsync("#preview-run");
            await Assertions.Expect(preview.Locator(".cg-preview-lead")).ToHaveTextAsync("区城市管理局");

            await page.ClickAsync("#rule-add");
            var dialog = page.Locator(".cg-dialog-rule");
            await dialog.Locator(".ant-modal-footer .ant-btn-primary").ClickAsync();
            await Assertions.Expect(dialog.Locator(".cg-field-error[data-field=unitId]")).ToContainTextAsync("请选择责任单位");
            await ConsolePages.ChooseAsync(page, SelectOf(dialog, "rule-category"), "SJ0402");
            await ConsolePages.ChooseAsync(page, SelectOf(dialog, "rule-region"), "110199020）");
            await ConsolePages.ChooseAsync(page, SelectOf(dialog, "rule-lead"), "区市场监督管理局");
            await ConsolePages.ChooseAsync(page, SelectOf(dialog, "rule-co"), "区交通支队");
            await dialog.Locator("#rule-note").FillAsync("试点：游商由市场监管牵头");
            await dialog.Locator(".ant-modal-footer .ant-btn-primary").ClickAsync();
            await Assertions.Expect(dialog.Locator(".ant-modal")).ToBeHiddenAsync();
            var row = page.Locator(".cg-rule-table tr.ant-table-row", new() { HasText = "试点：游商由市场监管牵头" });
            await Assertions.Expect(row).ToContainTextAsync("区市场监督管理局");
            await Assertions.Expect(row).ToContainTextAsync("区交通支队");

            // After: the 镇街 rule is more specific than the district's, so it answers for the 村居 inside.
            await page.ClickAsync("#preview-run");
            await Assertions.Expect(preview.Locator(".cg-preview-lead")).ToHaveTextAsync("区市场监督管理局");
            await Assertions.Expect(preview.Locator(".cg-preview-co")).ToHaveTextAsync("区交通支队");
            await Assertions.Expect(preview.Locator(".cg-preview-basis")).ToContainTextAsync("SJ0402 × 110199020");
            await Assertions.Expect(row).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("cg-rule-winner"));
            await Screenshots.SaveAsync(page, "console-responsibility");
        });
    }

    [Fact]
    public async Task Admin_edits_a_rule_and_finds_the_change_in_the_change_log()
    {
        var page = await browser.NewPageAsync();
        await Run(page, "console-rule-changes-failure", async () =>
        {
            await ConsolePages.LoginAsync(page, "admin");
            await ConsolePages.GotoLiveAsync(page, "/configuration/responsibility");
            await page.WaitForSelectorAsync(".cg-responsibility[data-ready=true]");

            await page.ClickAsync("#rule-add");
            var dialog = page.Locator(".cg-dialog-rule");
            await ConsolePages.ChooseAsync(page, SelectOf(dialog, "rule-category"), "SJ0402");
            await ConsolePages.ChooseAsync(page, SelectOf(dialog, "rule-region"), "110199021）");
            await ConsolePages.ChooseAsync(page, SelectOf(dialog, "rule-lead"), "区城市管理局");
            await dialog.Locator("#rule-note").FillAsync("变更记录试点");
            await dialog.Locator(".ant-modal-footer .ant-btn-primary").ClickAsync();
            await Assertions.Expect(dialog.Locator(".ant-modal")).ToBeHiddenAsync();

            var row = page.Locator(".cg-rule-table tr.ant-table-row", new() { HasText = "变更记录试点" });
            await row.GetByRole(AriaRole.Button, new() { Name = "编辑" }).ClickAsync();
            await Assertions.Expect(dialog.Locator("#rule-note")).ToHaveValueAsync("变更记录试点");
            await ConsolePages.ChooseAsync(page, SelectOf(dialog, "rule-lead"), "区市场监督管理局");
            await dialog.Locator(".ant-modal-footer .ant-btn-primary").ClickAsync();
            await Assertions.Expect(dialog.Locator(".ant-modal")).ToBeHiddenAsync();
            await Assertions.Expect(row).ToContainTextAsync("区市场监督管理局");

            await page.ClickAsync("#rule-changes");
            var drawer = page.Locator(".cg-rule-changes");
            await page.WaitForSelectorAsync(".cg-rule-changes-body[data-ready=true]");
            // Chosen by hand: the drawer's mask covers the page title ConsolePages.ChooseAsync clicks to close the list.
            var regionFilter = SelectOf(drawer, "change-filter-region");
            await regionFilter.ClickAsync();
            await regionFilter.Locator("input").FillAsync("110199021）");
            await page.Locator(".ant-select-dropdown:visible .ant-select-item-option", new() { HasText = "110199021）" }).First.ClickAsync();
            await drawer.Locator(".ant-drawer-title").ClickAsync();
            await Assertions.Expect(page.Locator(".ant-select-dropdown:visible")).ToHaveCountAsync(0);
            await Assertions.Expect(drawer.Locator("#rule-changes-export")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("regionCode=110199021"));
            var rows = drawer.Locator(".cg-rule-change-table tr.ant-table-row");
            await Assertions.Expect(rows).ToHaveCountAsync(2);
            await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("修改");
            await Assertions.Expect(rows.Nth(0).Locator(".cg-change-summary")).ToHaveTextAsync("牵头单位：区城市管理局 → 区市场监督管理局");
            await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("系统管理员（admin）");
            await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("新增");
            await Assertions.Expect(rows.Nth(1).Locator(".cg-change-summary")).ToContainTextAsync("牵头单位：区城市管理局；协办单位：无；备注：“变更记录试点”");
            await Screenshots.SaveAsync(page, "console-rule-changes");
        });
    }

    [Fact]
    public async Task Admin_marks_a_workday_as_holiday_sees_it_coloured_and_withdraws_it()
    {
        var page = await browser.NewPageAsync();
        await Run(page, "console-calendar-failure", async () =>
        {
            await ConsolePages.LoginAsync(page, "admin");
            await ConsolePages.GotoLiveAsync(page, "/configuration/calendar?month=2026-10");
            await page.WaitForSelectorAsync(".cg-calendar-page[data-ready=true]");
            await Assertions.Expect(page.Locator("[data-testid=calendar-title]")).ToHaveTextAsync("2026 年 10 月");
            await Assertions.Expect(page.Locator("[data-testid=calendar-source]")).ToContainTextAsync("holiday-cn");
            await Assertions.Expect(page.Locator(".cg-calendar-facts")).ToContainTextAsync("08:30–12:00、13:30–17:30");
            await Assertions.Expect(Day(page, "2026-10-01")).ToHaveAttributeAsync("data-kind", "holiday");
            await Assertions.Expect(Day(page, "2026-10-01")).ToContainTextAsync("国庆节");
            await Assertions.Expect(Day(page, "2026-10-10")).ToHaveAttributeAsync("data-kind", "makeup");
            await Assertions.Expect(Day(page, "2026-10-10")).ToContainTextAsync("调休上班");
            await Assertions.Expect(Day(page, "2026-10-11")).ToHaveAttributeAsync("data-kind", "weekend");

            var day = Day(page, "2026-10-14");
            await Assertions.Expect(day).ToHaveAttributeAsync("data-kind", "workday");
            var plain = await Background(day);
            await day.ClickAsync();
            var dialog = page.Locator(".cg-dialog-day");
            await Assertions.Expect(dialog).ToContainTextAsync("当前：上班");
            await dialog.Locator("#day-name").FillAsync("防汛停工");
            await dialog.Locator("#day-save").ClickAsync();
            await Assertions.Expect(dialog.Locator(".ant-modal")).ToBeHiddenAsync();

            await Assertions.Expect(day).ToHaveAttributeAsync("data-kind", "holiday");
            await Assertions.Expect(day).ToContainTextAsync("防汛停工");
            await Assertions.Expect(day).ToContainTextAsync("人工调整");
            Assert.Equal(await Background(Day(page, "2026-10-01")), await Background(day));
            Assert.NotEqual(plain, await Background(day));
            await Assertions.Expect(page.Locator(".cg-calendar-overrides li[data-date='2026-10-14']")).ToContainTextAsync("防汛停工");
            await page.Mouse.MoveAsync(0, 0);
            await Screenshots.SaveAsync(page, "console-calendar");

            await day.ClickAsync();
            await dialog.Locator("#day-remove").ClickAsync();
            await page.Locator(".ant-popover:visible .ant-btn-primary").ClickAsync();
            await Assertions.Expect(day).ToHaveAttributeAsync("data-kind", "workday");
            await Assertions.Expect(page.Locator(".cg-calendar-overrides li[data-date='2026-10-14']")).ToHaveCountAsync(0);
        });
    }

    [Fact]
    public async Task A_year_without_holiday_data_shows_the_fallback_warning()
    {
        var page = await browser.NewPageAsync();
        await ConsolePages.LoginAsync(page, "dispatcher");
        await ConsolePages.GotoLiveAsync(page, "/configuration/calendar?month=2030-05");
        await page.WaitForSelectorAsync(".cg-calendar-page[data-ready=true]");
        await Assertions.Expect(page.Locator(".cg-calendar-fallback")).ToContainTextAsync("2030 年没有节假日数据");
        await Assertions.Expect(page.Locator("[data-testid=calendar-source]")).ToContainTextAsync("按周一至周五");
        // 2030-05-01 is a Wednesday: without data it is an ordinary workday. A dispatcher only reads: no dialog.
        await Assertions.Expect(Day(page, "2030-05-01")).ToHaveAttributeAsync("data-kind", "workday");
        await Day(page, "2030-05-01").ClickAsync();
        Assert.Equal(0, await page.Locator(".cg-dialog-day .ant-modal").CountAsync());
    }

    [Fact]
    public async Task Dispatcher_reads_a_notification_and_sees_the_supervised_cases()
    {
        var (notificationId, caseId) = await NotifyAsync("dispatcher", "红牌督办：测试案卷", "已超过办理时限，请督促办理。");
        var page = await browser.NewPageAsync();
        await Run(page, "console-notifications-failure", async () =>
        {
            await ConsolePages.LoginAsync(page, "dispatcher");
            var bell = page.Locator("[data-testid=notification-bell]");
            await Assertions.Expect(bell).Not.ToHaveAttributeAsync("data-unread", "0");
            var unread = int.Parse(await bell.GetAttributeAsync("data-unread") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
            await bell.ClickAsync();
            await page.WaitForURLAsync("**/notifications");
            await page.WaitForSelectorAsync(".cg-notifications[data-ready=true]");

            var item = page.Locator($".cg-notification[data-id='{notificationId}']");
            await Assertions.Expect(item).ToHaveAttributeAsync("data-read", "false");
            await Assertions.Expect(item).ToContainTextAsync("红牌督办：测试案卷");
            var supervised = page.Locator(".cg-supervision .cg-case-link");
            await Assertions.Expect(supervised.First).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-testid=supervision-count]")).Not.ToHaveTextAsync("0");
            await Assertions.Expect(page.Locator(".cg-supervision .cg-card-badge").First).ToContainTextAsync("牌督办");
            await Screenshots.SaveAsync(page, "console-notifications");

            var row = page.Locator(".cg-notification-table tr.ant-table-row", new() { Has = item });
            await row.GetByRole(AriaRole.Button, new() { Name = "标为已读" }).ClickAsync();
            await Assertions.Expect(item).ToHaveAttributeAsync("data-read", "true");
            await Assertions.Expect(bell).ToHaveAttributeAsync("data-unread", (unread - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));

            // The link marks the notification read and routes inside the circuit (no page load to wait for).
            await row.GetByRole(AriaRole.Link, new() { Name = "查看案卷" }).ClickAsync();
            await page.WaitForSelectorAsync(".cg-case-page[data-ready=true]");
            Assert.EndsWith($"/cases/{caseId}", page.Url, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_town_admin_has_no_configuration_menu_and_the_pages_refuse_him()
    {
        var page = await browser.NewPageAsync();
        await ConsolePages.LoginAsync(page, "street01");
        await page.WaitForSelectorAsync(".cg-welcome");
        var menu = page.Locator(".cg-menu");
        await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = "通知与督办" })).ToBeVisibleAsync();
        Assert.DoesNotContain("配置", await menu.InnerTextAsync());
        Assert.DoesNotContain("问题分类", await page.Locator(".cg-links").InnerTextAsync());

        foreach (var path in new[] { "/configuration/categories", "/configuration/responsibility", "/configuration/calendar" })
        {
            await ConsolePages.GotoLiveAsync(page, path);
            await Assertions.Expect(page.Locator(".cg-no-access")).ToContainTextAsync("无权访问");
        }

        // Not the 督办 list either: that is the command centre's.
        await ConsolePages.GotoLiveAsync(page, "/notifications");
        await page.WaitForSelectorAsync(".cg-notifications[data-ready=true]");
        Assert.Equal(0, await page.Locator(".cg-supervision").CountAsync());
    }

    [Fact]
    public async Task A_dispatcher_reads_the_catalog_but_cannot_change_it()
    {
        var page = await browser.NewPageAsync();
        await ConsolePages.LoginAsync(page, "dispatcher");
        await page.Locator(".cg-menu").GetByRole(AriaRole.Link, new() { Name = "问题分类" }).ClickAsync();
        await page.WaitForSelectorAsync(".cg-categories[data-ready=true]");
        await Assertions.Expect(page.Locator(".cg-cat-name[data-code=SJ0414]")).ToHaveTextAsync("电动自行车违规充电");
        Assert.Equal(0, await page.Locator("#category-add, .cg-row-actions").CountAsync());
        await page.Locator(".cg-cat-name[data-code=SJ0414]").ClickAsync();
        await Assertions.Expect(page.Locator(".cg-category-drawer")).ToContainTextAsync("结案条件");
    }

    /// <summary>An AntDesign select by the Id given to the component (rendered on the select or on its search input).</summary>
    private static ILocator SelectOf(ILocator within, string id) => within.Locator($".ant-select#{id}, .ant-select:has(#{id})").First;

    private static ILocator Day(IPage page, string date) => page.Locator($".cg-cal td[data-date='{date}']");

    private static Task<string> Background(ILocator cell) => cell.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");

    /// <summary>A notification for the user about a supervised case (as the escalation sweep writes them), straight into the app's database.</summary>
    private async Task<(long NotificationId, long CaseId)> NotifyAsync(string userName, string title, string body)
    {
        browser.EnsureAvailable();
        using var scope = browser.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ct = TestContext.Current.CancellationToken;
        var user = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync(ct);
        var caseId = await db.Set<Case>().Where(c => c.Card == SupervisionCard.Red).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(ct);
        var notification = new Notification
        {
            RecipientUserId = user,
            Title = title,
            Body = body,
            Link = $"/cases/{caseId}",
            CreatedAt = browser.App.Services.GetRequiredService<TimeProvider>().GetUtcNow(),
        };
        db.Add(notification);
        await db.SaveChangesAsync(ct);
        return (notification.Id, caseId);
    }

    private static async Task Run(IPage page, string failureShot, Func<Task> steps)
    {
        try
        {
            await steps();
        }
        catch
        {
            await Screenshots.SaveAsync(page, failureShot);
            throw;
        }
    }
}
