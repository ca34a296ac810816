using System.Net;
using CivicGrid.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Tests.Safety;

/// <summary>三违 records: repeat counts, the retraining flag at the points threshold, per-unit rates and safe days.</summary>
public abstract class ViolationTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CivicGridApp
{
    [Fact]
    public async Task Repeats_are_counted_and_the_threshold_flags_retraining()
    {
        var safety = await app.ClientAs("safety");
        var mineId = (await safety.GetJson("/api/v1/safety/enterprises"))[0].GetProperty("id").GetInt32();
        var detail = await safety.GetJson($"/api/v1/safety/enterprises/{mineId}");
        var personId = detail.GetProperty("people")[5].GetProperty("id").GetInt32();
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();

        object Violation(string type, string grade, int hoursAgo) => new
        {
            personId,
            occurredAt = now.AddHours(-hoursAgo),
            type,
            grade,
            rule = "《煤矿安全规程》第一百零一条",
            foundBy = "安监员王强",
            place = "1201综采工作面",
            fine = 200,
        };

        var first = await (await safety.Post($"/api/v1/safety/enterprises/{mineId}/violations", Violation("违章作业", "严重", 48))).Json();
        Assert.Equal(1, first.GetProperty("repeatCount").GetInt32());
        Assert.False(first.GetProperty("retrainingFlagged").GetBoolean());
        var second = await (await safety.Post($"/api/v1/safety/enterprises/{mineId}/violations", Violation("违反劳动纪律", "一般", 24))).Json();
        Assert.Equal(2, second.GetProperty("repeatCount").GetInt32());
        Assert.Equal(9, second.GetProperty("pointsWithinYear").GetInt32());
        Assert.False(second.GetProperty("retrainingFlagged").GetBoolean());
        var third = await (await safety.Post($"/api/v1/safety/enterprises/{mineId}/violations", Violation("违章作业", "一般", 1))).Json();
        Assert.Equal(12, third.GetProperty("pointsWithinYear").GetInt32());
        Assert.True(third.GetProperty("retrainingFlagged").GetBoolean());

        var history = await safety.GetJson($"/api/v1/safety/enterprises/{mineId}/people/{personId}/violations");
        Assert.Equal(3, history.GetProperty("count").GetInt32());
        Assert.True(history.GetProperty("needsRetraining").GetBoolean());
        Assert.Equal(["待培训", "无需培训", "无需培训"], history.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("retraining").GetString()));

        var violationId = third.GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await safety.Put($"/api/v1/safety/enterprises/{mineId}/violations/{violationId}/retraining", new { status = "考试合格" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await safety.Put($"/api/v1/safety/enterprises/{mineId}/violations/{violationId}/retraining", new { status = "随便" })).StatusCode);

        var bad = await safety.Post($"/api/v1/safety/enterprises/{mineId}/violations", new { personId, occurredAt = now.AddDays(1), type = "闯红灯", grade = "一般", rule = "x", foundBy = "y" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var wheres = (await bad.Json()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("where").GetString()).ToList();
        Assert.Equal(["type", "occurredAt"], wheres);
    }

    [Fact]
    public async Task Unit_rates_per_hundred_people_and_safe_days_reset_by_an_incident()
    {
        var admin = await app.ClientAs("admin");
        var created = await (await admin.Post("/api/v1/units", new { code = "E-RATE-" + typeof(TApp).Name[..3], name = "示例机械厂", kind = "企事业单位", regionCode = "110199003" })).Json();
        var factoryId = created.GetProperty("id").GetInt32();
        var people = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            people.Add((await (await admin.Post("/api/v1/people", new { name = $"工人{i}", unitId = factoryId })).Json()).GetProperty("id").GetInt32());
        }

        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        await admin.Put($"/api/v1/safety/enterprises/{factoryId}/settings", new { safeSince = "2026-01-01" });
        Assert.Equal(HttpStatusCode.Created, (await admin.Post($"/api/v1/safety/enterprises/{factoryId}/violations",
            new { personId = people[0], occurredAt = now.AddDays(-3), type = "违章指挥", grade = "一般", rule = "安全操作规程", foundBy = "安全员" })).StatusCode);

        var rates = await admin.GetJson($"/api/v1/safety/enterprises/{factoryId}/violation-rates");
        var unit = rates.EnumerateArray().Single();
        Assert.Equal(4, unit.GetProperty("people").GetInt32());
        Assert.Equal(25, unit.GetProperty("ratePerHundred").GetDouble());
        Assert.Equal(1, unit.GetProperty("byType").GetProperty("违章指挥").GetInt32());
        Assert.Equal(272, unit.GetProperty("safeDays").GetInt32());

        Assert.Equal(HttpStatusCode.Created, (await admin.Post($"/api/v1/safety/enterprises/{factoryId}/incidents", new { occurredOn = "2026-09-20", description = "冲床压伤手指" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.Post($"/api/v1/safety/enterprises/{factoryId}/incidents", new { occurredOn = "2026-12-01", description = "未来" })).StatusCode);
        var after = (await admin.GetJson($"/api/v1/safety/enterprises/{factoryId}/violation-rates"))[0];
        Assert.Equal(10, after.GetProperty("safeDays").GetInt32());
        var summary = (await admin.GetJson("/api/v1/safety/enterprises")).EnumerateArray().Single(e => e.GetProperty("id").GetInt32() == factoryId);
        Assert.Equal(10, summary.GetProperty("safeDays").GetInt32());

        var street = await app.ClientAs("street01");
        Assert.Equal(HttpStatusCode.Forbidden, (await street.Get($"/api/v1/safety/enterprises/{factoryId}/violations")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await street.Get($"/api/v1/safety/enterprises/{factoryId}/violation-rates")).StatusCode);
    }
}

public sealed class ViolationTestsOnSqlite(ClockedSqliteApp app) : ViolationTests<ClockedSqliteApp>(app);

public sealed class ViolationTestsOnPostgres(ClockedPostgresApp app) : ViolationTests<ClockedPostgresApp>(app);
