using System.Net;
using CivicGrid.Tests.Infrastructure;

namespace CivicGrid.Tests.Cases;

/// <summary>Deadlines of real reports on the Chinese working calendar (clock: 2026-09-30 10:00 Beijing time).</summary>
public abstract class CaseDeadlineTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CivicGridApp
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    [Fact]
    public async Task A_three_working_day_limit_spans_national_day_and_ends_on_the_make_up_saturday()
    {
        var admin = await app.ClientAs("admin");
        var leaf = (await admin.GetJson("/api/v1/categories")).EnumerateArray()
            .First(c => c.GetProperty("timeLimit").ValueKind != System.Text.Json.JsonValueKind.Null
                && c.GetProperty("timeLimit").GetProperty("unit").GetString() == "工作日"
                && c.GetProperty("timeLimit").GetProperty("value").GetInt32() == 3);
        var dispatcher = await app.ClientAs("dispatcher");
        var cell = (await admin.GetJson("/api/v1/regions/110199003001/children"))[0];
        var created = await (await dispatcher.Post("/api/v1/cases", new
        {
            description = "热线转来：需要核实的问题",
            source = "hotline",
            lon = cell.GetProperty("centerLon").GetDouble(),
            lat = cell.GetProperty("centerLat").GetDouble(),
        })).Json();
        var id = created.GetProperty("id").GetInt64();
        var units = (await admin.GetJson("/api/v1/units?kind=职能部门&pageSize=50")).GetProperty("items");
        var lead = units.EnumerateArray().First(u => u.GetProperty("code").GetString() == "D01").GetProperty("id").GetInt32();

        Assert.Equal(HttpStatusCode.OK, (await dispatcher.Post($"/api/v1/cases/{id}/transitions",
            new { action = "register", categoryCode = leaf.GetProperty("code").GetString() })).StatusCode);
        var dispatched = await (await dispatcher.Post($"/api/v1/cases/{id}/transitions", new { action = "dispatch", leadUnitId = lead })).Json();

        // 10-01…10-07 are off; 10-08 (Thu) is day 1, 10-09 (Fri) day 2, 10-10 (Sat, 调休) day 3 — due at its 17:30.
        var deadline = dispatched.GetProperty("deadline").GetDateTimeOffset().ToOffset(Beijing);
        Assert.Equal(new DateTimeOffset(2026, 10, 10, 17, 30, 0, Beijing), deadline);
    }

    [Fact]
    public async Task An_approved_postponement_moves_the_deadline_by_working_days()
    {
        var admin = await app.ClientAs("admin");
        var dispatcher = await app.ClientAs("dispatcher");
        var cell = (await admin.GetJson("/api/v1/regions/110199003001/children"))[0];
        var created = await (await (await app.ClientAs("resident")).Post("/api/v1/cases", new
        {
            description = "人行道上有人占道经营摆摊",
            lon = cell.GetProperty("centerLon").GetDouble(),
            lat = cell.GetProperty("centerLat").GetDouble(),
        })).Json();
        var id = created.GetProperty("id").GetInt64();
        var before = created.GetProperty("deadline").GetDateTimeOffset();
        var handler = await app.ClientAs("handler.cg");
        Assert.Equal(HttpStatusCode.OK, (await handler.Post($"/api/v1/cases/{id}/transitions", new { action = "acknowledge" })).StatusCode);

        var refused = await dispatcher.Post($"/api/v1/cases/{id}/transitions", new { action = "postpone", extension = new { value = 2, unit = "工作日" } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var postponed = await (await dispatcher.Post($"/api/v1/cases/{id}/transitions",
            new { action = "postpone", comment = "需协调产权单位", extension = new { value = 2, unit = "工作日" } })).Json();
        Assert.Equal("Postponed", postponed.GetProperty("status").GetString());
        Assert.True(postponed.GetProperty("deadline").GetDateTimeOffset() > before);
    }
}

public sealed class CaseDeadlineTestsOnSqlite(ClockedSqliteApp app) : CaseDeadlineTests<ClockedSqliteApp>(app);

public sealed class CaseDeadlineTestsOnPostgres(ClockedPostgresApp app) : CaseDeadlineTests<ClockedPostgresApp>(app);
