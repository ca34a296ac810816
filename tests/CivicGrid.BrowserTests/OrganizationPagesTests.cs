using System.Text.RegularExpressions;
using CivicGrid.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace CivicGrid.BrowserTests;

public sealed partial class OrganizationPagesTests(BrowserFixture browser)
{
    [GeneratedRegex(@"^1[3-9]\d\*{4}\d{4}$")]
    private static partial Regex MaskedMobile();

    [Fact]
    public async Task Workbench_and_organization_pages_render_in_Chinese_within_scope()
    {
        var page = await browser.NewPageAsync();
        await ConsolePages.LoginAsync(page, "street01");
        await page.WaitForSelectorAsync("[data-testid=stats] .cg-stat");
        var stats = await page.Locator("[data-testid=stats]").InnerTextAsync();
        Assert.Contains("镇街", stats);
        Assert.Contains("单元网格", stats);
        await Screenshots.SaveAsync(page, "console-home");

        await page.GotoAsync("/organization/units");
        await page.WaitForSelectorAsync(".ant-table-tbody tr.ant-table-row");
        Assert.Equal("单位", await page.Locator("h1.cg-page-title").InnerTextAsync());
        await Assertions.Expect(page.Locator(".cg-breadcrumb")).ToContainTextAsync("组织机构");
        var unitText = await page.Locator(".ant-table-tbody").InnerTextAsync();
        Assert.DoesNotContain("第二", unitText);
        await Screenshots.SaveAsync(page, "console-units");

        await page.GotoAsync("/organization/people");
        await page.WaitForSelectorAsync(".ant-table-tbody tr.ant-table-row");
        var phones = await page.Locator(".ant-table-tbody tr.ant-table-row td:nth-child(4)").AllInnerTextsAsync();
        Assert.NotEmpty(phones);
        Assert.All(phones, p => Assert.Matches(MaskedMobile(), p.Trim()));
        await Screenshots.SaveAsync(page, "console-people");

        await page.GotoAsync("/organization/teams");
        await page.WaitForSelectorAsync(".cg-team-hq");
        await Assertions.Expect(page.Locator(".cg-team-hq")).ToContainTextAsync("指挥部");
        await Assertions.Expect(page.Locator(".cg-team-hq")).ToContainTextAsync("专项组");
        await Screenshots.SaveAsync(page, "console-teams");
        Assert.Equal(0, await page.Locator(".ant-result-error").CountAsync());
    }

    [Fact]
    public async Task An_admin_edits_a_unit_through_the_dialog_and_sees_Chinese_validation()
    {
        var page = await browser.NewPageAsync();
        await ConsolePages.LoginAsync(page, "admin");
        await page.WaitForSelectorAsync(".cg-welcome");
        await page.Locator(".cg-menu").GetByRole(AriaRole.Link, new() { Name = "单位" }).ClickAsync();
        await page.WaitForSelectorAsync(".ant-table-tbody tr.ant-table-row");
        await page.FillAsync("#unit-search", "示例矿业");
        await page.Keyboard.PressAsync("Enter");
        var row = page.Locator(".ant-table-tbody tr.ant-table-row", new() { HasText = "示例矿业一号矿" });
        await Assertions.Expect(page.Locator(".ant-table-tbody tr.ant-table-row")).ToHaveCountAsync(1);

        await row.Locator("button").ClickAsync();
        var name = page.Locator("#unit-name");
        await Assertions.Expect(name).ToHaveValueAsync("示例矿业一号矿");
        await name.FillAsync("");
        await page.Locator(".ant-modal-footer .ant-btn-primary").ClickAsync();
        await Assertions.Expect(page.Locator(".ant-modal .ant-alert-error")).ToContainTextAsync("单位名称必填");

        await name.FillAsync("示例矿业一号矿（改）");
        await page.Locator(".ant-modal-footer .ant-btn-primary").ClickAsync();
        await Assertions.Expect(page.Locator(".ant-modal")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".ant-table-tbody")).ToContainTextAsync("示例矿业一号矿（改）");
    }

    [Fact]
    public async Task A_leader_sees_no_edit_buttons()
    {
        var page = await browser.NewPageAsync();
        await ConsolePages.LoginAsync(page, "leader");
        await page.WaitForSelectorAsync(".cg-welcome");
        await page.GotoAsync("/organization/units");
        await page.WaitForSelectorAsync(".ant-table-tbody tr.ant-table-row");
        Assert.Equal(0, await page.Locator(".ant-table-tbody button").CountAsync());
    }

    [Fact]
    public async Task Signing_out_returns_to_the_login_page()
    {
        var page = await browser.NewPageAsync();
        await ConsolePages.LoginAsync(page, "dispatcher");
        await page.WaitForSelectorAsync(".cg-welcome");

        await page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();

        await page.WaitForURLAsync("**/login");
        await page.GotoAsync("/");
        await page.WaitForURLAsync(new Regex("/login\\?returnUrl=", RegexOptions.IgnoreCase));
    }
}
