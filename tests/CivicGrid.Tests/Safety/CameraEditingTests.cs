using System.Net;
using System.Text.Json;
using CivicGrid.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Tests.Safety;

/// <summary>Cameras and their rules edited over the API: checked in Chinese, scoped to the enterprise, applied to the very next detection.</summary>
public abstract class CameraEditingTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CivicGridApp
{
    private static readonly object[] LeftHalf = [new { x = 0.1, y = 0.1 }, new { x = 0.5, y = 0.1 }, new { x = 0.5, y = 0.9 }, new { x = 0.1, y = 0.9 }];
    private static readonly object[] RightHalf = [new { x = 0.5, y = 0.1 }, new { x = 0.95, y = 0.1 }, new { x = 0.95, y = 0.9 }, new { x = 0.5, y = 0.9 }];

    private string Suffix => typeof(TApp).Name[..3].ToUpperInvariant();

    private DateTimeOffset Now
    {
        get
        {
            var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
        }
    }

    private static async Task<int> MineIdAsync(HttpClient safety) =>
        (await safety.GetJson("/api/v1/safety/enterprises"))[0].GetProperty("id").GetInt32();

    private static object Camera(string code, object[] rules, string name = "测试摄像头") => new { code, name, rules };

    private static object IntrusionRule(object[] zone, double minConfidence = 0.5) =>
        new { type = "intrusion", minConfidence, zone, persistenceSeconds = 0, cooldownSeconds = 0, action = "hidden_danger" };

