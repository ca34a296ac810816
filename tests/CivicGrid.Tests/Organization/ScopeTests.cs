using System.Net;
using CivicGrid.Tests.Infrastructure;

namespace CivicGrid.Tests.Organization;

/// <summary>A 镇街管理员 reads and changes his own 镇街 only.</summary>
public abstract class ScopeTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CivicGridApp
{
    private const string OwnTown = "110199001";
    private const string OtherTown = "110199002";

    [Fact]
    public async Task Street_office_cannot_read_another_streets_region_or_units()
    {
        var street = await app.ClientAs("street01");
        Assert.Equal(HttpStatusCode.OK, (await street.Get($"/api/v1/regions/{OwnTown}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await street.Get($"/api/v1/regions/{OtherTown}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await street.Get($"/api/v1/regions/{OtherTown}/children")).StatusCode);

        var children = await street.GetJson("/api/v1/regions/110199/children");
        Assert.Equal([OwnTown], children.EnumerateArray().Select(c => c.GetProperty("code").GetString()).ToArray());

        var admin = await app.ClientAs("admin");
        var otherOffice = (await admin.GetJson($"/api/v1/units?regionCode={OtherTown}&kind=镇街办事处")).GetProperty("items")[0];
        var otherId = otherOffice.GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.NotFound, (await street.Get($"/api/v1/units/{otherId}")).StatusCode);

        var units = await street.GetJson("/api/v1/units?pageSize=200");
        var regionCodes = units.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("regionCode").GetString()!).ToList();
        Assert.NotEmpty(regionCodes);
        Assert.All(regionCodes, c => Assert.True(c.StartsWith(OwnTown, StringComparison.Ordinal) || c == "110199", c));
    }

    [Fact]
    public async Task Street_office_cannot_change_another_streets_unit_but_can_change_his_own()
    {
        var admin = await app.ClientAs("admin");
        var street = await app.ClientAs("street01");
        var other = (await admin.GetJson($"/api/v1/units?regionCode={OtherTown}&kind=镇街办事处")).GetProperty("items")[0];
        var update = new { code = other.GetProperty("code").GetString(), name = "篡改的名称", kind = "镇街办事处", regionCode = OtherTown };
        var response = await street.Put($"/api/v1/units/{other.GetProperty("id").GetInt32()}", update);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var unchanged = await admin.GetJson($"/api/v1/units/{other.GetProperty("id").GetInt32()}");
        Assert.NotEqual("篡改的名称", unchanged.GetProperty("name").GetString());

        var created = await street.Post("/api/v1/units", new { code = "T-OWN-1", name = "第一镇街物业服务中心", kind = "企事业单位", regionCode = OwnTown + "001" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var intoOther = await street.Post("/api/v1/units", new { code = "T-OTHER-1", name = "越权单位", kind = "企事业单位", regionCode = OtherTown });
        Assert.Equal(HttpStatusCode.Forbidden, intoOther.StatusCode);
    }

    [Fact]
    public async Task District_departments_are_visible_to_street_office_but_read_only()
    {
        var street = await app.ClientAs("street01");
        var departments = await street.GetJson("/api/v1/units?kind=职能部门&pageSize=50");
        var cityManagement = departments.GetProperty("items").EnumerateArray().Single(u => u.GetProperty("code").GetString() == "D01");
        var response = await street.Put($"/api/v1/units/{cityManagement.GetProperty("id").GetInt32()}",
            new { code = "D01", name = "改名", kind = "职能部门", regionCode = "110199" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Leader_reads_everything_and_changes_nothing()
    {
        var leader = await app.ClientAs("leader");
        Assert.Equal(25, (await leader.GetJson("/api/v1/regions/110199/children")).GetArrayLength());
        var response = await leader.Post("/api/v1/units", new { code = "L-1", name = "领导新建", kind = "职能部门", regionCode = "110199" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Resident_sees_no_organization_data()
    {
        var resident = await app.ClientAs("resident");
        Assert.Equal(HttpStatusCode.NotFound, (await resident.Get("/api/v1/regions/110199")).StatusCode);
        Assert.Equal(0, (await resident.GetJson("/api/v1/units")).GetProperty("total").GetInt32());
    }
}

public sealed class ScopeTestsOnSqlite(SqliteApp app) : ScopeTests<SqliteApp>(app);

public sealed class ScopeTestsOnPostgres(PostgresApp app) : ScopeTests<PostgresApp>(app);
