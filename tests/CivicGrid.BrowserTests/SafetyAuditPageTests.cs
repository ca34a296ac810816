using CivicGrid.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace CivicGrid.BrowserTests;

/// <summary>
/// The mine's safety officer runs a NOSA audit in the console: he opens a new audit, leaves every element at full marks
/// but one he scores 0, enters the injury rate, submits, and reads the total, the star grade and the failed element
/// turned into a hidden danger.
/// </summary>
public sealed class SafetyAuditPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_officer_scores_an_audit_and_the_failed_element_becomes_a_hidden_danger()
    {
        browser.EnsureAvailable();
        var page = await browser.NewPageAsync();
        try
        {
            await ConsolePages.LoginAsync(page, "safety");
            await ConsolePages.GotoLiveAsync(page, "/safety/audits");
            await FillAsync(page.GetByPlaceholder("审核名称，如 2026年度NOSA五星审核"), "浏览器测试五星审核");
            await FillAsync(page.Locator(".cg-audit-date"), "2026-11-20");
            await FillAsync(page.GetByPlaceholder("审核员"), "张审核");
            await page.Locator(".cg-audit-create").ClickAsync();
            await Assertions.Expect(page.Locator(".ant-alert")).ToContainTextAsync("已新建审核，请逐项评分。");

            var audit = page.Locator(".cg-audit");
            await Assertions.Expect(audit).ToContainTextAsync("建筑物及厂房管理");
            await FillAsync(audit.Locator(".cg-audit-score").First, "0");
            await FillAsync(audit.Locator(".cg-audit-injury"), "0.5");
            await audit.Locator(".cg-audit-submit").ClickAsync();

            await Assertions.Expect(page.Locator(".ant-alert")).ToContainTextAsync("评分已提交。");
            await Assertions.Expect(audit.Locator(".cg-audit-total")).ToContainTextAsync("%");
            await Assertions.Expect(audit.Locator(".cg-audit-stars")).ToContainTextAsync("★");
            await Assertions.Expect(audit.Locator(".ant-tag", new() { HasText = "不合格" })).ToHaveCountAsync(1);
            await Assertions.Expect(audit.GetByText("隐患 #")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator("table").First).ToContainTextAsync("浏览器测试五星审核");
            await Screenshots.SaveAsync(page, "safety-audit");
        }
        catch
        {
            await Screenshots.SaveAsync(page, "safety-audit-failure");
            throw;
        }
    }

    /// <summary>Types the value and fires the change event the page's bindings listen to.</summary>
    private static async Task FillAsync(ILocator input, string value)
    {
        await input.FillAsync(value);
        await input.DispatchEventAsync("change");
    }
}
