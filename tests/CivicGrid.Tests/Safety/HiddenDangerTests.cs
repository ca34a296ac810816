using System.Net;
using System.Text.Json;
using CivicGrid.Tests.Infrastructure;

namespace CivicGrid.Tests.Safety;

/// <summary>Hidden dangers run on the case loop: a 重大 one waits for 五落实 before dispatch, every one for 验收销号 before closing.</summary>
public abstract class HiddenDangerTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CivicGridApp
{
    private static async Task<JsonElement> Act(HttpClient client, long caseId, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.Post($"/api/v1/cases/{caseId}/transitions", body);
        var json = await response.Json();
        Assert.True(expected == response.StatusCode, $"{body} → {(int)response.StatusCode}: {json}");
        return json;
    }

    [Fact]
    public async Task A_major_hidden_danger_is_dispatched_only_with_its_five_and_closed_only_after_acceptance()
    {
        var safety = await app.ClientAs("safety");
        var dispatcher = await app.ClientAs("dispatcher");
        var mine = (await safety.GetJson("/api/v1/safety/enterprises"))[0];
        var mineId = mine.GetProperty("id").GetInt32();
        var reported = await safety.Post($"/api/v1/safety/enterprises/{mineId}/hidden-dangers",
            new { description = "1201综采工作面机尾顶板破碎，有冒顶危险", grade = "重大", responsiblePerson = "综采一队队长" });
        Assert.Equal(HttpStatusCode.Created, reported.StatusCode);
        var danger = await reported.Json();
        var id = danger.GetProperty("id").GetInt32();
        var caseId = danger.GetProperty("caseId").GetInt64();
        Assert.Equal(["措施", "资金", "时限", "预案"], danger.GetProperty("missingFiveImplementations").EnumerateArray().Select(m => m.GetString()));

        var theCase = await dispatcher.GetJson($"/api/v1/cases/{caseId}");
        Assert.Equal("Reported", theCase.GetProperty("status").GetString());
        var categories = await dispatcher.GetJson("/api/v1/cases/suggest-category?text=" + Uri.EscapeDataString("暴露垃圾没人清理"));
        await Act(dispatcher, caseId, new { action = "register", categoryCode = categories[0].GetProperty("code").GetString() });

        var refused = await Act(dispatcher, caseId, new { action = "dispatch", leadUnitId = mineId }, HttpStatusCode.Conflict);
        Assert.Contains("五落实", refused.GetProperty("detail").GetString());
        Assert.Contains("措施、资金、时限、预案", refused.GetProperty("detail").GetString());
        Assert.Equal("Registered", (await dispatcher.GetJson($"/api/v1/cases/{caseId}")).GetProperty("status").GetString());

        var street = await app.ClientAs("street01");
        Assert.Equal(HttpStatusCode.Forbidden, (await street.Put($"/api/v1/safety/hidden-dangers/{id}/five-implementations", new { measures = "越权" })).StatusCode);
        var filled = await safety.Put($"/api/v1/safety/hidden-dangers/{id}/five-implementations",
            new { measures = "架设超前液压支架，加强顶板管理", funds = 85000, rectifyBy = "2026-10-20", contingencyPlan = "顶板事故现场处置方案" });
        Assert.Equal(HttpStatusCode.OK, filled.StatusCode);
        Assert.True((await filled.Json()).GetProperty("mayDispatch").GetBoolean());

        await Act(dispatcher, caseId, new { action = "dispatch", leadUnitId = mineId });
        await Act(safety, caseId, new { action = "acknowledge" });
        Assert.Equal(HttpStatusCode.Conflict, (await safety.Post($"/api/v1/safety/hidden-dangers/{id}/acceptance", new { effectEvaluation = "未整改先验收" })).StatusCode);
        await Act(safety, caseId, new { action = "handle", comment = "已架设超前支护并补打锚索" });

        var verified = await Act(dispatcher, caseId, new { action = "verify", comment = "现场复核" });
        Assert.Equal("Verified", verified.GetProperty("status").GetString());
        var notYet = await Act(dispatcher, caseId, new { action = "close" }, HttpStatusCode.Conflict);
        Assert.Contains("验收销号", notYet.GetProperty("detail").GetString());

        Assert.Equal(HttpStatusCode.BadRequest, (await safety.Post($"/api/v1/safety/hidden-dangers/{id}/acceptance", new { effectEvaluation = " " })).StatusCode);
        var accepted = await safety.Post($"/api/v1/safety/hidden-dangers/{id}/acceptance", new { effectEvaluation = "顶板完整，支护有效，整改到位", acceptedBy = "安全副矿长" });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var closed = await Act(dispatcher, caseId, new { action = "close" });
        Assert.Equal("Closed", closed.GetProperty("status").GetString());

        var list = await safety.GetJson($"/api/v1/safety/enterprises/{mineId}/hidden-dangers?grade=重大");
        var row = list.GetProperty("items").EnumerateArray().Single(d => d.GetProperty("id").GetInt32() == id);
        Assert.Equal("Closed", row.GetProperty("status").GetString());
        Assert.Equal("安全副矿长", row.GetProperty("acceptedBy").GetString());
    }

    [Fact]
    public async Task A_general_hidden_danger_is_dispatched_without_the_five()
    {
        var safety = await app.ClientAs("safety");
        var dispatcher = await app.ClientAs("dispatcher");
        var mineId = (await safety.GetJson("/api/v1/safety/enterprises"))[0].GetProperty("id").GetInt32();
        var danger = await (await safety.Post($"/api/v1/safety/enterprises/{mineId}/hidden-dangers", new { description = "机修车间灭火器过期", grade = "一般" })).Json();
        var caseId = danger.GetProperty("caseId").GetInt64();
        var categories = await dispatcher.GetJson("/api/v1/cases/suggest-category?text=" + Uri.EscapeDataString("暴露垃圾没人清理"));
        await Act(dispatcher, caseId, new { action = "register", categoryCode = categories[0].GetProperty("code").GetString() });
        var dispatched = await Act(dispatcher, caseId, new { action = "dispatch", leadUnitId = mineId });
        Assert.Equal("Dispatched", dispatched.GetProperty("status").GetString());

        var bad = await safety.Post($"/api/v1/safety/enterprises/{mineId}/hidden-dangers", new { description = "等级不对", grade = "特大" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}

public sealed class HiddenDangerTestsOnSqlite(SqliteApp app) : HiddenDangerTests<SqliteApp>(app);

public sealed class HiddenDangerTestsOnPostgres(PostgresApp app) : HiddenDangerTests<PostgresApp>(app);
