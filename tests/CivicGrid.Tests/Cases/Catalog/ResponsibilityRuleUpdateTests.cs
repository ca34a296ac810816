using System.Net;
using CivicGrid.Tests.Infrastructure;

namespace CivicGrid.Tests.Cases.Catalog;

/// <summary>Changing a rule (the console's 编辑): same checks as a new rule, the resolver follows at once, scope holds.</summary>
public abstract class ResponsibilityRuleUpdateTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CivicGridApp
{
    private const string FirstTown = "110199001";
    private const string FirstCommunity = "110199001001";
    private const string FirstCell = "110199001001001";

    [Fact]
    public async Task Admin_changes_lead_and_co_units_and_the_preview_follows()
    {
        var admin = await app.ClientAs("admin");
        var created = await (await admin.Post("/api/v1/responsibility-rules",
            new { categoryCode = "SJ0105", regionCode = FirstCommunity, unitId = await UnitId("C" + FirstCommunity) })).Json();
        var id = created.GetProperty("id").GetInt32();
        var before = await admin.GetJson($"/api/v1/responsibility/resolve?categoryCode=SJ0105&regionCode={FirstCell}");
        Assert.Equal("C" + FirstCommunity, before.GetProperty("lead").GetProperty("code").GetString());

        var response = await admin.Put($"/api/v1/responsibility-rules/{id}", new
        {
            categoryCode = "SJ0105",
            regionCode = FirstCommunity,
            unitId = await UnitId("D02"),
            coUnitIds = new[] { await UnitId("C" + FirstCommunity) },
            note = "改由环卫牵头",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var changed = await response.Json();
        Assert.Equal(id, changed.GetProperty("id").GetInt32());
        Assert.Equal("admin", changed.GetProperty("createdBy").GetString());
        Assert.Equal("改由环卫牵头", changed.GetProperty("note").GetString());

        var after = await admin.GetJson($"/api/v1/responsibility/resolve?categoryCode=SJ0105&regionCode={FirstCell}");
        Assert.Equal("D02", after.GetProperty("lead").GetProperty("code").GetString());
        Assert.Equal(["C" + FirstCommunity], after.GetProperty("coUnits").EnumerateArray().Select(u => u.GetProperty("code").GetString()!));
        Assert.Equal(id, after.GetProperty("ruleId").GetInt32());
        var listed = (await admin.GetJson($"/api/v1/responsibility-rules?regionCode={FirstCommunity}&categoryCode=SJ0105")).GetProperty("items");
        Assert.Equal("区环境卫生服务中心", Assert.Single(listed.EnumerateArray()).GetProperty("unit").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Moving_a_rule_onto_another_rules_place_is_a_conflict_and_changes_nothing()
    {
        var admin = await app.ClientAs("admin");
        var unit = await UnitId("D01");
        var first = (await (await admin.Post("/api/v1/responsibility-rules", new { categoryCode = "SJ0106", regionCode = FirstTown, unitId = unit })).Json()).GetProperty("id").GetInt32();
        var second = (await (await admin.Post("/api/v1/responsibility-rules", new { categoryCode = "SJ0107", regionCode = FirstTown, unitId = unit })).Json()).GetProperty("id").GetInt32();

        var clash = await admin.Put($"/api/v1/responsibility-rules/{second}", new { categoryCode = "SJ0106", regionCode = FirstTown, unitId = unit });
        Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
        Assert.Contains($"编号 {first}", (await clash.Json()).GetProperty("detail").GetString());
        var kept = (await admin.GetJson($"/api/v1/responsibility-rules?regionCode={FirstTown}&categoryCode=SJ0107")).GetProperty("items");
        Assert.Equal(second, Assert.Single(kept.EnumerateArray()).GetProperty("id").GetInt32());

        // Saving a rule unchanged is no clash with itself.
        Assert.Equal(HttpStatusCode.OK, (await admin.Put($"/api/v1/responsibility-rules/{second}", new { categoryCode = "SJ0107", regionCode = FirstTown, unitId = unit })).StatusCode);
    }

    [Fact]
    public async Task Bad_changes_are_refused_in_Chinese_and_scope_holds()
    {
        var admin = await app.ClientAs("admin");
        var districtRule = (await admin.GetJson("/api/v1/responsibility-rules?regionCode=110199&pageSize=200")).GetProperty("items").EnumerateArray()
            .First(r => r.GetProperty("regionCode").GetString() == "110199");
        var id = districtRule.GetProperty("id").GetInt32();

        var invalid = await admin.Put($"/api/v1/responsibility-rules/{id}", new { categoryCode = "道路", regionCode = "110199" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Json()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("where").GetString()).ToList();
        Assert.Equal(["categoryCode", "unitId"], errors);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Put("/api/v1/responsibility-rules/999999",
            new { categoryCode = "SJ0401", regionCode = "110199", unitId = await UnitId("D01") })).StatusCode);

        // A 镇街管理员 may neither change the district's rule nor move one of his own out of his town.
        var street = await app.ClientAs("street01");
        var forbidden = await street.Put($"/api/v1/responsibility-rules/{id}", new { categoryCode = "SJ0401", regionCode = FirstTown, unitId = await UnitId("S" + FirstTown) });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Contains("本辖区", (await forbidden.Json()).GetProperty("detail").GetString());
        var own = (await (await street.Post("/api/v1/responsibility-rules", new { categoryCode = "SJ0108", regionCode = FirstCommunity, unitId = await UnitId("S" + FirstTown) })).Json())
            .GetProperty("id").GetInt32();
        var moved = await street.Put($"/api/v1/responsibility-rules/{own}", new { categoryCode = "SJ0108", regionCode = "110199002", unitId = await UnitId("S" + FirstTown) });
        Assert.Equal(HttpStatusCode.Forbidden, moved.StatusCode);
        var still = (await admin.GetJson($"/api/v1/responsibility-rules?categoryCode=SJ0108&regionCode={FirstCommunity}")).GetProperty("items");
        Assert.Equal(own, Assert.Single(still.EnumerateArray()).GetProperty("id").GetInt32());
    }

    private async Task<int> UnitId(string code)
    {
        var admin = await app.ClientAs("admin");
        var items = (await admin.GetJson($"/api/v1/units?q={code}&pageSize=200")).GetProperty("items").EnumerateArray();
        return items.First(u => u.GetProperty("code").GetString() == code).GetProperty("id").GetInt32();
    }
}

public sealed class ResponsibilityRuleUpdateTestsOnSqlite(SqliteApp app) : ResponsibilityRuleUpdateTests<SqliteApp>(app);

public sealed class ResponsibilityRuleUpdateTestsOnPostgres(PostgresApp app) : ResponsibilityRuleUpdateTests<PostgresApp>(app);