    private async Task<bool> AcceptedAsync(string camera, string type, double x, double confidence = 0.9)
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", "demo-camera-key");
        var response = await client.Post("/api/v1/safety/detections",
            new { cameraCode = camera, type, occurredAt = Now.AddMinutes(-1), confidence, boxes = new[] { new { x, y = 0.4, w = 0.1, h = 0.2 } } });
        var body = await response.Json();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, body.ToString());
        return body.GetProperty("accepted").GetBoolean();
    }

    private static string Messages(JsonElement problem) =>
        string.Join("|", problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("message").GetString()));

    [Fact]
    public async Task An_edited_zone_and_a_removed_type_apply_to_the_next_detection_without_a_restart()
    {
        var safety = await app.ClientAs("safety");
        var mineId = await MineIdAsync(safety);
        var code = $"CAM-EDIT-{Suffix}";
        var created = await safety.Post($"/api/v1/safety/enterprises/{mineId}/cameras",
            Camera(code, [IntrusionRule(LeftHalf), new { type = "smoking", persistenceSeconds = 0, cooldownSeconds = 0, action = "violation" }]));
        var camera = await created.Json();
        Assert.True(created.StatusCode == HttpStatusCode.Created, camera.ToString());
        var cameraId = camera.GetProperty("id").GetInt32();
        var intrusion = camera.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("type").GetString() == "intrusion");
        Assert.Equal("立隐患", intrusion.GetProperty("actionName").GetString());
        Assert.Equal(4, intrusion.GetProperty("zone").GetArrayLength());

        Assert.True(await AcceptedAsync(code, "intrusion", 0.2));
        Assert.False(await AcceptedAsync(code, "intrusion", 0.7));
        Assert.False(await AcceptedAsync(code, "intrusion", 0.2, confidence: 0.4));
        Assert.True(await AcceptedAsync(code, "smoking", 0.7));

        var edited = await safety.Put($"/api/v1/safety/cameras/{cameraId}", Camera(code, [IntrusionRule(RightHalf, 0.3)], "主井口摄像头（已改）"));
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var after = await edited.Json();
        Assert.Equal("主井口摄像头（已改）", after.GetProperty("name").GetString());
        Assert.Equal(["intrusion"], after.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("type").GetString()));

        // Well inside CameraDirectory's 30-second refresh: only the cache being dropped on save makes these pass.
        Assert.True(await AcceptedAsync(code, "intrusion", 0.7, confidence: 0.4));
        Assert.False(await AcceptedAsync(code, "intrusion", 0.2));
        Assert.False(await AcceptedAsync(code, "smoking", 0.7));

        var listed = await safety.GetJson($"/api/v1/safety/enterprises/{mineId}/cameras");
        Assert.Contains(listed.EnumerateArray(), c => c.GetProperty("code").GetString() == code && c.GetProperty("name").GetString() == "主井口摄像头（已改）");
    }

    [Fact]
    public async Task The_demo_cameras_show_their_contract_rules()
    {
        var safety = await app.ClientAs("safety");
        var cameras = await safety.GetJson($"/api/v1/safety/enterprises/{await MineIdAsync(safety)}/cameras");
        var cam1 = cameras.EnumerateArray().Single(c => c.GetProperty("code").GetString() == "CAM-001");
        Assert.Equal(9, cam1.GetProperty("rules").GetArrayLength());
        Assert.All(cam1.GetProperty("rules").EnumerateArray(), r =>
        {
            Assert.Equal(0.6, r.GetProperty("minConfidence").GetDouble());
            Assert.True(r.GetProperty("wholeImage").GetBoolean());
            Assert.Equal(2, r.GetProperty("persistenceSeconds").GetInt32());
            Assert.Equal(60, r.GetProperty("cooldownSeconds").GetInt32());
            Assert.False(r.GetProperty("workingHoursOnly").GetBoolean());
        });
    }

    [Fact]
    public async Task Bad_rules_are_refused_in_chinese_and_nothing_is_written()
    {
        var safety = await app.ClientAs("safety");
        var mineId = await MineIdAsync(safety);
        var before = (await safety.GetJson($"/api/v1/safety/enterprises/{mineId}/cameras")).GetArrayLength();
        var code = $"CAM-BAD-{Suffix}";

        var twoPoints = await safety.Post($"/api/v1/safety/enterprises/{mineId}/cameras",
            Camera(code, [IntrusionRule([new { x = 0.1, y = 0.1 }, new { x = 0.5, y = 0.5 }])]));
        Assert.Equal(HttpStatusCode.BadRequest, twoPoints.StatusCode);
        Assert.Contains("识别区域须有 3 到 50 个顶点", Messages(await twoPoints.Json()));

        var outside = await safety.Post($"/api/v1/safety/enterprises/{mineId}/cameras",
            Camera(code, [IntrusionRule([new { x = 0.1, y = 0.1 }, new { x = 1.2, y = 0.1 }, new { x = 0.5, y = 0.9 }])]));
        Assert.Contains("顶点须在画面内", Messages(await outside.Json()));

        var line = await safety.Post($"/api/v1/safety/enterprises/{mineId}/cameras",
            Camera(code, [IntrusionRule([new { x = 0.1, y = 0.1 }, new { x = 0.2, y = 0.2 }, new { x = 0.3, y = 0.3 }])]));
        Assert.Contains("面积为零", Messages(await line.Json()));

        var many = await safety.Post($"/api/v1/safety/enterprises/{mineId}/cameras", new
        {
            code = "有 空格",
            name = "",
            rules = new object[]
            {
                new { type = "no_helmet", minConfidence = 1.5 },
                new { type = "no_helmet" },
                new { type = "flying_pig" },
                new { type = "smoking", persistenceSeconds = -1, cooldownSeconds = 100000, action = "报警" },
            },
        });
        Assert.Equal(HttpStatusCode.BadRequest, many.StatusCode);
        var messages = Messages(await many.Json());
        foreach (var expected in new[] { "摄像头编码", "摄像头名称", "最低置信度须在 0 到 1 之间", "重复设置了规则", "识别类型无效", "持续时间须在", "冷却时间须在", "处置方式无效" })
        {
            Assert.Contains(expected, messages);
        }

        var taken = await safety.Post($"/api/v1/safety/enterprises/{mineId}/cameras", Camera("CAM-001", []));
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Contains("已被使用", (await taken.Json()).GetProperty("detail").GetString());
        Assert.Equal(before, (await safety.GetJson($"/api/v1/safety/enterprises/{mineId}/cameras")).GetArrayLength());
    }

    [Fact]
    public async Task Another_enterprises_camera_is_not_found_for_the_mine_officer()
    {
        var admin = await app.ClientAs("admin");
        var unit = await (await admin.Post("/api/v1/units", new { code = "E-CAM-" + Suffix, name = "摄像头测试工厂", kind = "企事业单位", regionCode = "110199003" })).Json();
        var otherId = unit.GetProperty("id").GetInt32();
        var created = await admin.Post($"/api/v1/safety/enterprises/{otherId}/cameras", Camera($"CAM-OTHER-{Suffix}", [IntrusionRule(LeftHalf)]));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var cameraId = (await created.Json()).GetProperty("id").GetInt32();

        var safety = await app.ClientAs("safety");
        Assert.Equal(HttpStatusCode.NotFound, (await safety.Get($"/api/v1/safety/cameras/{cameraId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await safety.Put($"/api/v1/safety/cameras/{cameraId}", Camera($"CAM-OTHER-{Suffix}", [], "越权修改"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await safety.Get($"/api/v1/safety/enterprises/{otherId}/cameras")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await safety.Post($"/api/v1/safety/enterprises/{otherId}/cameras", Camera($"CAM-X-{Suffix}", []))).StatusCode);
        var mineId = await MineIdAsync(safety);
        var mineCamera = (await safety.GetJson($"/api/v1/safety/enterprises/{mineId}/cameras"))[0].GetProperty("id").GetInt32();
        var moved = await safety.Put($"/api/v1/safety/cameras/{mineCamera}", new { code = "CAM-MOVE", name = "挪到别家", enterpriseId = otherId });
        Assert.Equal(HttpStatusCode.NotFound, moved.StatusCode);
        Assert.Equal("摄像头测试工厂", (await admin.GetJson($"/api/v1/safety/enterprises/{otherId}")).GetProperty("name").GetString());
        Assert.Equal("CAM-OTHER-" + Suffix, (await admin.GetJson($"/api/v1/safety/cameras/{cameraId}")).GetProperty("code").GetString());

        var street = await app.ClientAs("street01");
        Assert.Equal(HttpStatusCode.Forbidden, (await street.Get($"/api/v1/safety/cameras/{cameraId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await street.Get($"/api/v1/safety/enterprises/{mineId}/cameras")).StatusCode);
    }
}

public sealed class CameraEditingTestsOnSqlite(SqliteApp app) : CameraEditingTests<SqliteApp>(app);

public sealed class CameraEditingTestsOnPostgres(PostgresApp app) : CameraEditingTests<PostgresApp>(app);
