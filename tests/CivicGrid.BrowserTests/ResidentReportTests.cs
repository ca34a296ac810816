using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace CivicGrid.BrowserTests;

/// <summary>
/// 随手拍 on a phone: a resident photographs a problem, pins it on the map, sees that a neighbour already reported it,
/// submits anyway, follows the case through his private link and evaluates it once it is closed.
/// </summary>
public sealed class ResidentReportTests(BrowserFixture browser)
{
    // 占道经营 in the third 镇街 goes to 城管 (handler.cg) by the district rule.
    private const string ThirdTownCommunity = "110199003001";
    private const string StreetVending = "SJ0401";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_resident_reports_with_photo_and_pin_sees_the_duplicate_follows_and_evaluates()
    {
        browser.EnsureAvailable();
        using var http = new HttpClient { BaseAddress = browser.App.BaseAddress };
        var (lon, lat) = await PointAsync(http);
        var neighbour = await ReportAsResidentAsync(http, lon + 0.0004, lat, "超市门口占道经营，水果摊摆满了人行道（" + Guid.NewGuid().ToString("N")[..6] + "）");

        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.App.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
            Locale = "zh-CN",
            UserAgent = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1",
        });
        context.SetDefaultTimeout(45_000);
        var page = await context.NewPageAsync();
        try
        {
            await ReportAndEvaluateAsync(page, http, lon, lat, neighbour);
        }
        catch
        {
            await Screenshots.SaveAsync(page, "mobile-report-failure");
            throw;
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    private static async Task ReportAndEvaluateAsync(IPage page, HttpClient http, double lon, double lat, string neighbour)
    {
        await page.GotoAsync("/report");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("随手拍");

        // 1 拍照片: a phone-sized photo, downscaled on the phone before it is sent.
        await page.Locator("#photo").SetInputFilesAsync(new FilePayload { Name = "IMG_2048.jpg", MimeType = "image/jpeg", Buffer = Jpeg(2400, 1800) });
        await Assertions.Expect(page.Locator(".pp-photo img")).ToHaveCountAsync(1);

        // 2 标位置: the resident moves the map to the spot (as a finger would) and taps it.
        var map = page.Locator("#map");
        await Assertions.Expect(map.Locator(".leaflet-map-pane")).ToHaveCountAsync(1);
        await map.ScrollIntoViewIfNeededAsync();
        await page.EvaluateAsync("([lat, lon]) => document.getElementById('map').ppMap.setView([lat, lon], 15, { animate: false })", new[] { lat, lon });
        var box = (await map.BoundingBoxAsync())!;
        await map.TapAsync(new LocatorTapOptions { Position = new Position { X = box.Width / 2, Y = box.Height / 2 } });
        await Assertions.Expect(map.Locator(".leaflet-marker-icon")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#place-text")).ToContainTextAsync("已选位置：");
        var pinned = double.Parse(await page.Locator("#lon").InputValueAsync(), CultureInfo.InvariantCulture);
        Assert.InRange(pinned, lon - 0.0002, lon + 0.0002);

        // 3 说问题: categories are suggested while typing; the resident picks 占道经营.
        await page.Locator("#description").PressSequentiallyAsync("商铺门口占道经营，货物摆满了人行道", new() { Delay = 20 });
        var chip = page.Locator("#suggestions .pp-chip", new() { HasText = "占道经营" });
        await chip.TapAsync();
        await Assertions.Expect(chip).ToHaveAttributeAsync("aria-pressed", "true");

        // 是否是同一个问题？ The neighbour's report 40 m away is offered for a +1.
        var nearby = page.Locator("#nearby");
        await Assertions.Expect(nearby).ToBeVisibleAsync();
        await Assertions.Expect(nearby.Locator("h2")).ToHaveTextAsync("是否是同一个问题？");
        var item = nearby.Locator($".pp-nearby-item[data-number='{neighbour}']");
        await Assertions.Expect(item).ToContainTextAsync("超市门口占道经营");
        await Assertions.Expect(item.GetByRole(AriaRole.Button, new() { Name = "+1 我也遇到了" })).ToBeVisibleAsync();
        await Assertions.Expect(map.Locator("path.leaflet-interactive[fill='#c62828']")).ToHaveCountAsync(1);

        await page.FillAsync("#phone", "13812345678");
        await SaveWholePageAsync(page, "mobile-report");

        // 提交: a new case (it is not the same shop), with the case number and the private link.
        await page.Locator("#submit").TapAsync();
        await page.WaitForURLAsync("**/track/*?just=new");
        await Assertions.Expect(page.Locator("[data-testid=submitted]")).ToContainTextAsync("提交成功");
        var number = (await page.Locator("[data-testid=case-number]").InnerTextAsync()).Trim();
        Assert.Matches(@"^\d{14}$", number);
        var link = await page.Locator("[data-testid=tracking-link]").InputValueAsync();
        Assert.Matches(@"/track/[A-Za-z0-9_-]{22}$", link);

        var view = await GetCaseAsync(http, number);
        Assert.Equal(StreetVending, view.GetProperty("categoryCode").GetString());
        Assert.Equal("138****5678", view.GetProperty("reporterPhone").GetString());
        var photo = view.GetProperty("history")[0].GetProperty("attachments")[0].GetProperty("id").GetString()!;
        Assert.Equal(1600, await PhotoWidthAsync(http, photo));

        // The private link opened later: plain progress, the phone masked.
        await page.GotoAsync(link);
        await Assertions.Expect(page.Locator("[data-testid=timeline]")).ToContainTextAsync("问题已提交");
        await Assertions.Expect(page.Locator("[data-testid=phone]")).ToHaveTextAsync("138****5678");
        Assert.Equal(0, await page.Locator("[data-testid=evaluation-form]").CountAsync());

        await CloseAsync(http, number);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("[data-testid=status]")).ToHaveTextAsync("已办结");
        var feedback = page.Locator("[data-testid=feedback-photos] img").First;
        await Assertions.Expect(feedback).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => { const img = document.querySelector('[data-testid=feedback-photos] img'); return img.complete && img.naturalWidth > 0; }");

        var form = page.Locator("[data-testid=evaluation-form]");
        await form.ScrollIntoViewIfNeededAsync();
        await form.Locator("label.pp-choice:has(input[value='满意'])").TapAsync();
        await Assertions.Expect(form.Locator("input[value='满意']")).ToBeCheckedAsync();
        await page.FillAsync("#comment", "处理很及时，谢谢！");
        await form.Locator("[data-testid=evaluate]").TapAsync();
        await page.WaitForURLAsync("**?just=evaluated");
        await Assertions.Expect(page.Locator("[data-testid=evaluated]")).ToContainTextAsync("评价已提交");
        await Assertions.Expect(page.Locator("[data-testid=evaluation]")).ToContainTextAsync("您的评价：满意");
        await Assertions.Expect(page.Locator("[data-testid=status]")).ToHaveTextAsync("已评价");
        Assert.Equal("满意", (await GetCaseAsync(http, number)).GetProperty("evaluation").GetString());
        await Screenshots.SaveAsync(page, "mobile-track");
    }

    /// <summary>The whole form on the phone's width: the viewport grows to the page's height for the picture.</summary>
    private static async Task SaveWholePageAsync(IPage page, string name)
    {
        var height = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        await page.SetViewportSizeAsync(390, height);
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await Screenshots.SaveAsync(page, name);
        await page.SetViewportSizeAsync(390, 844);
    }

    private static byte[] Jpeg(int width, int height)
    {
        using var image = new Image<Rgb24>(width, height, new Rgb24(120, 144, 156));
        for (var y = height / 3; y < height / 2; y++)
        {
            for (var x = width / 4; x < width * 3 / 4; x++)
            {
                image[x, y] = new Rgb24(198, 40, 40);
            }
        }

        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream);
        return stream.ToArray();
    }

    private static async Task<(double Lon, double Lat)> PointAsync(HttpClient http)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/regions/{ThirdTownCommunity}/children");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(http, "admin"));
        using var response = await http.SendAsync(request, Ct);
        response.EnsureSuccessStatusCode();
        var cell = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct))[1];
        return (cell.GetProperty("centerLon").GetDouble(), cell.GetProperty("centerLat").GetDouble());
    }

    /// <summary>A neighbour's open report of the same problem nearby; answers its case number.</summary>
    private static async Task<string> ReportAsResidentAsync(HttpClient http, double lon, double lat, string description)
    {
        var body = await SendAsync(http, "resident", HttpMethod.Post, "/api/v1/cases",
            new { description, lon, lat, categoryCode = StreetVending, source = "citizen" });
        return body.GetProperty("number").GetString()!;
    }

    private static Task<JsonElement> GetCaseAsync(HttpClient http, string number) => SendAsync(http, "dispatcher", HttpMethod.Get, $"/api/v1/cases/{number}");

    /// <summary>城管 acknowledges and handles with a photo; the inspector verifies, which closes the case.</summary>
    private static async Task CloseAsync(HttpClient http, string number)
    {
        await SendAsync(http, "handler.cg", HttpMethod.Post, $"/api/v1/cases/{number}/transitions", new { action = "acknowledge" });
        using var upload = new MultipartFormDataContent();
        var file = new ByteArrayContent(Jpeg(640, 480));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        upload.Add(file, "file", "处理后.jpg");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/files") { Content = upload };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(http, "handler.cg"));
        using var stored = await http.SendAsync(request, Ct);
        stored.EnsureSuccessStatusCode();
        var photo = (await stored.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();
        await SendAsync(http, "handler.cg", HttpMethod.Post, $"/api/v1/cases/{number}/transitions",
            new { action = "handle", comment = "已劝导商户将货物收回店内，人行道恢复通行。", attachments = new[] { photo } });
        var closed = await SendAsync(http, "inspector", HttpMethod.Post, $"/api/v1/cases/{number}/transitions", new { action = "verify" });
        Assert.Equal("Closed", closed.GetProperty("status").GetString());
    }

    private static async Task<int> PhotoWidthAsync(HttpClient http, string id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/files/{id}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(http, "dispatcher"));
        using var response = await http.SendAsync(request, Ct);
        response.EnsureSuccessStatusCode();
        using var image = Image.Load(await response.Content.ReadAsByteArrayAsync(Ct));
        return image.Width;
    }

    private static async Task<JsonElement> SendAsync(HttpClient http, string user, HttpMethod method, string url, object? body = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(http, user));
        using var response = await http.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{method} {url} → {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<string> TokenAsync(HttpClient http, string userName)
    {
        using var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = ConsolePages.Password }, Ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("accessToken").GetString()!;
    }
}
