using Microsoft.Playwright;

namespace CivicGrid.BrowserTests;

/// <summary>Steps the tests share: signing in through the login page.</summary>
internal static class ConsolePages
{
    public const string Password = "Demo#2026";

    /// <summary>Signs in and waits for the console's live circuit (pass expectSuccess false for a refused login).</summary>
    public static async Task LoginAsync(IPage page, string userName, string password = Password, bool expectSuccess = true)
    {
        await page.GotoAsync("/login");
        await page.FillAsync("#userName", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        if (expectSuccess)
        {
            await page.WaitForSelectorAsync(".cg-live-marker[data-interactive=true]", new() { State = WaitForSelectorState.Attached });
        }
    }

    /// <summary>Opens a console page and waits until its circuit is live (clicks on prerendered HTML are lost).</summary>
    public static async Task GotoLiveAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitForSelectorAsync(".cg-live-marker[data-interactive=true]", new() { State = WaitForSelectorState.Attached });
    }

    /// <summary>Opens 区域网格 from the menu and waits for the live circuit and the first polygons.</summary>
    public static async Task OpenRegionGridAsync(IPage page)
    {
        await page.Locator(".cg-menu").GetByRole(AriaRole.Link, new() { Name = "区域网格" }).ClickAsync();
        await page.WaitForURLAsync("**/grid");
        await page.WaitForSelectorAsync(".cg-grid-page[data-ready=true]");
        await page.WaitForSelectorAsync(".leaflet-overlay-pane path");
    }

    /// <summary>Picks an option of an AntDesign select by typing part of its text, then closes the dropdown (also of a multiple select).</summary>
    /// <remarks>
    /// On a loaded machine the option's click can land before the circuit handles it and the select stays empty; an empty
    /// single select is then chosen again (at most three times); never a multiple select or one with a choice (a second click
    /// on an option that did register late would toggle it off).
    /// </remarks>
    public static async Task ChooseAsync(IPage page, ILocator select, string text)
    {
        var chosen = select.Locator(".ant-select-selection-item");
        var once = await chosen.CountAsync() > 0 || (await select.GetAttributeAsync("class") ?? "").Contains("ant-select-multiple", StringComparison.Ordinal);
        for (var attempt = 1; ; attempt++)
        {
            await ChooseOnceAsync(page, select, text);
            if (once || attempt == 3)
            {
                return;
            }

            try
            {
                await Assertions.Expect(chosen.First).ToBeVisibleAsync(new() { Timeout = 10000 });
                return;
            }
            catch (PlaywrightException)
            {
                // Not taken: choose again.
            }
        }
    }

    private static async Task ChooseOnceAsync(IPage page, ILocator select, string text)
    {
        await select.ClickAsync();
        await select.Locator("input").FillAsync(text);
        await page.Locator(".ant-select-dropdown:visible .ant-select-item-option", new() { HasText = text }).First.ClickAsync();
        var modalTitle = page.Locator(".ant-modal:visible .ant-modal-title");
        await (await modalTitle.CountAsync() > 0 ? modalTitle.First : page.Locator("h1.cg-page-title")).ClickAsync();
        await Assertions.Expect(page.Locator(".ant-select-dropdown:visible")).ToHaveCountAsync(0);
    }
}
