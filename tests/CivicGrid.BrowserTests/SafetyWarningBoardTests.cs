using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace CivicGrid.BrowserTests;

/// <summary>
/// The mine's safety officer keeps the AI warning board open; a camera system posts detections through the API; the
/// warning appears without a reload, he confirms it as a 三违 against a worker, and the risk map colours the camera's area.
/// </summary>
public sealed class SafetyWarningBoardTests(BrowserFixture browser)
{
    private static readonly string[] RiskColours = ["#f5222d", "#fa8c16", "#fadb14", "#1677ff"];

    [Fact]
    public async Task A_posted_detection_appears_live_and_is_confirmed_as_a_violation()
    {
        browser.EnsureAvailable();
        var page = await browser.NewPageAsync();
        try
        {
            await ConsolePages.LoginAsync(page, "safety");
            await page.Locator(".cg-menu").GetByRole(AriaRole.Link, new() { Name = "AI 识别预警" }).ClickAsync();
            await page.WaitForURLAsync("**/safety/warnings");
            await page.WaitForSelectorAsync(".cg-live-marker[data-interactive=true]", new() { State = WaitForSelectorState.Attached });
            await page.WaitForSelectorAsync(".cg-warnings[data-ready=true]");
            var urlBefore = page.Url;

            using var http = new HttpClient { BaseAddress = browser.App.BaseAddress };
            var (mineId, personName) = await MineAndWorkerAsync(http);
            var warningId = await PostBurstAsync(http);

            // No reload: the board's circuit was told by the ingest path.
            var row = page.Locator($"tr:has(.cg-warning[data-id='{warningId}'])");
            await Assertions.Expect(row).ToBeVisibleAsync();
            await Assertions.Expect(row).ToContainTextAsync("未戴安全帽");
            await Assertions.Expect(row).ToContainTextAsync("CAM-005");
            Assert.Equal(urlBefore, page.Url);
            await Screenshots.SaveAsync(page, "safety-warnings");

            await row.Locator("[data-action=violation]").ClickAsync();
            var dialog = page.Locator(".cg-dialog-violation");
            await Assertions.Expect(dialog.Locator(".ant-modal-title")).ToContainTextAsync("定三违");
            await ConsolePages.ChooseAsync(page, dialog.Locator(".ant-select").First, personName);
            await dialog.Locator(".ant-modal-footer .ant-btn-primary").ClickAsync();
            await Assertions.Expect(page.Locator($".cg-warning[data-id='{warningId}']")).ToHaveAttributeAsync("data-status", "violation");
            await Assertions.Expect(page.Locator(".cg-warning-message")).ToContainTextAsync("已定三违");
            await Assertions.Expect(row).ToContainTextAsync("已定三违");

            var violations = await GetAsync(http, $"/api/v1/safety/enterprises/{mineId}/violations?pageSize=20");
            Assert.Contains(violations.GetProperty("items").EnumerateArray(), v => v.GetProperty("personName").GetString() == personName
                && v.GetProperty("rule").GetString()!.Contains("CAM-005", StringComparison.Ordinal));

            // The camera watches 1201综采工作面; the risk map shows that area in its level's colour.
            await ConsolePages.GotoLiveAsync(page, "/safety/risk");
            var area = page.Locator(".cg-risk-area[data-area='1201综采工作面'] rect");
            await Assertions.Expect(area).ToBeVisibleAsync();
            Assert.Contains(await area.GetAttributeAsync("fill"), RiskColours);
            await Screenshots.SaveAsync(page, "safety-risk-map-after-warning");
        }
        catch
        {
            await Screenshots.SaveAsync(page, "safety-warnings-failure");
            throw;
        }
    }

    /// <summary>Three frames a second apart from CAM-005 with the demo camera key: the rules (2 s persistence) make one warning.</summary>
    private static async Task<long> PostBurstAsync(HttpClient http)
    {
        var now = DateTimeOffset.UtcNow;
        var start = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)).AddSeconds(-5);
        long? warningId = null;
        for (var s = 0; s <= 2; s++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/safety/detections")
            {
                Content = JsonContent.Create(new
                {
                    cameraCode = "CAM-005",
                    type = "no_helmet",
                    occurredAt = start.AddSeconds(s),
                    confidence = 0.93,
                    boxes = new[] { new { x = 0.42, y = 0.2, w = 0.12, h = 0.4 } },
                }),
            };
            request.Headers.Add("X-Api-Key", "demo-camera-key");
            using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
            Assert.Equal(202, (int)response.StatusCode);
            if (body.GetProperty("accepted").GetBoolean())
            {
                warningId = body.GetProperty("warningId").GetInt64();
            }
        }

        return warningId ?? throw new InvalidOperationException("三帧检测没有生成预警。");
    }

    private static async Task<(int MineId, string PersonName)> MineAndWorkerAsync(HttpClient http)
    {
        var mines = await GetAsync(http, "/api/v1/safety/enterprises");
        var mineId = mines[0].GetProperty("id").GetInt32();
        var detail = await GetAsync(http, $"/api/v1/safety/enterprises/{mineId}");
        var names = detail.GetProperty("people").EnumerateArray().Select(p => p.GetProperty("name").GetString()!).ToList();
        // A worker whose name is unique, so typing it picks exactly him.
        return (mineId, names.First(n => names.Count(m => m == n) == 1 && names.Count(m => m.Contains(n, StringComparison.Ordinal)) == 1));
    }

    private static async Task<JsonElement> GetAsync(HttpClient http, string url)
    {
        using var token = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = "safety", password = ConsolePages.Password }, TestContext.Current.CancellationToken);
        token.EnsureSuccessStatusCode();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer",
            (await token.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("accessToken").GetString());
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }
}
