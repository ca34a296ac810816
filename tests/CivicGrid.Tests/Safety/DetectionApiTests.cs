using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Data;
using CivicGrid.Safety.Detections;
using CivicGrid.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace CivicGrid.Tests.Safety;

/// <summary>
/// <c>POST /api/v1/safety/detections</c> and <c>GET /api/v1/safety/warnings</c> as CONTRACT.md has them: the demo cameras'
/// rules (persistence 2 s, cooldown 60 s, confidence 0.6) applied over the API, keys and tokens, scope, and bad input.
/// Each test uses its own camera so the rule states of one do not meet another's.
/// </summary>
public abstract class DetectionApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CivicGridApp
{
    private static readonly object[] Box = [new { x = 0.4, y = 0.3, w = 0.1, h = 0.3 }];

    private HttpClient CameraSystem(string key = "demo-camera-key")
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    /// <summary>Now in whole seconds (PostgreSQL keeps microseconds only).</summary>
    private DateTimeOffset Now
    {
        get
        {
            var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
        }
    }

    private static object Detection(string camera, string type, DateTimeOffset at, double confidence = 0.9, object[]? boxes = null, string? snapshot = null) =>
        new { cameraCode = camera, type, occurredAt = at, confidence, boxes = boxes ?? Box, snapshot };

