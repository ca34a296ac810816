using CivicGrid.BrowserTests.Infrastructure;

namespace CivicGrid.BrowserTests;

/// <summary>
/// The Excel imports and uploads take multipart forms without an antiforgery token (scripts and the console post them).
/// What keeps another site from posting them with a signed-in officer's cookie is the cookie's SameSite=Lax: a real
/// browser must not send it with a form another site submits. localhost and 127.0.0.1 are different sites to the browser.
/// </summary>
public sealed class CrossSiteRequestTests(BrowserFixture browser)
{
    private const string PostImport = """
        target => {
          const form = document.createElement('form');
          form.method = 'POST';
          form.enctype = 'multipart/form-data';
          form.action = target;
          const file = document.createElement('input');
          file.type = 'text';
          file.name = 'note';
          file.value = 'cross-site';
          form.appendChild(file);
          document.body.appendChild(form);
          form.submit();
        }
        """;

    [Fact]
    public async Task A_form_another_site_submits_does_not_carry_the_officers_sign_in()
    {
        var page = await browser.NewPageAsync();
        await ConsolePages.LoginAsync(page, "admin");
        var app = browser.App.BaseAddress;
        var import = new Uri(app, "/api/v1/units/import").ToString();

        // The same site: the cookie goes with the form, so the import itself answers (no file → 400).
        await page.GotoAsync("/login");
        var same = await page.RunAndWaitForResponseAsync(() => page.EvaluateAsync(PostImport, import), import);
        Assert.Equal(400, same.Status);

        // Another site (localhost instead of 127.0.0.1) posting the same form: no cookie, so not signed in.
        var other = await page.Context.NewPageAsync();
        await other.GotoAsync(new UriBuilder(app) { Host = "localhost", Path = "/login" }.ToString());
        var crossSite = await other.RunAndWaitForResponseAsync(() => other.EvaluateAsync(PostImport, import), import);
        Assert.Equal(401, crossSite.Status);
    }
}
