using System.Net;
using System.Net.Http.Headers;
using CivicGrid.Tests.Infrastructure;

namespace CivicGrid.Tests.Accounts;

public abstract class UserApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CivicGridApp
{
    [Fact]
    public async Task Admin_creates_a_town_admin_whose_scope_is_his_town()
    {
        var admin = await app.ClientAs("admin");
        var created = await admin.Post("/api/v1/users", new
        {
            userName = "street02",
            displayName = "第二镇街管理员",
            password = "Street#2026",
            phone = "13700001111",
            roles = new[] { new { role = "镇街管理员", regionCode = "110199002" } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("137****1111", (await created.Json()).GetProperty("phone").GetString());

        var street02 = await app.ClientAs("street02", "Street#2026");
        Assert.Equal(HttpStatusCode.OK, (await street02.Get("/api/v1/regions/110199002")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await street02.Get("/api/v1/regions/110199001")).StatusCode);
        var me = await street02.GetJson("/api/v1/me");
        Assert.Equal("镇街管理员", me.GetProperty("roles")[0].GetProperty("roleName").GetString());
    }

    [Fact]
    public async Task Town_admin_may_appoint_grid_workers_in_his_town_only()
    {
        var street = await app.ClientAs("street01");
        var own = await street.Post("/api/v1/users", new
        {
            userName = "gw-own",
            displayName = "本镇网格员",
            password = "Grid#2026x",
            roles = new[] { new { role = "GridWorker", regionCode = "110199001002" } },
        });
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);

        var other = await street.Post("/api/v1/users", new
        {
            userName = "gw-other",
            displayName = "外镇网格员",
            password = "Grid#2026x",
            roles = new[] { new { role = "GridWorker", regionCode = "110199002001" } },
        });
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);

        var escalate = await street.Post("/api/v1/users", new
        {
            userName = "evil-admin",
            displayName = "越权管理员",
            password = "Grid#2026x",
            roles = new[] { new { role = "Admin", regionCode = "110199" } },
        });
        Assert.Equal(HttpStatusCode.Forbidden, escalate.StatusCode);

        var list = await street.GetJson("/api/v1/users?pageSize=200");
        var names = list.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("userName").GetString()).ToList();
        Assert.Contains("gw-own", names);
        Assert.Contains("gridworker", names);
        Assert.DoesNotContain("admin", names);
    }

    [Fact]
    public async Task Resetting_a_password_revokes_old_tokens_and_disabling_refuses_the_account()
    {
        var admin = await app.ClientAs("admin");
        var created = await admin.Post("/api/v1/users", new
        {
            userName = "temp-inspector",
            displayName = "临时督查员",
            password = "Temp#2026x",
            roles = new[] { new { role = "Inspector", regionCode = "110199" } },
        });
        var id = (await created.Json()).GetProperty("id").GetString();
        var old = await app.ClientAs("temp-inspector", "Temp#2026x");
        Assert.Equal(HttpStatusCode.OK, (await old.Get("/api/v1/regions/110199")).StatusCode);

        var reset = await admin.Post($"/api/v1/users/{id}/password", new { password = "Fresh#2026x" });
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await old.Get("/api/v1/regions/110199")).StatusCode);

        var fresh = app.Anonymous();
        var token = await fresh.Post("/api/v1/auth/token", new { userName = "temp-inspector", password = "Fresh#2026x" });
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        fresh.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await token.Json()).GetProperty("accessToken").GetString());

        var disable = await admin.Put($"/api/v1/users/{id}", new
        {
            displayName = "临时督查员",
            isDisabled = true,
            roles = new[] { new { role = "Inspector", regionCode = "110199" } },
        });
        Assert.Equal(HttpStatusCode.OK, disable.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fresh.Get("/api/v1/regions/110199")).StatusCode);
        var again = await app.Anonymous().Post("/api/v1/auth/token", new { userName = "temp-inspector", password = "Fresh#2026x" });
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
    }

    [Fact]
    public async Task Bad_account_input_gets_every_problem_in_chinese()
    {
        var admin = await app.ClientAs("admin");
        var response = await admin.Post("/api/v1/users", new
        {
            userName = "",
            displayName = "",
            password = "",
            phone = "123",
            roles = new[] { new { role = "宇航员", regionCode = "110199" } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var messages = (await response.Json()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("message").GetString()).ToList();
        Assert.Contains(messages, m => m!.Contains("宇航员"));
        Assert.Contains(messages, m => m!.Contains("显示名称"));
        Assert.Contains(messages, m => m!.Contains("手机号"));
        Assert.Contains(messages, m => m!.Contains("用户名"));
        Assert.Contains(messages, m => m!.Contains("密码"));
    }

    [Fact]
    public async Task Volunteers_cannot_list_accounts()
    {
        var volunteer = await app.ClientAs("volunteer");
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.Get("/api/v1/users")).StatusCode);
    }
}

public sealed class UserApiTestsOnSqlite(SqliteApp app) : UserApiTests<SqliteApp>(app);

public sealed class UserApiTestsOnPostgres(PostgresApp app) : UserApiTests<PostgresApp>(app);
