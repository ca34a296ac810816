using CivicGrid.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace CivicGrid.BrowserTests;

/// <summary>
/// The mine's safety officer runs the platform's built-in 区域入侵 detector on a snapshot he uploads on the warning board;
/// OpenCV loads on this machine, so no “运行库无法加载” notice shows, and an empty yard gives nothing to report.
/// </summary>
public sealed class SafetyDetectorPanelTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_officer_runs_the_intrusion_detector_on_an_uploaded_snapshot()
    {
        browser.EnsureAvailable();
        var page = await browser.NewPageAsync();
        try
        {
            await ConsolePages.LoginAsync(page, "safety");
            await ConsolePages.GotoLiveAsync(page, "/safety/warnings");
            var panel = page.Locator(".cg-detectors");
            await panel.Locator("[data-ready=true]").WaitForAsync();
            await Assertions.Expect(panel.Locator(".cg-detector-unavailable")).ToHaveCountAsync(0);

            await ConsolePages.ChooseAsync(page, panel.Locator(".ant-select").First, "CAM-003");
            await ConsolePages.ChooseAsync(page, panel.Locator(".ant-select").Nth(1), "区域入侵");
            await page.Locator("#detector-snapshot").SetInputFilesAsync(new FilePayload { Name = "CAM-003.jpg", MimeType = "image/jpeg", Buffer = EmptyYard() });

            await Assertions.Expect(panel.Locator(".cg-detector-result")).ToContainTextAsync("未检测到需要上报的目标。");
            await panel.ScrollIntoViewIfNeededAsync();
            await Screenshots.SaveAsync(page, "safety-detector-panel");
        }
        catch
        {
            await Screenshots.SaveAsync(page, "safety-detector-panel-failure");
            throw;
        }
    }

    private static byte[] EmptyYard()
    {
        using var image = new Image<Rgb24>(640, 480, new Rgb24(150, 150, 140));
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream);
        return stream.ToArray();
    }
}