    private static async Task<(bool Accepted, long? WarningId)> AnswerAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Json();
        Assert.Equal(["accepted", "warningId"], body.EnumerateObject().Select(p => p.Name));
        return (body.GetProperty("accepted").GetBoolean(), body.GetProperty("warningId").ValueKind == JsonValueKind.Null ? null : body.GetProperty("warningId").GetInt64());
    }

    [Fact]
    public async Task Persistence_and_cooldown_decide_which_detections_become_warnings()
    {
        var camera = CameraSystem();
        var t0 = Now.AddMinutes(-30);
        var answers = new List<(bool Accepted, long? WarningId)>();
        foreach (var seconds in new[] { 0, 1, 2, 3, 30, 70, 71, 72 })
        {
            answers.Add(await AnswerAsync(await camera.Post("/api/v1/safety/detections", Detection("CAM-001", "no_helmet", t0.AddSeconds(seconds)))));
        }

        // Seen for 2 s at second 2; cooling down until 62; a new run from 70 persists at 72.
        Assert.Equal([false, false, true, false, false, false, false, true], answers.Select(a => a.Accepted));
        Assert.All(answers.Where(a => !a.Accepted), a => Assert.Null(a.WarningId));
        var first = answers[2].WarningId!.Value;
        var second = answers[7].WarningId!.Value;
        Assert.NotEqual(first, second);

        // Low confidence never warns, however long it lasts.
        foreach (var seconds in Enumerable.Range(200, 5))
        {
            Assert.False((await AnswerAsync(await camera.Post("/api/v1/safety/detections", Detection("CAM-001", "smoking", t0.AddSeconds(seconds), 0.35)))).Accepted);
        }

        var safety = await app.ClientAs("safety");
        var page = await safety.GetJson($"/api/v1/safety/warnings?cameraCode=CAM-001&since={Uri.EscapeDataString(t0.ToString("O"))}&page=1&pageSize=10");
        Assert.Equal(["items", "total", "page", "pageSize"], page.EnumerateObject().Select(p => p.Name));
        Assert.Equal(2, page.GetProperty("total").GetInt32());
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["id", "cameraCode", "type", "firstSeenAt", "status"], items[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal([second, first], items.Select(i => i.GetProperty("id").GetInt64()));
        Assert.All(items, i => Assert.Equal("CAM-001", i.GetProperty("cameraCode").GetString()));
        Assert.All(items, i => Assert.Equal("no_helmet", i.GetProperty("type").GetString()));
        Assert.All(items, i => Assert.Equal("new", i.GetProperty("status").GetString()));
        Assert.Equal(t0, items[1].GetProperty("firstSeenAt").GetDateTimeOffset());
        Assert.Equal(t0.AddSeconds(70), items[0].GetProperty("firstSeenAt").GetDateTimeOffset());

        // The enterprise's safety officer may also send with his bearer token.
        Assert.Equal(HttpStatusCode.Accepted, (await safety.Post("/api/v1/safety/detections", Detection("CAM-001", "phone", t0))).StatusCode);
    }

    [Fact]
    public async Task Keys_tokens_and_scope_guard_both_endpoints()
    {
        var at = Now.AddMinutes(-20);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().Post("/api/v1/safety/detections", Detection("CAM-002", "no_vest", at))).StatusCode);
        var wrong = await CameraSystem("not-a-key").Post("/api/v1/safety/detections", Detection("CAM-002", "no_vest", at));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("身份验证失败", (await wrong.Json()).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync(new Uri("/api/v1/safety/warnings", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);

        var street = await app.ClientAs("street01");
        Assert.Equal(HttpStatusCode.Forbidden, (await street.Post("/api/v1/safety/detections", Detection("CAM-002", "no_vest", at))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await street.Get("/api/v1/safety/warnings")).StatusCode);

        // Another enterprise with its own camera, key and safety officer.
        var suffix = typeof(TApp).Name[..3];
        var admin = await app.ClientAs("admin");
        var otherId = (await (await admin.Post("/api/v1/units", new { code = "E-DET-" + suffix, name = "另一家化工厂", kind = "企事业单位", regionCode = "110199002" })).Json())
            .GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.Created, (await admin.Post("/api/v1/users", new
        {
            userName = "safety.other",
            displayName = "化工厂安全员",
            password = "Other#2026",
            roles = new[] { new { role = "企业安全管理员", unitId = otherId } },
        })).StatusCode);
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var camera = new Camera { Code = "HG-" + suffix, Name = "化工厂罐区", EnterpriseId = otherId };
            db.Add(camera);
            db.Add(new CameraIntegrationKey { EnterpriseId = otherId, Name = "化工厂", KeyHash = CivicGrid.Open311.ApiKeys.Hash("other-key-" + suffix), KeyPrefix = "other" });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            db.Add(new DetectionRule { CameraId = camera.Id, Type = DetectionType.FireSmoke, PersistenceSeconds = 0 });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        // The mine's key cannot report for the plant's camera, nor the plant's key for the mine's.
        Assert.Equal(HttpStatusCode.Forbidden, (await CameraSystem().Post("/api/v1/safety/detections", Detection("HG-" + suffix, "fire_smoke", at))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await CameraSystem("other-key-" + suffix).Post("/api/v1/safety/detections", Detection("CAM-002", "fire_smoke", at))).StatusCode);
        var plantWarning = await AnswerAsync(await CameraSystem("other-key-" + suffix).Post("/api/v1/safety/detections", Detection("HG-" + suffix, "fire_smoke", at)));
        Assert.True(plantWarning.Accepted);
        Assert.Equal(HttpStatusCode.NotFound, (await CameraSystem().Post("/api/v1/safety/detections", Detection("CAM-999", "fire_smoke", at))).StatusCode);

        // A mine warning, then who reads what.
        var mine = CameraSystem();
        await mine.Post("/api/v1/safety/detections", Detection("CAM-002", "intrusion", at));
        var mineWarning = await AnswerAsync(await mine.Post("/api/v1/safety/detections", Detection("CAM-002", "intrusion", at.AddSeconds(2))));
        Assert.True(mineWarning.Accepted);

        var other = await app.ClientAs("safety.other", "Other#2026");
        var seenByOther = (await other.GetJson("/api/v1/safety/warnings?pageSize=200")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();
        Assert.Equal([plantWarning.WarningId!.Value], seenByOther);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Post($"/api/v1/safety/warnings/{mineWarning.WarningId}/resolve", new { outcome = "dismissed" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Post("/api/v1/safety/detections", Detection("CAM-002", "intrusion", at))).StatusCode);

        var seenBySafety = (await (await app.ClientAs("safety")).GetJson("/api/v1/safety/warnings?pageSize=200")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();
        Assert.Contains(mineWarning.WarningId!.Value, seenBySafety);
        Assert.DoesNotContain(plantWarning.WarningId.Value, seenBySafety);
        var seenByAdmin = (await admin.GetJson($"/api/v1/safety/warnings?since={Uri.EscapeDataString(at.AddMinutes(-1).ToString("O"))}")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();
        Assert.Contains(plantWarning.WarningId.Value, seenByAdmin);
    }

    [Fact]
    public async Task Bad_input_is_a_chinese_400_and_a_snapshot_is_stored_with_the_warning()
    {
        var camera = CameraSystem();
        var at = Now.AddMinutes(-10);

        async Task<string?> Refused(object body)
        {
            var response = await camera.Post("/api/v1/safety/detections", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Json();
            return problem.TryGetProperty("errors", out var errors) ? errors[0].GetProperty("where").GetString() : problem.GetProperty("detail").GetString();
        }

        Assert.Equal("snapshot", await Refused(Detection("CAM-003", "smoking", at, snapshot: "这不是base64!!")));
        Assert.Equal("snapshot", await Refused(Detection("CAM-003", "smoking", at, snapshot: Convert.ToBase64String(Image(png: true)))));
        Assert.Equal("type", await Refused(Detection("CAM-003", "dancing", at)));
        Assert.Equal("boxes", await Refused(Detection("CAM-003", "smoking", at, boxes: [new { x = 0.8, y = 0.1, w = 0.5, h = 0.2 }])));
        Assert.Equal("confidence", await Refused(Detection("CAM-003", "smoking", at, confidence: 1.5)));
        Assert.Equal("occurredAt", await Refused(Detection("CAM-003", "smoking", at.AddDays(2))));
        using (var malformed = new StringContent("{\"cameraCode\":\"CAM-003\",\"confidence\":\"high\"", System.Text.Encoding.UTF8, "application/json"))
        {
            var response = await camera.PostAsync(new Uri("/api/v1/safety/detections", UriKind.Relative), malformed, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("请求", (await response.Json()).GetProperty("detail").GetString());
        }

        // Nothing above touched the rule state: two good frames 2 s apart still make exactly one warning, with its picture.
        var jpeg = Convert.ToBase64String(Image(png: false));
        Assert.False((await AnswerAsync(await camera.Post("/api/v1/safety/detections", Detection("CAM-003", "smoking", at, snapshot: jpeg)))).Accepted);
        var warning = await AnswerAsync(await camera.Post("/api/v1/safety/detections", Detection("CAM-003", "smoking", at.AddSeconds(2), snapshot: jpeg)));
        Assert.True(warning.Accepted);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var stored = await db.Set<DetectionWarning>().SingleAsync(w => w.Id == warning.WarningId, TestContext.Current.CancellationToken);
        Assert.NotNull(stored.SnapshotFileId);
        var safety = await app.ClientAs("safety");
        var file = await safety.GetAsync(new Uri($"/api/v1/files/{stored.SnapshotFileId}", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("image/jpeg", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal(2, await db.Set<Detection>().CountAsync(d => d.CameraId == stored.CameraId && d.Type == DetectionType.Smoking && d.OccurredAt >= at, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Warnings_are_confirmed_as_violation_or_hidden_danger_or_dismissed_and_give_precision()
    {
        var camera = CameraSystem();
        var at = Now.AddMinutes(-40);
        async Task<long> WarnAsync(string type, int offset)
        {
            await camera.Post("/api/v1/safety/detections", Detection("CAM-004", type, at.AddSeconds(offset)));
            return (await AnswerAsync(await camera.Post("/api/v1/safety/detections", Detection("CAM-004", type, at.AddSeconds(offset + 2))))).WarningId!.Value;
        }

        var helmet = await WarnAsync("no_helmet", 0);
        var fire = await WarnAsync("fire_smoke", 0);
        var phone = await WarnAsync("phone", 0);

        var safety = await app.ClientAs("safety");
        var mineId = (await safety.GetJson("/api/v1/safety/enterprises"))[0].GetProperty("id").GetInt32();
        var before = await PrecisionAsync(safety, mineId, "CAM-004");
        var personId = (await safety.GetJson($"/api/v1/safety/enterprises/{mineId}")).GetProperty("people")[3].GetProperty("id").GetInt32();

        Assert.Equal(HttpStatusCode.BadRequest, (await safety.Post($"/api/v1/safety/warnings/{helmet}/resolve", new { outcome = "violation" })).StatusCode);
        var confirmed = await safety.Post($"/api/v1/safety/warnings/{helmet}/resolve", new { outcome = "violation", personId });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal("violation", (await confirmed.Json()).GetProperty("status").GetString());
        var history = await safety.GetJson($"/api/v1/safety/enterprises/{mineId}/people/{personId}/violations");
        Assert.Contains(history.GetProperty("records").EnumerateArray(), r => r.GetProperty("rule").GetString()!.Contains("未戴安全帽（AI 识别：CAM-004"));
        Assert.Equal(HttpStatusCode.Conflict, (await safety.Post($"/api/v1/safety/warnings/{helmet}/resolve", new { outcome = "dismissed" })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await safety.Post($"/api/v1/safety/warnings/{fire}/resolve", new { outcome = "hidden_danger" })).StatusCode);
        var dangers = await safety.GetJson($"/api/v1/safety/enterprises/{mineId}/hidden-dangers?pageSize=50");
        Assert.Contains(dangers.GetProperty("items").EnumerateArray(), d => d.GetProperty("description").GetString()!.Contains("CAM-004") && d.GetProperty("description").GetString()!.Contains("烟火"));

        Assert.Equal(HttpStatusCode.OK, (await safety.Post($"/api/v1/safety/warnings/{phone}/resolve", new { outcome = "dismissed", note = "对讲机" })).StatusCode);
        var after = await PrecisionAsync(safety, mineId, "CAM-004");
        Assert.Equal(before.Confirmed + 2, after.Confirmed);
        Assert.Equal(before.Dismissed + 1, after.Dismissed);
        var statuses = (await safety.GetJson($"/api/v1/safety/warnings?cameraCode=CAM-004&since={Uri.EscapeDataString(at.ToString("O"))}")).GetProperty("items")
            .EnumerateArray().ToDictionary(i => i.GetProperty("id").GetInt64(), i => i.GetProperty("status").GetString());
        Assert.Equal("violation", statuses[helmet]);
        Assert.Equal("hidden_danger", statuses[fire]);
        Assert.Equal("dismissed", statuses[phone]);
    }

    private static async Task<(int Confirmed, int Dismissed)> PrecisionAsync(HttpClient client, int mineId, string cameraCode)
    {
        var rows = (await client.GetJson($"/api/v1/safety/enterprises/{mineId}/warning-precision")).EnumerateArray().Where(r => r.GetProperty("cameraCode").GetString() == cameraCode).ToList();
        var confirmed = rows.Sum(r => r.GetProperty("confirmed").GetInt32());
        var dismissed = rows.Sum(r => r.GetProperty("dismissed").GetInt32());
        Assert.All(rows.Where(r => r.GetProperty("confirmed").GetInt32() + r.GetProperty("dismissed").GetInt32() > 0), r => Assert.Equal(
            (double)r.GetProperty("confirmed").GetInt32() / (r.GetProperty("confirmed").GetInt32() + r.GetProperty("dismissed").GetInt32()),
            r.GetProperty("precision").GetDouble(), 6));
        return (confirmed, dismissed);
    }

    private static byte[] Image(bool png)
    {
        using var image = new Image<Rgb24>(64, 48, new Rgb24(200, 80, 20));
        using var stream = new MemoryStream();
        if (png)
        {
            image.SaveAsPng(stream);
        }
        else
        {
            image.SaveAsJpeg(stream);
        }

        return stream.ToArray();
    }
}

public sealed class DetectionApiTestsOnSqlite(SqliteApp app) : DetectionApiTests<SqliteApp>(app);

public sealed class DetectionApiTestsOnPostgres(PostgresApp app) : DetectionApiTests<PostgresApp>(app);
