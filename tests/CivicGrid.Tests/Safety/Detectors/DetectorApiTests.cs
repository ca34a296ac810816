using System.Net;
using System.Text.Json;
using CivicGrid.Data;
using CivicGrid.Safety.Detections;
using CivicGrid.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Tests.Safety.Detectors;

/// <summary>
/// <c>GET /api/v1/safety/detectors</c> and <c>POST /api/v1/safety/detectors/run</c>: the tiny ONNX model and the HOG intrusion
/// detector run on snapshots, and what they find goes through the camera's rules into warnings like a camera's detections.
/// Each test registers its own camera (rules without persistence) so rule states do not meet.
/// </summary>
public abstract class DetectorApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CivicGridApp
{
    /// <summary>Registers a camera of the demo mine with one rule per given type (persistence 0, cooldown 60 s).</summary>
    private async Task CameraAsync(string code, params (DetectionType Type, double MinConfidence, string Zone)[] rules)
    {
        app.EnsureAvailable();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var mine = await db.Set<Camera>().Where(c => c.Code == "CAM-001").Select(c => c.EnterpriseId).SingleAsync(TestContext.Current.CancellationToken);
        var camera = new Camera { Code = code, Name = "检测器测试 " + code, EnterpriseId = mine };
        db.Add(camera);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        db.AddRange(rules.Select(r => new DetectionRule
        {
            CameraId = camera.Id,
            Type = r.Type,
            MinConfidence = r.MinConfidence,
            Zone = r.Zone,
            PersistenceSeconds = 0,
            CooldownSeconds = 60,
        }));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    private static object Run(string camera, byte[] jpeg, string? detector = null) =>
        new { cameraCode = camera, snapshot = Convert.ToBase64String(jpeg), detector };

    private async Task<JsonElement> WarningsOf(string camera) =>
        await (await app.ClientAs("safety")).GetJson($"/api/v1/safety/warnings?cameraCode={camera}&page=1&pageSize=10");

    [Fact]
    public async Task The_onnx_model_decodes_boxes_and_classes_and_its_events_pass_the_camera_rules()
    {
        await CameraAsync("DET-ONNX", (DetectionType.NoHelmet, 0.6, ZonePolygon.WholeImageText), (DetectionType.Smoking, 0.8, ZonePolygon.WholeImageText));
        var safety = await app.ClientAs("safety");

        // 128×64 into the 64×64 model: class 0's box (8–24, 24–40 model px) is (0.125, 0.25, 0.25, 0.5) of the image.
        var response = await safety.Post("/api/v1/safety/detectors/run", Run("DET-ONNX", TestPictures.Plain(128, 64), "onnx:tiny"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var run = await response.Json();
        var events = run.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(["no_helmet", "smoking"], events.Select(e => e.GetProperty("type").GetString()));

        var helmet = events[0];
        Assert.Equal("未戴安全帽", helmet.GetProperty("typeName").GetString());
        Assert.Equal(0.9, helmet.GetProperty("confidence").GetDouble(), 4);
        var box = Assert.Single(helmet.GetProperty("boxes").EnumerateArray());
        Assert.Equal([0.125, 0.25, 0.25, 0.5], new[] { "x", "y", "w", "h" }.Select(k => Math.Round(box.GetProperty(k).GetDouble(), 4)));
        Assert.True(helmet.GetProperty("accepted").GetBoolean());
        var warningId = helmet.GetProperty("warningId").GetInt64();

        // Smoking at 0.7 is below that rule's 0.8: recorded, no warning.
        Assert.Equal(0.7, events[1].GetProperty("confidence").GetDouble(), 4);
        Assert.Equal([0.625, 0.25, 0.25, 0.5], new[] { "x", "y", "w", "h" }.Select(k => Math.Round(events[1].GetProperty("boxes")[0].GetProperty(k).GetDouble(), 4)));
        Assert.False(events[1].GetProperty("accepted").GetBoolean());

        var warning = Assert.Single((await WarningsOf("DET-ONNX")).GetProperty("items").EnumerateArray());
        Assert.Equal((warningId, "no_helmet"), (warning.GetProperty("id").GetInt64(), warning.GetProperty("type").GetString()));

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var stored = await db.Set<DetectionWarning>().SingleAsync(w => w.Id == warningId, TestContext.Current.CancellationToken);
        Assert.NotNull(stored.SnapshotFileId);
        Assert.Equal(2, await db.Set<Detection>().CountAsync(d => d.CameraId == stored.CameraId, TestContext.Current.CancellationToken));

        // The same snapshot again is within the cooldown: the rule engine holds it back, as for a camera.
        var again = await (await safety.Post("/api/v1/safety/detectors/run", Run("DET-ONNX", TestPictures.Plain(128, 64), "onnx:tiny"))).Json();
        Assert.False(again.GetProperty("events")[0].GetProperty("accepted").GetBoolean());
    }

    [Fact]
    public async Task A_person_standing_in_the_danger_zone_raises_an_intrusion_warning_and_one_outside_does_not()
    {
        // The drawn figure stands at x ≈ 0.66 with its feet at y ≈ 0.8.
        await CameraAsync("DET-HOG-IN", (DetectionType.Intrusion, 0.6, "0.5,0.5 1,0.5 1,1 0.5,1"));
        await CameraAsync("DET-HOG-OUT", (DetectionType.Intrusion, 0.6, "0,0.5 0.5,0.5 0.5,1 0,1"));
        var safety = await app.ClientAs("safety");

        var inside = await (await safety.Post("/api/v1/safety/detectors/run", Run("DET-HOG-IN", TestPictures.StandingFigure(), "intrusion"))).Json();
        var intrusion = Assert.Single(inside.GetProperty("events").EnumerateArray());
        Assert.Equal(("intrusion", "区域入侵", true), (intrusion.GetProperty("type").GetString(), intrusion.GetProperty("typeName").GetString(),
            intrusion.GetProperty("accepted").GetBoolean()));
        Assert.InRange(intrusion.GetProperty("confidence").GetDouble(), 0.6, 1);
        Assert.Equal("intrusion", Assert.Single((await WarningsOf("DET-HOG-IN")).GetProperty("items").EnumerateArray()).GetProperty("type").GetString());

        var outside = await (await safety.Post("/api/v1/safety/detectors/run", Run("DET-HOG-OUT", TestPictures.StandingFigure(), "intrusion"))).Json();
        Assert.Empty(outside.GetProperty("events").EnumerateArray());
        Assert.Equal(0, (await WarningsOf("DET-HOG-OUT")).GetProperty("total").GetInt32());

        // An empty scene: nobody, nothing posted.
        var empty = await (await safety.Post("/api/v1/safety/detectors/run", Run("DET-HOG-IN", TestPictures.Plain(640, 480), "intrusion"))).Json();
        Assert.Empty(empty.GetProperty("events").EnumerateArray());
    }

    [Fact]
    public async Task Detectors_list_their_state_and_bad_runs_are_refused_in_chinese()
    {
        var safety = await app.ClientAs("safety");
        var list = (await safety.GetJson("/api/v1/safety/detectors")).EnumerateArray().ToList();
        Assert.Equal(["intrusion", "onnx:tiny", "onnx:absent"], list.Select(d => d.GetProperty("name").GetString()));
        Assert.Equal([true, true, false], list.Select(d => d.GetProperty("available").GetBoolean()));
        Assert.Equal("可用（类别：0→未戴安全帽、1→吸烟）", list[1].GetProperty("message").GetString());
        Assert.StartsWith("模型文件不存在：", list[2].GetProperty("message").GetString());

        var absent = await safety.Post("/api/v1/safety/detectors/run", Run("CAM-001", TestPictures.Plain(64, 64), "onnx:absent"));
        Assert.Equal(HttpStatusCode.Conflict, absent.StatusCode);
        Assert.Contains("模型文件不存在", (await absent.Json()).GetProperty("detail").GetString());

        var notJpeg = await safety.Post("/api/v1/safety/detectors/run", new { cameraCode = "CAM-001", snapshot = Convert.ToBase64String("GIF89a"u8.ToArray()) });
        Assert.Equal(HttpStatusCode.BadRequest, notJpeg.StatusCode);
        var unknown = await safety.Post("/api/v1/safety/detectors/run", new { cameraCode = "CAM-404", snapshot = Convert.ToBase64String(TestPictures.Plain(8, 8)) });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var noDetector = await safety.Post("/api/v1/safety/detectors/run", Run("CAM-001", TestPictures.Plain(8, 8), "yolo"));
        Assert.Equal(HttpStatusCode.BadRequest, noDetector.StatusCode);

        // A 镇街 account without safety rights sees neither detectors nor cameras.
        var street = await app.ClientAs("street01");
        Assert.Equal(HttpStatusCode.Forbidden, (await street.Get("/api/v1/safety/detectors")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await street.Post("/api/v1/safety/detectors/run", Run("CAM-001", TestPictures.Plain(8, 8)))).StatusCode);
    }
}

public sealed class DetectorApiTestsOnSqlite(DetectorSqliteApp app) : DetectorApiTests<DetectorSqliteApp>(app);

public sealed class DetectorApiTestsOnPostgres(DetectorPostgresApp app) : DetectorApiTests<DetectorPostgresApp>(app);

/// <summary>Where OpenCV cannot load, the intrusion detector says why in Chinese and everything else keeps working.</summary>
public abstract class OpenCvMissingTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CivicGridApp
{
    [Fact]
    public async Task The_platform_reports_opencv_missing_and_keeps_running()
    {
        var safety = await app.ClientAs("safety");
        var intrusion = (await safety.GetJson("/api/v1/safety/detectors"))[0];
        Assert.Equal("intrusion", intrusion.GetProperty("name").GetString());
        Assert.False(intrusion.GetProperty("available").GetBoolean());
        Assert.Equal("OpenCV 运行库无法加载：Unable to load shared library 'OpenCvSharpExtern'，区域入侵检测不可用。",
            intrusion.GetProperty("message").GetString());

        var refused = await safety.Post("/api/v1/safety/detectors/run", new { cameraCode = "CAM-002", snapshot = Convert.ToBase64String(TestPictures.Plain(64, 64)), detector = "intrusion" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("OpenCV 运行库无法加载", (await refused.Json()).GetProperty("detail").GetString());

        // All detectors: the ONNX model still runs; the intrusion detector is listed as unavailable.
        var all = await safety.Post("/api/v1/safety/detectors/run", new { cameraCode = "CAM-002", snapshot = Convert.ToBase64String(TestPictures.Plain(128, 64)) });
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        var run = await all.Json();
        Assert.Equal(["onnx:tiny", "onnx:tiny"], run.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("detector").GetString()));
        Assert.Equal(["intrusion", "onnx:absent"], run.GetProperty("unavailable").EnumerateArray().Select(e => e.GetProperty("name").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await safety.Get("/api/v1/safety/warnings?cameraCode=CAM-002")).StatusCode);
    }
}

public sealed class OpenCvMissingTestsOnSqlite(OpenCvMissingSqliteApp app) : OpenCvMissingTests<OpenCvMissingSqliteApp>(app);

public sealed class OpenCvMissingTestsOnPostgres(OpenCvMissingPostgresApp app) : OpenCvMissingTests<OpenCvMissingPostgresApp>(app);
