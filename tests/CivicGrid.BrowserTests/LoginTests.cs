using System.Text.RegularExpressions;
using CivicGrid.BrowserTests.Infrastructure;

namespace CivicGrid.BrowserTests;

public sealed class LoginTests(BrowserFixture browser)
{
    [Fact]
    public async Task Wrong_password_shows_the_Chinese_error_on_the_login_page()
    {
        var page = await browser.NewPageAsync();

        await ConsolePages.LoginAsync(page, "inspector", "不对的密码123", expectSuccess: false);

        await page.WaitForURLAsync("**/login?**");
        var error = await page.Locator(".cg-login-error").InnerTextAsync();
        Assert.Contains("用户名或密码不正确", error);
        Assert.Equal("inspector", await page.InputValueAsync("#userName"));
    }

    [Fact]
    public async Task Console_pages_redirect_to_the_login_page_when_signed_out()
    {
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/organization/units");

        await page.WaitForURLAsync(new Regex("/login\\?returnUrl=%2Forganization%2Funits", RegexOptions.IgnoreCase));
        Assert.Contains("文明创建与基层治理平台", await page.Locator("h1").InnerTextAsync());
    }
}
