using System.Net;
using System.Text.Json;
using CivicGrid.Tests.Infrastructure;

namespace CivicGrid.Tests.Cases;

/// <summary>The case loop through the HTTP API with the demo accounts.</summary>
public abstract class CaseApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CivicGridApp
{
    // The first 镇街 has its own rule for 占道经营 (its office leads); elsewhere the district rule sends it to 城管.
    private const string FirstCommunity = "110199001001";
    private const string ThirdTownCommunity = "110199003001";

    private Task<(double Lon, double Lat, string Cell)> PointInFirstTownAsync() => PointInAsync(FirstCommunity);

    // The centre of a cell of the community, so the test does not depend on the tiling.
    private async Task<(double Lon, double Lat, string Cell)> PointInAsync(string community)
    {
        var admin = await app.ClientAs("admin");
        var cells = await admin.GetJson($"/api/v1/regions/{community}/children");
        var cell = cells[0];
        var lon = cell.GetProperty("centerLon").GetDouble();
        var lat = cell.GetProperty("centerLat").GetDouble();
        return (lon, lat, cell.GetProperty("code").GetString()!);
    }

    private static async Task<JsonElement> Act(HttpClient client, long id, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.Post($"/api/v1/cases/{id}/transitions", body);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task A_residents_report_is_located_classified_and_routed_to_city_management()
    {
        var (lon, lat, cell) = await PointInAsync(ThirdTownCommunity);
        var resident = await app.ClientAs("resident");
        var response = await resident.Post("/api/v1/cases", new
        {
            description = "小区北门口有人占道经营，摆摊卖水果，把人行道都堵住了",
            lon,
            lat,
            source = "citizen",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Json();
        Assert.Equal(cell, body.GetProperty("regionCode").GetString());
        Assert.Contains("占道", body.GetProperty("categoryName").GetString());
        Assert.Equal("Dispatched", body.GetProperty("status").GetString());
        var lead = body.GetProperty("responsibleUnits")[0];
        Assert.True(lead.GetProperty("isLead").GetBoolean());
        Assert.Equal("区城市管理局", lead.GetProperty("name").GetString());
        Assert.True(body.GetProperty("deadline").GetDateTimeOffset() > body.GetProperty("reportedAt").GetDateTimeOffset());
        Assert.Matches(@"^\d{14}$", body.GetProperty("number").GetString());
        Assert.Equal(response.Headers.Location!.ToString(), $"/api/v1/cases/{body.GetProperty("id").GetInt64()}");

        var (firstLon, firstLat, _) = await PointInFirstTownAsync();
        var local = await (await resident.Post("/api/v1/cases", new { description = "菜市场门口占道经营卖菜", lon = firstLon, lat = firstLat })).Json();
        var units = local.GetProperty("responsibleUnits").EnumerateArray().Select(u => (u.GetProperty("name").GetString(), u.GetProperty("isLead").GetBoolean())).ToList();
        Assert.Equal(("东坝镇人民政府", true), units[0]);
        Assert.Contains(("区城市管理局", false), units);

        var byNumber = await resident.GetJson($"/api/v1/cases/{body.GetProperty("number").GetString()}");
        Assert.Equal(body.GetProperty("id").GetInt64(), byNumber.GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task The_same_idempotency_key_twice_gives_the_same_case()
    {
        var (lon, lat, _) = await PointInFirstTownAsync();
        var resident = await app.ClientAs("resident");
        var body = new { description = "路灯不亮，晚上很黑", lon, lat, source = "citizen", idempotencyKey = "app-7f3a-0001" };
        var first = await resident.Post("/api/v1/cases", body);
        var second = await resident.Post("/api/v1/cases", body);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal((await first.Json()).GetProperty("id").GetInt64(), (await second.Json()).GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Bad_reports_get_chinese_400s_and_nothing_is_written()
    {
        var resident = await app.ClientAs("resident");
        var before = (await (await app.ClientAs("admin")).GetJson("/api/v1/cases?pageSize=1")).GetProperty("total").GetInt32();
        var outside = await resident.Post("/api/v1/cases", new { description = "有垃圾", lon = 120.0, lat = 30.0 });
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Contains("网格", (await outside.Json()).GetProperty("errors")[0].GetProperty("message").GetString());
        var empty = await resident.Post("/api/v1/cases", new { description = "", source = "martian" });
        var messages = (await empty.Json()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("message").GetString()!).ToList();
        Assert.Contains(messages, m => m.Contains("描述"));
        Assert.Contains(messages, m => m.Contains("来源"));
        Assert.Contains(messages, m => m.Contains("位置"));
        var huge = await resident.Post("/api/v1/cases", new { description = new string('脏', 5000), address = "青年路" });
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        Assert.Equal(before, (await (await app.ClientAs("admin")).GetJson("/api/v1/cases?pageSize=1")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Joint_dispatch_acknowledge_handle_verify_evaluate_with_an_intact_history()
    {
        var (lon, lat, _) = await PointInFirstTownAsync();
        var resident = await app.ClientAs("resident");
        var dispatcher = await app.ClientAs("dispatcher");
        var admin = await app.ClientAs("admin");
        var reported = await (await resident.Post("/api/v1/cases", new { description = "这里情况比较复杂说不清", lon, lat, source = "hotline" })).Json();
        var id = reported.GetProperty("id").GetInt64();
        Assert.Equal("Reported", reported.GetProperty("status").GetString());

        var categories = await admin.GetJson("/api/v1/cases/suggest-category?text=" + Uri.EscapeDataString("暴露垃圾没人清理"));
        var category = categories[0].GetProperty("code").GetString();
        var units = (await admin.GetJson("/api/v1/units?kind=职能部门&pageSize=50")).GetProperty("items").EnumerateArray()
            .ToDictionary(u => u.GetProperty("code").GetString()!, u => u.GetProperty("id").GetInt32());

        await Act(dispatcher, id, new { action = "register", categoryCode = category });
        var dispatched = await Act(dispatcher, id, new { action = "dispatch", leadUnitId = units["D01"], coUnitIds = new[] { units["D02"] }, acknowledgeMinutes = 30 });
        Assert.Equal(2, dispatched.GetProperty("responsibleUnits").GetArrayLength());
        Assert.Equal("区城市管理局", dispatched.GetProperty("responsibleUnits")[0].GetProperty("name").GetString());

        var handler = await app.ClientAs("handler.cg");
        await Act(handler, id, new { action = "handle", comment = "未签收先处置" }, HttpStatusCode.Conflict);
        var acknowledged = await Act(handler, id, new { action = "acknowledge" });
        Assert.Equal("Acknowledged", acknowledged.GetProperty("status").GetString());
        await Act(handler, id, new { action = "handle" }, HttpStatusCode.BadRequest);
        await Act(handler, id, new { action = "handle", comment = "已清运垃圾并冲洗地面" });
        await Act(handler, id, new { action = "verify" }, HttpStatusCode.Forbidden);

        var inspector = await app.ClientAs("inspector");
        var closed = await Act(inspector, id, new { action = "verify", comment = "现场复核已整改" });
        Assert.Equal("Closed", closed.GetProperty("status").GetString());

        var evaluated = await Act(resident, id, new { action = "evaluate", evaluation = "满意" });
        Assert.Equal("Evaluated", evaluated.GetProperty("status").GetString());
        var kinds = evaluated.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["report", "register", "dispatch", "acknowledge", "handle", "verify", "close", "evaluate"], kinds);

        var verdict = await admin.GetJson($"/api/v1/cases/{id}/history/verification");
        Assert.True(verdict.GetProperty("intact").GetBoolean());
    }

    [Fact]
    public async Task Handlers_and_street_offices_see_only_their_cases()
    {
        var (lon, lat, _) = await PointInFirstTownAsync();
        var resident = await app.ClientAs("resident");
        var admin = await app.ClientAs("admin");
        var other = await admin.GetJson("/api/v1/regions/110199002001/children");
        var otherCase = await (await resident.Post("/api/v1/cases", new
        {
            description = "小区门口占道经营卖菜",
            lon = other[0].GetProperty("centerLon").GetDouble(),
            lat = other[0].GetProperty("centerLat").GetDouble(),
        })).Json();
        var ownCase = await (await resident.Post("/api/v1/cases", new { description = "河道水面有漂浮垃圾，河水发臭", lon, lat })).Json();

        var street = await app.ClientAs("street01");
        Assert.Equal(HttpStatusCode.NotFound, (await street.Get($"/api/v1/cases/{otherCase.GetProperty("id").GetInt64()}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await street.Get($"/api/v1/cases/{ownCase.GetProperty("id").GetInt64()}")).StatusCode);
        var streetList = await street.GetJson("/api/v1/cases?pageSize=200");
        Assert.All(streetList.GetProperty("items").EnumerateArray(), c => Assert.StartsWith("110199001", c.GetProperty("regionCode").GetString()));

        var handler = await app.ClientAs("handler.cg");
        var handlerList = await handler.GetJson("/api/v1/cases?pageSize=200");
        Assert.NotEqual(0, handlerList.GetProperty("total").GetInt32());
        foreach (var item in handlerList.GetProperty("items").EnumerateArray())
        {
            var detail = await handler.GetJson($"/api/v1/cases/{item.GetProperty("id").GetInt64()}");
            Assert.Contains(detail.GetProperty("responsibleUnits").EnumerateArray(), u => u.GetProperty("code").GetString() == "D01");
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await handler.Post($"/api/v1/cases/{otherCase.GetProperty("id").GetInt64()}/transitions",
            new { action = "dispatch", leadUnitId = 1 })).StatusCode);
    }

    [Fact]
    public async Task Twenty_parallel_acknowledgements_change_the_case_exactly_once()
    {
        var (lon, lat, _) = await PointInAsync(ThirdTownCommunity);
        var resident = await app.ClientAs("resident");
        var created = await (await resident.Post("/api/v1/cases", new { description = "人行道上有人占道经营摆摊", lon, lat })).Json();
        var id = created.GetProperty("id").GetInt64();
        Assert.Equal("Dispatched", created.GetProperty("status").GetString());

        var clients = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => app.ClientAs("handler.cg")));
        var responses = await Task.WhenAll(clients.Select(c => c.Post($"/api/v1/cases/{id}/transitions", new { action = "acknowledge" })));
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(19, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));

        var detail = await (await app.ClientAs("admin")).GetJson($"/api/v1/cases/{id}");
        Assert.Equal("Acknowledged", detail.GetProperty("status").GetString());
        Assert.Single(detail.GetProperty("history").EnumerateArray(), e => e.GetProperty("kind").GetString() == "acknowledge");
        Assert.True((await (await app.ClientAs("admin")).GetJson($"/api/v1/cases/{id}/history/verification")).GetProperty("intact").GetBoolean());
    }

    [Fact]
    public async Task Unknown_actions_and_wrong_states_are_refused_in_chinese()
    {
        var (lon, lat, _) = await PointInFirstTownAsync();
        var resident = await app.ClientAs("resident");
        var created = await (await resident.Post("/api/v1/cases", new { description = "说不清的事情", lon, lat, source = "hotline" })).Json();
        var id = created.GetProperty("id").GetInt64();
        var dispatcher = await app.ClientAs("dispatcher");
        var bad = await Act(dispatcher, id, new { action = "teleport" }, HttpStatusCode.BadRequest);
        Assert.Equal("数据校验未通过", bad.GetProperty("title").GetString());
        var wrong = await Act(dispatcher, id, new { action = "close" }, HttpStatusCode.Conflict);
        Assert.Contains("上报", wrong.GetProperty("detail").GetString());
        await Act(resident, id, new { action = "register" }, HttpStatusCode.Forbidden);
    }
}

public sealed class CaseApiTestsOnSqlite(SqliteApp app) : CaseApiTests<SqliteApp>(app);

public sealed class CaseApiTestsOnPostgres(PostgresApp app) : CaseApiTests<PostgresApp>(app);
