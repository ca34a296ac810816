using System.Net;
using CivicGrid.Tests.Infrastructure;

namespace CivicGrid.Tests.Cases.Catalog;

/// <summary>谁来办: the most specific rule wins (longest region, then longest category), else the category's default.</summary>
public abstract class ResponsibilityApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CivicGridApp
{
    private const string FirstTown = "110199001";
    private const string FirstCommunity = "110199001001";
    private const string FirstCell = "110199001001001";
    private const string SecondTownCell = "110199002001001";
    private const string ThirdTownCommunity = "110199003002";

    [Theory]
    [InlineData("SJ0402", SecondTownCell, "D01", "责任规则")] // class rule SJ04 district-wide
    [InlineData("SJ0401", SecondTownCell, "D01", "责任规则")]
    [InlineData("SJ0401", FirstCell, "S110199001", "责任规则")] // the 镇街 rule is more specific than the district one
    [InlineData("SJ0104", SecondTownCell, "S110199002", "责任规则")] // 镇: the town government clears piles
    [InlineData("SJ0411", SecondTownCell, "D09", "责任规则")] // leaf rule beats the SJ04 class rule in the same region
    [InlineData("BJ0101", FirstCell, "D06", "分类默认责任部门")]
    [InlineData("SJ0414", ThirdTownCommunity + "001", "D01", "责任规则")] // the SJ04 class rule beats the category default (村居委会)
    [InlineData("SJ0103", SecondTownCell, "S110199002", "分类默认责任单位类型")]
    public async Task Most_specific_rule_wins_then_the_category_default(string category, string region, string unitCode, string basis)
    {
        var client = await app.ClientAs("dispatcher");
        var match = await client.GetJson($"/api/v1/responsibility/resolve?categoryCode={category}&regionCode={region}");
        Assert.Equal(unitCode, match.GetProperty("lead").GetProperty("code").GetString());
        Assert.StartsWith(basis, match.GetProperty("basis").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rules_carry_co_units_for_joint_dispatch()
    {
        var client = await app.ClientAs("dispatcher");
        var charging = await client.GetJson($"/api/v1/responsibility/resolve?categoryCode=SJ0414&regionCode={FirstCell}");
        Assert.Equal("C" + FirstCommunity, charging.GetProperty("lead").GetProperty("code").GetString());
        Assert.Equal(["D05"], charging.GetProperty("coUnits").EnumerateArray().Select(u => u.GetProperty("code").GetString()!));
        var building = await client.GetJson($"/api/v1/responsibility/resolve?categoryCode=SJ0306&regionCode={SecondTownCell}");
        Assert.Equal("D01", building.GetProperty("lead").GetProperty("code").GetString());
        Assert.Equal("区住房和城乡建设委员会", building.GetProperty("coUnits")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Resolve_rejects_bad_input()
    {
        var client = await app.ClientAs("dispatcher");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.Get($"/api/v1/responsibility/resolve?categoryCode=abc&regionCode={FirstCell}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.Get("/api/v1/responsibility/resolve?categoryCode=SJ0401&regionCode=12")).StatusCode);
        var unknown = await client.Get($"/api/v1/responsibility/resolve?categoryCode=SJ0499&regionCode={FirstCell}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("SJ0499", (await unknown.Json()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Town_admin_adds_a_rule_in_his_town_which_then_wins_there_only()
    {
        var street = await app.ClientAs("street01");
        var committee = await UnitId("C" + FirstCommunity);
        var sanitation = await UnitId("D02");
        var response = await street.Post("/api/v1/responsibility-rules",
            new { categoryCode = "SJ0102", regionCode = FirstCommunity, unitId = committee, coUnitIds = new[] { sanitation }, note = "社区先行处置满溢" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var rule = await response.Json();
        Assert.Equal("street01", rule.GetProperty("createdBy").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await street.Post("/api/v1/responsibility-rules",
            new { categoryCode = "SJ0102", regionCode = FirstCommunity, unitId = committee })).StatusCode);

        var dispatcher = await app.ClientAs("dispatcher");
        var inside = await dispatcher.GetJson($"/api/v1/responsibility/resolve?categoryCode=SJ0102&regionCode={FirstCell}");
        Assert.Equal("C" + FirstCommunity, inside.GetProperty("lead").GetProperty("code").GetString());
        Assert.Equal(rule.GetProperty("id").GetInt32(), inside.GetProperty("ruleId").GetInt32());
        var outside = await dispatcher.GetJson($"/api/v1/responsibility/resolve?categoryCode=SJ0102&regionCode={FirstTown}002001");
        Assert.Equal("D02", outside.GetProperty("lead").GetProperty("code").GetString());

        var deleted = await street.DeleteAsync(new Uri($"/api/v1/responsibility-rules/{rule.GetProperty("id").GetInt32()}", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        var after = await dispatcher.GetJson($"/api/v1/responsibility/resolve?categoryCode=SJ0102&regionCode={FirstCell}");
        Assert.Equal("D02", after.GetProperty("lead").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Town_admin_cannot_add_or_delete_rules_outside_his_town()
    {
        var street = await app.ClientAs("street01");
        var cityManagement = await UnitId("D01");
        var other = await street.Post("/api/v1/responsibility-rules", new { categoryCode = "SJ0401", regionCode = "110199002", unitId = cityManagement });
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Contains("本辖区", (await other.Json()).GetProperty("detail").GetString());
        var district = await street.Post("/api/v1/responsibility-rules", new { categoryCode = "SJ0401", regionCode = "110199", unitId = cityManagement });
        Assert.Equal(HttpStatusCode.Forbidden, district.StatusCode);
        var neighbour = await street.Post("/api/v1/responsibility-rules", new { categoryCode = "SJ0401", regionCode = FirstTown, unitId = await UnitId("S110199002") });
        Assert.Equal(HttpStatusCode.BadRequest, neighbour.StatusCode);
        Assert.Contains("可选范围", (await neighbour.Json()).GetProperty("detail").GetString());

        var rules = await street.GetJson("/api/v1/responsibility-rules?pageSize=200");
        var items = rules.GetProperty("items").EnumerateArray().ToList();
        Assert.All(items, r => Assert.True(r.GetProperty("regionCode").GetString() is "110199" or [_, _, _, _, _, _, '0', '0', '1', ..]));
        var districtRule = items.First(r => r.GetProperty("regionCode").GetString() == "110199");
        var delete = await street.DeleteAsync(new Uri($"/api/v1/responsibility-rules/{districtRule.GetProperty("id").GetInt32()}", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);

        var admin = await app.ClientAs("admin");
        var secondTownRule = (await admin.GetJson("/api/v1/responsibility-rules?regionCode=110199002")).GetProperty("items")[0].GetProperty("id").GetInt32();
        var hidden = await street.DeleteAsync(new Uri($"/api/v1/responsibility-rules/{secondTownRule}", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }

    [Fact]
    public async Task Bad_rules_are_refused_in_chinese()
    {
        var admin = await app.ClientAs("admin");
        var response = await admin.Post("/api/v1/responsibility-rules", new { categoryCode = "道路", regionCode = "1101", coUnitIds = new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Json()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("where").GetString()).ToList();
        Assert.Equal(["categoryCode", "regionCode", "unitId", "coUnitIds"], errors);
        var unknownUnit = await admin.Post("/api/v1/responsibility-rules", new { categoryCode = "SJ0401", regionCode = "110199005", unitId = 999999 });
        Assert.Contains("999999", (await unknownUnit.Json()).GetProperty("detail").GetString());
        var unknownCategory = await admin.Post("/api/v1/responsibility-rules", new { categoryCode = "SJ0499", regionCode = "110199005", unitId = await UnitId("D01") });
        Assert.Contains("SJ0499", (await unknownCategory.Json()).GetProperty("detail").GetString());
    }

    private async Task<int> UnitId(string code)
    {
        var admin = await app.ClientAs("admin");
        var items = (await admin.GetJson($"/api/v1/units?q={code}&pageSize=200")).GetProperty("items").EnumerateArray();
        return items.First(u => u.GetProperty("code").GetString() == code).GetProperty("id").GetInt32();
    }
}

public sealed class ResponsibilityApiTestsOnSqlite(SqliteApp app) : ResponsibilityApiTests<SqliteApp>(app);

public sealed class ResponsibilityApiTestsOnPostgres(PostgresApp app) : ResponsibilityApiTests<PostgresApp>(app);

