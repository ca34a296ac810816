using System.Net;
using System.Text.Json;
using CivicGrid.Tests.Infrastructure;

namespace CivicGrid.Tests.Cases.Routing;

/// <summary>Duplicates, the model endpoints and the demo cases, over HTTP on both databases.</summary>
public abstract class RoutingApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CivicGridApp
{
    private static readonly string[] AllStatuses =
        ["Reported", "Registered", "Rejected", "Merged", "Dispatched", "Acknowledged", "Returned", "Handled", "Rework", "Closed", "Evaluated", "Postponed", "Suspended"];

    private async Task<(double Lon, double Lat)> CellCentreAsync(string community, int index = 0)
    {
        var cells = await (await app.ClientAs("admin")).GetJson($"/api/v1/regions/{community}/children");
        return (cells[index].GetProperty("centerLon").GetDouble(), cells[index].GetProperty("centerLat").GetDouble());
    }

    private static async Task<long> ReportAsync(HttpClient client, string text, double lon, double lat, string category = "SJ0104")
    {
        var response = await client.Post("/api/v1/cases", new { description = text, lon, lat, source = "hotline", categoryCode = category });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Json()).GetProperty("id").GetInt64();
    }

    [Fact]
    public async Task Duplicates_are_open_cases_of_the_category_within_200_m_ranked_by_similarity_and_scoped()
    {
        var (lon, lat) = await CellCentreAsync("110199001002");
        var resident = await app.ClientAs("resident");
        var original = await ReportAsync(resident, "3号楼单元门口堆着破沙发和旧柜子，走路都过不去", lon, lat);
        var similar = await ReportAsync(resident, "单元门口堆着破沙发旧柜子，过不去", lon + 0.0005, lat);
        var other = await ReportAsync(resident, "墙边有人堆了砖头", lon, lat + 0.0009);
        var far = await ReportAsync(resident, "3号楼单元门口堆着破沙发和旧柜子", lon + 0.004, lat);
        var otherCategory = await ReportAsync(resident, "3号楼单元门口堆着破沙发和旧柜子", lon, lat, "SJ0101");

        var dispatcher = await app.ClientAs("dispatcher");
        var list = (await dispatcher.GetJson($"/api/v1/cases/{original}/duplicates")).EnumerateArray().ToList();
        var ids = list.Select(d => d.GetProperty("id").GetInt64()).ToList();
        Assert.Contains(similar, ids);
        Assert.Contains(other, ids);
        Assert.DoesNotContain(far, ids);
        Assert.DoesNotContain(otherCategory, ids);
        Assert.DoesNotContain(original, ids);
        Assert.True(ids.IndexOf(similar) < ids.IndexOf(other));
        Assert.All(list, d => Assert.True(d.GetProperty("distanceMetres").GetDouble() <= 200));

        await Act(dispatcher, similar, new { action = "reject", comment = "重复" });
        var after = (await dispatcher.GetJson($"/api/v1/cases/{original}/duplicates")).EnumerateArray().Select(d => d.GetProperty("id").GetInt64());
        Assert.DoesNotContain(similar, after);

        var nearby = await dispatcher.GetJson($"/api/v1/cases/nearby-open?lon={lon}&lat={lat}&categoryCode=SJ0104&text=" + Uri.EscapeDataString("门口堆着破沙发"));
        Assert.Contains(nearby.EnumerateArray(), d => d.GetProperty("id").GetInt64() == original);

        var (otherLon, otherLat) = await CellCentreAsync("110199002001");
        var foreign = await ReportAsync(resident, "路边堆着破沙发", otherLon, otherLat);
        await ReportAsync(resident, "路边堆着破沙发和柜子", otherLon + 0.0003, otherLat);
        var street = await app.ClientAs("street01");
        Assert.Equal(HttpStatusCode.NotFound, (await street.Get($"/api/v1/cases/{foreign}/duplicates")).StatusCode);
        var seen = await street.GetJson($"/api/v1/cases/nearby-open?lon={otherLon}&lat={otherLat}&categoryCode=SJ0104");
        Assert.Empty(seen.EnumerateArray());
        Assert.NotEmpty((await dispatcher.GetJson($"/api/v1/cases/{foreign}/duplicates")).EnumerateArray());
    }

    [Fact]
    public async Task Only_admins_and_dispatchers_may_retrain_and_everyone_may_read_the_status()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAs("street01")).Post("/api/v1/routing/retrain", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAs("resident")).Post("/api/v1/routing/retrain", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().Post("/api/v1/routing/retrain", new { })).StatusCode);
        var status = await (await app.ClientAs("leader")).GetJson("/api/v1/routing/model");
        Assert.False(string.IsNullOrEmpty(status.GetProperty("stateName").GetString()));
    }

    [Fact]
    public async Task A_retrained_model_learns_the_demo_cases_and_suggests_the_category_of_a_resident_report()
    {
        var admin = await app.ClientAs("admin");
        var started = await admin.Post("/api/v1/routing/retrain", new { });
        Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var deadline = DateTime.UtcNow.AddMinutes(10);
        JsonElement status;
        do
        {
            await Task.Delay(500, TestContext.Current.CancellationToken);
            status = await admin.GetJson("/api/v1/routing/model");
        }
        while (status.GetProperty("training").GetBoolean() && DateTime.UtcNow < deadline);

        Assert.Equal("Ready", status.GetProperty("state").GetString());
        Assert.True(status.GetProperty("caseExamples").GetInt32() > 100, status.GetRawText());
        var text = Uri.EscapeDataString("隔壁单元有人天天把电瓶车推到楼梯拐角，从家里扯根插线板出来充一整夜");
        var suggestions = (await admin.GetJson("/api/v1/cases/suggest-category?text=" + text)).EnumerateArray().ToList();
        Assert.Equal(3, suggestions.Count);
        Assert.Contains("SJ0414", suggestions.Select(s => s.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task Demo_cases_exist_in_every_state_and_their_histories_verify()
    {
        var admin = await app.ClientAs("admin");
        foreach (var status in AllStatuses)
        {
            var page = await admin.GetJson($"/api/v1/cases?status={status}&pageSize=3");
            Assert.True(page.GetProperty("total").GetInt32() > 0, "没有状态为 " + status + " 的演示案卷");
            foreach (var item in page.GetProperty("items").EnumerateArray().Take(2))
            {
                var verdict = await admin.GetJson($"/api/v1/cases/{item.GetProperty("id").GetInt64()}/history/verification");
                Assert.True(verdict.GetProperty("intact").GetBoolean(), verdict.GetRawText());
            }
        }
    }

    private static async Task Act(HttpClient client, long id, object body)
    {
        var response = await client.Post($"/api/v1/cases/{id}/transitions", body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}

public sealed class RoutingApiTestsOnSqlite(SqliteApp app) : RoutingApiTests<SqliteApp>(app);

public sealed class RoutingApiTestsOnPostgres(PostgresApp app) : RoutingApiTests<PostgresApp>(app);
