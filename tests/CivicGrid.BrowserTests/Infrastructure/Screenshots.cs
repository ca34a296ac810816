using Microsoft.Playwright;

namespace CivicGrid.BrowserTests.Infrastructure;

/// <summary>
/// Screenshots for the documentation, written only when <c>CIVICGRID_SCREENSHOTS</c> is set:
/// to that folder, or to docs/images of the repository when it is <c>1</c>.
/// </summary>
public static class Screenshots
{
    public static async Task SaveAsync(IPage page, string name)
    {
        var setting = Environment.GetEnvironmentVariable("CIVICGRID_SCREENSHOTS");
        if (string.IsNullOrWhiteSpace(setting))
        {
            return;
        }

        var folder = setting is "1" or "true" ? Path.Combine(RepositoryRoot(), "docs", "images") : Path.GetFullPath(setting);
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png") });
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CivicGrid.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("找不到仓库根目录（CivicGrid.slnx）。");
    }
}
