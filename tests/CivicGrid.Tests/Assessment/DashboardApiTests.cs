using System.Net;
using System.Text.Json;
using CivicGrid.Assessment.Figures;
using CivicGrid.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Tests.Assessment;

/// <summary>The 数据大屏 API on the demo district: figures against hand-made cases, the region scope, the change signal.</summary>
public abstract class DashboardApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CivicGridApp
{
    private const string FirstTown = "110199001";
    private const string FirstCommunity = "110199001001";

    private static async Task<JsonElement> Act(HttpClient client, long id, object body)
    {
        var response = await client.Post($"/api/v1/cases/{id}/transitions", body);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A case too vague to classify, so it waits for the dispatcher (status Reported), in a cell of the first 村居 (distinct, not a duplicate).</summary>
    private async Task<long> ReportVagueAsync(int cellIndex, string description)
    {
        var admin = await app.ClientAs("admin");
        var cells = await admin.GetJson($"/api/v1/regions/{FirstCommunity}/children");
        var cell = cells[cellIndex % cells.GetArrayLength()];
        var resident = await app.ClientAs("resident");
        var response = await resident.Post("/api/v1/cases", new
        {
            description,
            lon = cell.GetProperty("centerLon").GetDouble(),
            lat = cell.GetProperty("centerLat").GetDouble(),
            source = "hotline",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Json();
        Assert.Equal("Reported", body.GetProperty("status").GetString());
        return body.GetProperty("id").GetInt64();
    }

    private async Task<string> CategoryAsync()
    {
        var admin = await app.ClientAs("admin");
        var categories = await admin.GetJson("/api/v1/cases/suggest-category?text=" + Uri.EscapeDataString("暴露垃圾没人清理"));
        return categories[0].GetProperty("code").GetString()!;
    }

    private static long Today(JsonElement view, string name) => view.GetProperty("today").GetProperty(name).GetInt64();

    private static long RegionCases(JsonElement view, string code) =>
        view.GetProperty("regions").EnumerateArray().Single(r => r.GetProperty("code").GetString() == code).GetProperty("cases").GetInt64();

    [Fact]
    public async Task Hand_made_cases_appear_in_the_figures_as_the_case_list_shows_them()
    {
        app.EnsureAvailable();
        var leader = await app.ClientAs("leader");
        var before = await leader.GetJson($"/api/v1/assessment/dashboard?region={FirstTown}");
        Assert.Equal(FirstTown, before.GetProperty("area").GetProperty("code").GetString());
        Assert.Equal("community", before.GetProperty("childLevel").GetString());

        var dispatcher = await app.ClientAs("dispatcher");
        var category = await CategoryAsync();
        var units = (await (await app.ClientAs("admin")).GetJson("/api/v1/units?kind=职能部门&pageSize=50")).GetProperty("items").EnumerateArray()
            .ToDictionary(u => u.GetProperty("code").GetString()!, u => u.GetProperty("id").GetInt32());
        var ids = new List<long>();
        string[] vague = ["这里情况比较复杂说不清", "那边的事情我也讲不明白", "门口有点问题你们来看看", "反映一个说不太清楚的情况"];
        for (var i = 0; i < vague.Length; i++)
        {
            ids.Add(await ReportVagueAsync(i, vague[i]));
        }

        // One stays reported (not yet a case of the figures), two are registered and dispatched, one goes to the end.
        foreach (var id in ids.Skip(1))
        {
            await Act(dispatcher, id, new { action = "register", categoryCode = category });
        }

        await Act(dispatcher, ids[2], new { action = "dispatch", leadUnitId = units["D01"], acknowledgeMinutes = 30 });
        await Act(dispatcher, ids[3], new { action = "dispatch", leadUnitId = units["D01"], acknowledgeMinutes = 30 });
        var handler = await app.ClientAs("handler.cg");
        await Act(handler, ids[3], new { action = "acknowledge" });
        await Act(handler, ids[3], new { action = "handle", comment = "已清运垃圾并冲洗地面" });
        await Act(await app.ClientAs("inspector"), ids[3], new { action = "verify", comment = "现场复核已整改" });

        // What the case list says about these cases.
        var statuses = new List<string>();
        foreach (var id in ids)
        {
            statuses.Add((await dispatcher.GetJson($"/api/v1/cases/{id}")).GetProperty("status").GetString()!);
        }

        Assert.Equal(["Reported", "Registered", "Dispatched", "Closed"], statuses);
        var registered = statuses.Count(s => s != "Reported");
        var dispatched = statuses.Count(s => s is "Dispatched" or "Closed");
        var closed = statuses.Count(s => s == "Closed");

        var after = await leader.GetJson($"/api/v1/assessment/dashboard?region={FirstTown}");
        Assert.Equal(registered, Today(after, "registered") - Today(before, "registered"));
        Assert.Equal(dispatched, Today(after, "dispatched") - Today(before, "dispatched"));
        Assert.Equal(closed, Today(after, "closed") - Today(before, "closed"));
        Assert.Equal(registered, after.GetProperty("monthRegistered").GetInt64() - before.GetProperty("monthRegistered").GetInt64());
        Assert.Equal(registered, RegionCases(after, FirstCommunity) - RegionCases(before, FirstCommunity));

        // The parts agree with each other: today closes the trend, the categories add up to the month.
        var trend = after.GetProperty("trend").EnumerateArray().ToList();
        Assert.Equal(30, trend.Count);
        Assert.Equal(Today(after, "registered"), trend[^1].GetProperty("registered").GetInt64());
        Assert.Equal(after.GetProperty("monthRegistered").GetInt64(), after.GetProperty("categories").EnumerateArray().Sum(c => c.GetProperty("cases").GetInt64()));
        Assert.Equal(after.GetProperty("monthRegistered").GetInt64(), after.GetProperty("regions").EnumerateArray().Sum(r => r.GetProperty("cases").GetInt64()));

        // The 村居 level maps its 单元网格 from the cases themselves.
        var community = await leader.GetJson($"/api/v1/assessment/dashboard?region={FirstCommunity}");
        Assert.Equal("cell", community.GetProperty("childLevel").GetString());
        Assert.Equal(community.GetProperty("monthRegistered").GetInt64(), community.GetProperty("regions").EnumerateArray().Sum(r => r.GetProperty("cases").GetInt64()));
    }

    [Fact]
    public async Task A_town_admin_sees_only_his_own_town()
    {
        app.EnsureAvailable();
        var leader = await app.ClientAs("leader");
        var district = await leader.GetJson("/api/v1/assessment/dashboard");
        Assert.Equal("110199", district.GetProperty("area").GetProperty("code").GetString());
        Assert.Equal(25, district.GetProperty("regions").GetArrayLength());
        Assert.Equal(25, district.GetProperty("ranking").GetProperty("items").GetArrayLength());
        var leaderTown = await leader.GetJson($"/api/v1/assessment/dashboard?region={FirstTown}");

        var street = await app.ClientAs("street01");
        var own = await street.GetJson("/api/v1/assessment/dashboard");
        Assert.Equal(FirstTown, own.GetProperty("area").GetProperty("code").GetString());
        Assert.Equal([FirstTown], own.GetProperty("path").EnumerateArray().Select(a => a.GetProperty("code").GetString()));
        Assert.All(own.GetProperty("regions").EnumerateArray(), r => Assert.StartsWith(FirstTown, r.GetProperty("code").GetString()));
        Assert.All(own.GetProperty("ranking").GetProperty("items").EnumerateArray(), r => Assert.StartsWith(FirstTown, r.GetProperty("subjectCode").GetString()));
        Assert.Equal(leaderTown.GetProperty("today").ToString(), own.GetProperty("today").ToString());
        Assert.Equal(leaderTown.GetProperty("monthRegistered").GetInt64(), own.GetProperty("monthRegistered").GetInt64());

        Assert.Equal(HttpStatusCode.Forbidden, (await street.Get("/api/v1/assessment/dashboard?region=110199002")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await street.Get("/api/v1/assessment/dashboard?region=110199")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAs("resident")).Get("/api/v1/assessment/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().Get("/api/v1/assessment/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await leader.Get("/api/v1/assessment/dashboard?region=abc")).StatusCode);
        var cell = (await leader.GetJson($"/api/v1/regions/{FirstCommunity}/children"))[0].GetProperty("code").GetString();
        Assert.Equal(HttpStatusCode.BadRequest, (await leader.Get($"/api/v1/assessment/dashboard?region={cell}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await leader.Get("/api/v1/assessment/dashboard?region=110199999")).StatusCode);
    }

    [Fact]
    public async Task A_case_change_tells_the_live_dashboards()
    {
        app.EnsureAvailable();
        var changes = app.Services.GetRequiredService<FigureChanges>();
        var told = 0;
        void Count() => Interlocked.Increment(ref told);
        changes.Changed += Count;
        try
        {
            var id = await ReportVagueAsync(5, "想反映点事情不知道找谁");
            await Act(await app.ClientAs("dispatcher"), id, new { action = "register", categoryCode = await CategoryAsync() });
            Assert.True(told > 0, "登记案卷后应通知数据大屏刷新。");
        }
        finally
        {
            changes.Changed -= Count;
        }
    }
}

public sealed class DashboardApiTestsOnSqlite(SqliteApp app) : DashboardApiTests<SqliteApp>(app);

public sealed class DashboardApiTestsOnPostgres(PostgresApp app) : DashboardApiTests<PostgresApp>(app);
