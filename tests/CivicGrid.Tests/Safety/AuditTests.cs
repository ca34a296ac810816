using System.Net;
using System.Text.Json;
using CivicGrid.Platform;
using CivicGrid.Tests.Infrastructure;

namespace CivicGrid.Tests.Safety;

/// <summary>NOSA-style audits: scored element by element into section and total percentages and a star grade; failed elements become hidden dangers.</summary>
public abstract class AuditTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CivicGridApp
{
    private static async Task<int> MineIdAsync(HttpClient safety) =>
        (await safety.GetJson("/api/v1/safety/enterprises"))[0].GetProperty("id").GetInt32();

    private static async Task<JsonElement> CreateAsync(HttpClient client, int enterpriseId, string title)
    {
        var response = await client.Post($"/api/v1/safety/enterprises/{enterpriseId}/audits", new { title, auditDate = "2026-01-15", auditors = "张审核、李审核" });
        var json = await response.Json();
        Assert.True(response.StatusCode == HttpStatusCode.Created, json.ToString());
        return json;
    }

    private static string Messages(JsonElement problem) =>
        string.Join("|", problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("message").GetString()));

    /// <summary>Full points everywhere but the given elements.</summary>
    private static List<object> Scores(JsonElement draft, Dictionary<string, decimal?> except) =>
        draft.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("elements").EnumerateArray()).Select(e =>
        {
            var code = e.GetProperty("code").GetString()!;
            if (except.TryGetValue(code, out var given))
            {
                return given is null ? (object)new { elementCode = code, notApplicable = true } : new { elementCode = code, score = given, note = "现场检查发现问题" };
            }

            return new { elementCode = code, score = e.GetProperty("weight").GetDecimal() };
        }).ToList();

    [Fact]
    public async Task An_audit_scores_sections_and_total_grades_stars_and_turns_failed_elements_into_hidden_dangers()
    {
        var safety = await app.ClientAs("safety");
        var mineId = await MineIdAsync(safety);
        var draft = await CreateAsync(safety, mineId, "2026年度NOSA五星审核");
        var auditId = draft.GetProperty("id").GetInt32();
        Assert.Equal("待评分", draft.GetProperty("statusName").GetString());
        Assert.Equal(["建筑物及厂房管理", "机械、电气维护及个人劳保", "火灾风险及其它紧急情况", "事故记录及调查", "组织管理"],
            draft.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("name").GetString()));

        var scores = Scores(draft, new() { ["1.1"] = 10, ["5.3"] = 8, ["2.5"] = null });
        var missing = await safety.Post($"/api/v1/safety/audits/{auditId}/submission", new { injuryRate = 0.5, scores = scores.Skip(1) });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("请为要素 1.1", Messages(await missing.Json()));
        var tooHigh = await safety.Post($"/api/v1/safety/audits/{auditId}/submission", new { injuryRate = 0.5, scores = Scores(draft, new() { ["1.1"] = 26 }) });
        Assert.Equal(HttpStatusCode.BadRequest, tooHigh.StatusCode);
        Assert.Contains("得分须在 0 到 25 之间", Messages(await tooHigh.Json()));
        Assert.Equal("Draft", (await safety.GetJson($"/api/v1/safety/audits/{auditId}")).GetProperty("status").GetString());

        var submitted = await safety.Post($"/api/v1/safety/audits/{auditId}/submission", new { injuryRate = 0.5, scores });
        var result = await submitted.Json();
        Assert.True(submitted.StatusCode == HttpStatusCode.OK, result.ToString());
        Assert.Equal([85.0m, 100.0m, 100.0m, 100.0m, 88.0m], result.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("percent").GetDecimal()));
        Assert.Equal(94.0m, result.GetProperty("totalPercent").GetDecimal());
        Assert.Equal(5, result.GetProperty("stars").GetInt32());
        Assert.Equal(2, result.GetProperty("failedElements").GetInt32());
        var elements = result.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("elements").EnumerateArray()).ToList();
        Assert.True(elements.Single(e => e.GetProperty("code").GetString() == "2.5").GetProperty("notApplicable").GetBoolean());
        var failed = elements.Where(e => e.GetProperty("failed").GetBoolean()).ToList();
        Assert.Equal(["1.1", "5.3"], failed.Select(e => e.GetProperty("code").GetString()));
        Assert.All(failed, e => Assert.Equal(JsonValueKind.Number, e.GetProperty("hiddenDangerId").ValueKind));

        var danger = await safety.GetJson($"/api/v1/safety/hidden-dangers/{failed[0].GetProperty("hiddenDangerId").GetInt32()}");
        Assert.StartsWith("【NOSA审核】2026年度NOSA五星审核：建筑物及厂房管理 1.1", danger.GetProperty("description").GetString());
        Assert.Equal("一般", danger.GetProperty("grade").GetString());
        var theCase = await (await app.ClientAs("dispatcher")).GetJson($"/api/v1/cases/{danger.GetProperty("caseId").GetInt64()}");
        Assert.Equal("safety", theCase.GetProperty("source").GetString());

        var dangersBefore = (await safety.GetJson($"/api/v1/safety/enterprises/{mineId}/hidden-dangers?pageSize=1")).GetProperty("total").GetInt32();
        var again = await safety.Post($"/api/v1/safety/audits/{auditId}/submission", new { injuryRate = 3, scores });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(dangersBefore, (await safety.GetJson($"/api/v1/safety/enterprises/{mineId}/hidden-dangers?pageSize=1")).GetProperty("total").GetInt32());
        Assert.Equal(5, (await safety.GetJson($"/api/v1/safety/audits/{auditId}")).GetProperty("stars").GetInt32());

        var list = await safety.GetJson($"/api/v1/safety/audits?enterpriseId={mineId}");
        Assert.Contains(list.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetInt32() == auditId && a.GetProperty("totalPercent").GetDecimal() == 94.0m);

        var export = await safety.Get($"/api/v1/safety/audits/{auditId}/export.xlsx");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var rows = ExcelSheet.Read(await export.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        Assert.Equal("10", rows.Single(r => r["要素编号"] == "1.1")["得分"]);
        Assert.Equal("是", rows.Single(r => r["要素编号"] == "1.1")["不合格"]);
        Assert.Equal("不适用", rows.Single(r => r["要素编号"] == "2.5")["得分"]);
        Assert.Contains("5 星", rows.Single(r => r["部分"] == "总计")["要素"]);
    }

    [Fact]
    public async Task A_high_score_with_a_poor_injury_rate_earns_fewer_stars()
    {
        var safety = await app.ClientAs("safety");
        var draft = await CreateAsync(safety, await MineIdAsync(safety), "伤害率较高的审核");
        var result = await (await safety.Post($"/api/v1/safety/audits/{draft.GetProperty("id").GetInt32()}/submission",
            new { injuryRate = 2.5, scores = Scores(draft, []) })).Json();
        Assert.Equal(100.0m, result.GetProperty("totalPercent").GetDecimal());
        Assert.Equal(3, result.GetProperty("stars").GetInt32());
        Assert.Equal(0, result.GetProperty("failedElements").GetInt32());
    }

    [Fact]
    public async Task Another_enterprises_audit_is_not_found_for_the_mine_officer_and_district_staff_see_both()
    {
        var admin = await app.ClientAs("admin");
        var created = await (await admin.Post("/api/v1/units", new { code = "E-AUDIT-" + typeof(TApp).Name[..3], name = "审核测试化工厂", kind = "企事业单位", regionCode = "110199002" })).Json();
        var otherId = created.GetProperty("id").GetInt32();
        var other = await CreateAsync(admin, otherId, "化工厂审核");
        var otherAuditId = other.GetProperty("id").GetInt32();

        var safety = await app.ClientAs("safety");
        Assert.Equal(HttpStatusCode.NotFound, (await safety.Get($"/api/v1/safety/audits/{otherAuditId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await safety.Get($"/api/v1/safety/audits/{otherAuditId}/export.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await safety.Post($"/api/v1/safety/audits/{otherAuditId}/submission", new { injuryRate = 0, scores = Scores(other, []) })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await safety.Get($"/api/v1/safety/enterprises/{otherId}/audits")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await safety.Post($"/api/v1/safety/enterprises/{otherId}/audits", new { title = "越权", auditDate = "2026-01-15", auditors = "某人" })).StatusCode);
        Assert.Equal("Draft", (await admin.GetJson($"/api/v1/safety/audits/{otherAuditId}")).GetProperty("status").GetString());

        var street = await app.ClientAs("street01");
        Assert.Equal(HttpStatusCode.Forbidden, (await street.Get($"/api/v1/safety/audits/{otherAuditId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await street.Get("/api/v1/safety/audit-templates")).StatusCode);

        var mineAudit = await CreateAsync(safety, await MineIdAsync(safety), "矿井审核（区级可见）");
        Assert.Equal(HttpStatusCode.OK, (await admin.Get($"/api/v1/safety/audits/{mineAudit.GetProperty("id").GetInt32()}")).StatusCode);
    }

    [Fact]
    public async Task Bad_audit_input_is_refused_in_chinese()
    {
        var safety = await app.ClientAs("safety");
        var response = await safety.Post($"/api/v1/safety/enterprises/{await MineIdAsync(safety)}/audits", new { title = " ", auditDate = "2999-01-01" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = Messages(await response.Json());
        Assert.Contains("请填写审核名称", text);
        Assert.Contains("不能晚于今天", text);
        Assert.Contains("请填写审核员", text);
    }
}

public sealed class AuditTestsOnSqlite(SqliteApp app) : AuditTests<SqliteApp>(app);

public sealed class AuditTestsOnPostgres(PostgresApp app) : AuditTests<PostgresApp>(app);
