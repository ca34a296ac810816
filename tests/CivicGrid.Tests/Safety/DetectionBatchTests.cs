using System.Net;
using System.Text.Json;
using CivicGrid.Data;
using CivicGrid.Safety.Detections;
using CivicGrid.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Tests.Safety;

/// <summary>
/// <c>POST /api/v1/safety/detections/batch</c> for edge boxes: the same warnings as the events sent one by one, all or
/// nothing on a bad item (no rows, no rule state), and the single endpoint's key and scope rules.
/// Each test uses cameras of its own so the rule states of one do not meet another's.
/// </summary>
public abstract class DetectionBatchTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CivicGridApp
{
    private const string Batch = "/api/v1/safety/detections/batch";
    private static readonly object InZone = new { x = 0.1, y = 0.3, w = 0.1, h = 0.3 };
    private static readonly object OutOfZone = new { x = 0.7, y = 0.3, w = 0.2, h = 0.3 };

    private string Suffix => typeof(TApp).Name[..3];

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

    private static object Detection(string camera, string type, DateTimeOffset at, double confidence = 0.9, object? box = null) =>
        new { cameraCode = camera, type, occurredAt = at, confidence, boxes = new[] { box ?? InZone } };

    /// <summary>A camera of the demo mine (the demo key reports for it) whose helmet and vest rules are the same: left half, 0.7, 3 s, 30 s.</summary>
    private async Task<string> MineCameraAsync(string name)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var mine = await db.Set<Camera>().Where(c => c.Code == "CAM-005").Select(c => c.EnterpriseId).SingleAsync(TestContext.Current.CancellationToken);
        var camera = new Camera { Code = $"{name}-{Suffix}", Name = "批量测试 " + name, EnterpriseId = mine };
        db.Add(camera);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        foreach (var type in new[] { DetectionType.NoHelmet, DetectionType.NoVest })
        {
            db.Add(new DetectionRule
            {
                CameraId = camera.Id,
                Type = type,
                MinConfidence = 0.7,
                Zone = "0,0 0.5,0 0.5,1 0,1",
                PersistenceSeconds = 3,
                CooldownSeconds = 30,
            });
        }

        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return camera.Code;
    }

    private async Task<int> DetectionsAsync(string camera)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Set<Detection>().Join(db.Set<Camera>().Where(c => c.Code == camera), d => d.CameraId, c => c.Id, (d, _) => d)
            .CountAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<List<(bool Accepted, long? WarningId)>> AnswersAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Json()).EnumerateArray().Select(a =>
        {
            Assert.Equal(["accepted", "warningId"], a.EnumerateObject().Select(p => p.Name));
            return (a.GetProperty("accepted").GetBoolean(), a.GetProperty("warningId").ValueKind == JsonValueKind.Null ? (long?)null : a.GetProperty("warningId").GetInt64());
        }).ToList();
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Json();
    }

    [Fact]
    public async Task A_batch_raises_the_warnings_the_same_events_raise_one_by_one()
    {
        var code = await MineCameraAsync("BAT1");
        var t0 = Now.AddMinutes(-30);

        // Seconds, confidence, in the zone: persistence, low confidence, outside the zone, cooldown, a gap that ends a run.
        (int Seconds, double Confidence, bool Inside)[] frames =
            [(0, 0.9, true), (1, 0.5, true), (2, 0.9, false), (3, 0.9, true), (4, 0.9, true), (20, 0.9, true), (25, 0.9, true), (34, 0.9, true), (35, 0.9, true)];
        object Frame(string type, (int Seconds, double Confidence, bool Inside) f) =>
            Detection(code, type, t0.AddSeconds(f.Seconds), f.Confidence, f.Inside ? InZone : OutOfZone);

        var camera = CameraSystem();
        var oneByOne = new List<bool>();
        foreach (var f in frames)
        {
            var response = await camera.Post("/api/v1/safety/detections", Frame("no_helmet", f));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            oneByOne.Add((await response.Json()).GetProperty("accepted").GetBoolean());
        }

        var batch = await AnswersAsync(await camera.Post(Batch, frames.Select(f => Frame("no_vest", f)).ToArray()));

        Assert.Equal([false, false, false, true, false, false, false, true, false], oneByOne);
        Assert.Equal(oneByOne, batch.Select(a => a.Accepted));
        Assert.All(batch, a => Assert.Equal(a.Accepted, a.WarningId is not null));
        Assert.Equal(2, batch.Select(a => a.WarningId).OfType<long>().Distinct().Count());

        // The stored rows agree: the same verdicts in the same order, the warnings with the same runs.
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var cameraId = await db.Set<Camera>().Where(c => c.Code == code).Select(c => c.Id).SingleAsync(TestContext.Current.CancellationToken);
        async Task<List<DetectionVerdict>> VerdictsAsync(DetectionType type) =>
            (await db.Set<Detection>().AsNoTracking().Where(d => d.CameraId == cameraId && d.Type == type).ToListAsync(TestContext.Current.CancellationToken))
                .OrderBy(d => d.OccurredAt).Select(d => d.Verdict).ToList();
        Assert.Equal(await VerdictsAsync(DetectionType.NoHelmet), await VerdictsAsync(DetectionType.NoVest));
        var warnings = (await db.Set<DetectionWarning>().AsNoTracking().Where(w => w.CameraId == cameraId).ToListAsync(TestContext.Current.CancellationToken))
            .OrderBy(w => w.RaisedAt).ToList();
        Assert.Equal(
            warnings.Where(w => w.Type == DetectionType.NoHelmet).Select(w => (w.FirstSeenAt, w.RaisedAt)),
            warnings.Where(w => w.Type == DetectionType.NoVest).Select(w => (w.FirstSeenAt, w.RaisedAt)));
        Assert.Equal(batch.Select(a => a.WarningId).OfType<long>().Order(), warnings.Where(w => w.Type == DetectionType.NoVest).Select(w => w.Id).Order());
        var pointedAt = await db.Set<Detection>().AsNoTracking().Where(d => d.CameraId == cameraId && d.Type == DetectionType.NoVest && d.WarningId != null)
            .Select(d => d.WarningId!.Value).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(batch.Select(a => a.WarningId).OfType<long>().Order(), pointedAt.Order());

        // The warnings board lists them like any other.
        var board = await (await app.ClientAs("safety")).GetJson($"/api/v1/safety/warnings?cameraCode={code}&pageSize=50");
        Assert.Equal(4, board.GetProperty("total").GetInt32());

        // And the batch is in the OpenAPI document.
        var openApi = await app.Anonymous().GetJson("/openapi/v1.json");
        Assert.True(openApi.GetProperty("paths").TryGetProperty(Batch, out _));
    }

    [Fact]
    public async Task A_bad_item_refuses_the_whole_batch_in_chinese_and_writes_nothing()
    {
        var code = await MineCameraAsync("BAT2");
        var t0 = Now.AddMinutes(-20);
        var camera = CameraSystem();

        var badConfidence = await ProblemAsync(await camera.Post(Batch, new[]
        {
            Detection(code, "no_helmet", t0), Detection(code, "no_helmet", t0.AddSeconds(1), 1.5), Detection(code, "no_helmet", t0.AddSeconds(2)),
        }), HttpStatusCode.BadRequest);
        Assert.Contains("第 2 条", badConfidence.GetProperty("detail").GetString());
        Assert.Equal("[1].confidence", badConfidence.GetProperty("errors")[0].GetProperty("where").GetString());
        Assert.Contains("置信度", badConfidence.GetProperty("errors")[0].GetProperty("message").GetString());

        var badType = await ProblemAsync(await camera.Post(Batch, new[] { Detection(code, "no_helmet", t0), Detection(code, "dancing", t0) }), HttpStatusCode.BadRequest);
        Assert.Equal("[1].type", badType.GetProperty("errors")[0].GetProperty("where").GetString());

        var empty = await ProblemAsync(await camera.Post(Batch, new[] { Detection(code, "no_helmet", t0), null }), HttpStatusCode.BadRequest);
        Assert.Equal("[1]", empty.GetProperty("errors")[0].GetProperty("where").GetString());
        await ProblemAsync(await camera.Post(Batch, Array.Empty<object>()), HttpStatusCode.BadRequest);
        await ProblemAsync(await camera.Post(Batch, Enumerable.Range(0, IngestDetection.MaxBatchItems + 1).Select(i => Detection(code, "no_helmet", t0)).ToArray()),
            HttpStatusCode.BadRequest);
        var unknown = await ProblemAsync(await camera.Post(Batch, new[] { Detection(code, "no_helmet", t0), Detection("CAM-999", "no_helmet", t0) }), HttpStatusCode.NotFound);
        Assert.Contains("第 2 条", unknown.GetProperty("detail").GetString());
        Assert.Contains("CAM-999", unknown.GetProperty("detail").GetString());
        using (var malformed = new StringContent("[{\"cameraCode\":\"" + code + "\",\"confidence\":\"high\"}", System.Text.Encoding.UTF8, "application/json"))
        {
            var response = await camera.PostAsync(new Uri(Batch, UriKind.Relative), malformed, TestContext.Current.CancellationToken);
            Assert.Contains("请求", (await ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("detail").GetString());
        }

        // Nothing was written, and the refused frames at t0 started no run: a frame 3 s later still has to persist.
        Assert.Equal(0, await DetectionsAsync(code));
        var later = Assert.Single(await AnswersAsync(await camera.Post(Batch, new[] { Detection(code, "no_helmet", t0.AddSeconds(3)) })));
        Assert.False(later.Accepted);
        Assert.Equal(1, await DetectionsAsync(code));
    }

    [Fact]
    public async Task Keys_tokens_and_scope_guard_the_batch_as_they_guard_single_events()
    {
        var code = await MineCameraAsync("BAT3");
        var at = Now.AddMinutes(-10);
        object[] mineOnly = [Detection(code, "no_helmet", at)];

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().Post(Batch, mineOnly)).StatusCode);
        var wrong = await ProblemAsync(await CameraSystem("not-a-key").Post(Batch, mineOnly), HttpStatusCode.Unauthorized);
        Assert.Equal("身份验证失败", wrong.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAs("street01")).Post(Batch, mineOnly)).StatusCode);

        // Another enterprise with its own camera and key.
        var admin = await app.ClientAs("admin");
        var otherId = (await (await admin.Post("/api/v1/units", new { code = "E-DTB-" + Suffix, name = "另一家建材厂", kind = "企事业单位", regionCode = "110199003" })).Json())
            .GetProperty("id").GetInt32();
        var plantCamera = "JC-" + Suffix;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var camera = new Camera { Code = plantCamera, Name = "建材厂料场", EnterpriseId = otherId };
            db.Add(camera);
            db.Add(new CameraIntegrationKey { EnterpriseId = otherId, Name = "建材厂", KeyHash = CivicGrid.Open311.ApiKeys.Hash("plant-key-" + Suffix), KeyPrefix = "plant" });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            db.Add(new DetectionRule { CameraId = camera.Id, Type = DetectionType.FireSmoke, PersistenceSeconds = 0 });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        // The mine's key cannot slip the plant's camera into a batch of its own, nor the plant's key the mine's.
        var mixed = await ProblemAsync(await CameraSystem().Post(Batch, new[] { Detection(code, "no_helmet", at), Detection(plantCamera, "fire_smoke", at) }),
            HttpStatusCode.Forbidden);
        Assert.Contains("第 2 条", mixed.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await CameraSystem("plant-key-" + Suffix).Post(Batch, mineOnly)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAs("safety")).Post(Batch, new[] { Detection(plantCamera, "fire_smoke", at) })).StatusCode);
        Assert.Equal(0, await DetectionsAsync(code));
        Assert.Equal(0, await DetectionsAsync(plantCamera));

        // Each with its own key, or the mine's officer with his token, is taken.
        var plant = await AnswersAsync(await CameraSystem("plant-key-" + Suffix).Post(Batch, new[] { Detection(plantCamera, "fire_smoke", at) }));
        Assert.True(plant.Single().Accepted);
        Assert.Single(await AnswersAsync(await (await app.ClientAs("safety")).Post(Batch, mineOnly)));
        Assert.Equal(1, await DetectionsAsync(code));
        Assert.Equal(1, await DetectionsAsync(plantCamera));
    }
}

public sealed class DetectionBatchTestsOnSqlite(SqliteApp app) : DetectionBatchTests<SqliteApp>(app);

public sealed class DetectionBatchTestsOnPostgres(PostgresApp app) : DetectionBatchTests<PostgresApp>(app);
