using System.Net;
using System.Text.Json;
using CivicGrid.Tests.Infrastructure;

namespace CivicGrid.Tests.Safety;

/// <summary>An enterprise's safety officer sees only his enterprise; a 镇街 and a department see no enterprise's safety data.</summary>
public abstract class SafetyScopeTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CivicGridApp
{
    private async Task<int> MineIdAsync()
    {
        var list = await (await app.ClientAs("safety")).GetJson("/api/v1/safety/enterprises");
        return list.EnumerateArray().Single().GetProperty("id").GetInt32();
    }

    [Fact]
    public async Task Safety_officer_sees_his_mine_with_areas_posts_tasks_and_masked_people()
    {
        var safety = await app.ClientAs("safety");
        var list = await safety.GetJson("/api/v1/safety/enterprises");
        var mine = Assert.Single(list.EnumerateArray());
        Assert.Equal("示例矿业一号矿", mine.GetProperty("name").GetString());
        Assert.True(mine.GetProperty("safeDays").GetInt32() > 1000);

        var detail = await safety.GetJson($"/api/v1/safety/enterprises/{mine.GetProperty("id").GetInt32()}");
        Assert.Contains(detail.GetProperty("areas").EnumerateArray(), a => a.GetProperty("kind").GetString() == "工作面");
        Assert.Contains(detail.GetProperty("posts").EnumerateArray(), p => p.GetProperty("name").GetString() == "瓦斯检查工");
        var task = detail.GetProperty("tasks").EnumerateArray().First(t => t.GetProperty("name").GetString() == "爆破作业");
        Assert.Equal(["领取火工品", "装药", "联线", "警戒与起爆", "验炮"], task.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        var people = detail.GetProperty("people").EnumerateArray().ToList();
        Assert.True(people.Count >= 30);
        Assert.All(people.Where(p => p.GetProperty("phone").ValueKind == JsonValueKind.String), p => Assert.Contains("****", p.GetProperty("phone").GetString()));
        Assert.Contains(people, p => p.GetProperty("posts").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Safety_officer_cannot_see_another_enterprise_which_the_admin_sees()
    {
        var admin = await app.ClientAs("admin");
        var created = await (await admin.Post("/api/v1/units", new { code = "E-SCOPE-" + typeof(TApp).Name[..3], name = "另一家化工厂", kind = "企事业单位", regionCode = "110199001" })).Json();
        var otherId = created.GetProperty("id").GetInt32();

        var safety = await app.ClientAs("safety");
        Assert.Equal(HttpStatusCode.NotFound, (await safety.Get($"/api/v1/safety/enterprises/{otherId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await safety.Post($"/api/v1/safety/enterprises/{otherId}/areas", new { name = "越权区域", kind = "车间" })).StatusCode);
        Assert.DoesNotContain((await safety.GetJson("/api/v1/safety/enterprises")).EnumerateArray(), e => e.GetProperty("id").GetInt32() == otherId);

        var adminList = await admin.GetJson("/api/v1/safety/enterprises");
        Assert.Contains(adminList.EnumerateArray(), e => e.GetProperty("id").GetInt32() == otherId);
        Assert.Equal(HttpStatusCode.Created, (await admin.Post($"/api/v1/safety/enterprises/{otherId}/areas", new { name = "一号车间", kind = "车间" })).StatusCode);
    }

    [Theory]
    [InlineData("street01")]
    [InlineData("handler.cg")]
    public async Task Street_office_and_department_cannot_read_or_change_the_mine(string user)
    {
        var mineId = await MineIdAsync();
        var client = await app.ClientAs(user);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.Get("/api/v1/safety/enterprises")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.Get($"/api/v1/safety/enterprises/{mineId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.Get($"/api/v1/safety/enterprises/{mineId}/hazards")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.Get($"/api/v1/safety/enterprises/{mineId}/hazards/export.xlsx")).StatusCode);
        var area = await client.Post($"/api/v1/safety/enterprises/{mineId}/areas", new { name = $"{user}越权区域", kind = "车间" });
        Assert.Equal(HttpStatusCode.Forbidden, area.StatusCode);
        var problem = await area.Json();
        Assert.Equal("urn:civicgrid:problem:forbidden", problem.GetProperty("type").GetString());
        var hazard = await client.Post($"/api/v1/safety/enterprises/{mineId}/hazards", new { name = "越权危险源", areaId = 1, method = "LEC", likelihood = 3, exposure = 6, consequence = 40 });
        Assert.Equal(HttpStatusCode.Forbidden, hazard.StatusCode);

        var detail = await (await app.ClientAs("safety")).GetJson($"/api/v1/safety/enterprises/{mineId}");
        Assert.DoesNotContain(detail.GetProperty("areas").EnumerateArray(), a => a.GetProperty("name").GetString() == $"{user}越权区域");
    }
}

public sealed class SafetyScopeTestsOnSqlite(SqliteApp app) : SafetyScopeTests<SqliteApp>(app);

public sealed class SafetyScopeTestsOnPostgres(PostgresApp app) : SafetyScopeTests<PostgresApp>(app);
