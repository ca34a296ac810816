using Microsoft.Playwright;

namespace CivicGrid.BrowserTests.Infrastructure;

/// <summary>
/// One app and one headless Chromium (Debian's package, not a Playwright download) for the
/// whole run. Without Chromium the tests are skipped loudly, or fail when
/// <c>CIVICGRID_REQUIRE_BROWSER=1</c>.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private ConsoleApp? _app;

    public static bool Required => Environment.GetEnvironmentVariable("CIVICGRID_REQUIRE_BROWSER") == "1";

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("CIVICGRID_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public string? SkipReason { get; private set; }

    public IBrowser Browser { get; private set; } = default!;

    public ConsoleApp App => _app ?? throw new InvalidOperationException("应用尚未启动。");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            SkipReason = $"未找到 Chromium（{ChromiumPath}）：浏览器测试已跳过。请安装 Debian 的 chromium 软件包，或用环境变量 CIVICGRID_CHROMIUM 指定可执行文件。";
            Console.Error.WriteLine("!!! " + SkipReason);
            return;
        }

        _app = new ConsoleApp();
        _app.Start();

        _playwright = await Playwright.CreateAsync();
        var args = new List<string>
        {
            "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run",
        };
        if (Environment.UserName == "root")
        {
            args.Add("--no-sandbox");
        }

        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = args,
        });
    }

    /// <summary>Skips the calling test (or fails it, when the browser is required) if Chromium is missing.</summary>
    public void EnsureAvailable()
    {
        if (SkipReason is null)
        {
            return;
        }

        if (Required)
        {
            throw new InvalidOperationException("CIVICGRID_REQUIRE_BROWSER=1，但" + SkipReason);
        }

        Assert.Skip(SkipReason);
    }

    /// <summary>A fresh browser context (own cookies) with a page on the app, sized like an office screen.</summary>
    public async Task<IPage> NewPageAsync()
    {
        EnsureAvailable();
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
            Locale = "zh-CN",
        });
        context.SetDefaultTimeout(45_000);
        Assertions.SetDefaultExpectTimeout(20_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.DisposeAsync();
            _playwright.Dispose();
        }

        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
