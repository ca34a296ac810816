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
}
