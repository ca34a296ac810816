using System.Net;
using System.Text.Json;
using CivicGrid.Cases;
using CivicGrid.Tests.Infrastructure;

namespace CivicGrid.Tests.Cases;

/// <summary>
/// The case list over the demo district's few thousand cases: pages, totals and scopes agree however the list is
/// computed (short lists paged in memory, long ones by the database; visibility by parts or by a region filter).
/// </summary>
public abstract class CaseListTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CivicGridApp
{
    private const string FirstTown = "110199001";

    private static async Task<(int Total, List<JsonElement> Items)> AllPagesAsync(HttpClient client, string filter)
    {
        var items = new List<JsonElement>();
        int total;
        var page = 1;
        do
        {
            var body = await client.GetJson($"/api/v1/cases?pageSize=200&page={page++}{filter}");
            total = body.GetProperty("total").GetInt32();
            items.AddRange(body.GetProperty("items").EnumerateArray().Select(i => i.Clone()));
        }
        while (items.Count < total && page < 100);

        return (total, items);
    }

    private static async Task<int> TotalAsync(HttpClient client, string filter) =>
        (await client.GetJson("/api/v1/cases?pageSize=1" + filter)).GetProperty("total").GetInt32();

    [Fact]
    public async Task A_long_list_pages_newest_first_without_gaps_and_its_total_is_the_sum_of_its_statuses()
    {
        var admin = await app.ClientAs("admin");
        var (total, items) = await AllPagesAsync(admin, "");
        Assert.True(total > 2000, $"演示案卷只有 {total} 条，测不到数据库分页");
        Assert.Equal(total, items.Count);
        Assert.Equal(total, items.Select(i => i.GetProperty("id").GetInt64()).Distinct().Count());
        for (var i = 1; i < items.Count; i++)
        {
            var (before, after) = (items[i - 1], items[i]);
            var order = after.GetProperty("reportedAt").GetDateTimeOffset().CompareTo(before.GetProperty("reportedAt").GetDateTimeOffset());
            Assert.True(order < 0 || (order == 0 && after.GetProperty("id").GetInt64() < before.GetProperty("id").GetInt64()), $"第 {i} 条顺序不对");
        }

        var byStatus = 0;
        foreach (var status in Enum.GetNames<CaseStatus>())
        {
            byStatus += await TotalAsync(admin, "&status=" + status);
        }

        Assert.Equal(total, byStatus);
    }

    [Fact]
    public async Task A_street_office_sees_the_same_cases_in_his_town_and_community_with_or_without_naming_them()
    {
        var street = await app.ClientAs("street01");
        var dispatcher = await app.ClientAs("dispatcher");
        var own = await AllPagesAsync(street, "&status=Closed,Evaluated,Handled");
        var named = await AllPagesAsync(street, $"&status=Closed,Evaluated,Handled&regionCode={FirstTown}");
        Assert.NotEqual(0, own.Total);
        Assert.Equal(own.Items.Select(i => i.GetProperty("id").GetInt64()), named.Items.Select(i => i.GetProperty("id").GetInt64()));
        Assert.Equal(named.Total, await TotalAsync(dispatcher, $"&status=Closed,Evaluated,Handled&regionCode={FirstTown}"));

        var community = FirstTown + "002";
        var inCommunity = await TotalAsync(street, "&regionCode=" + community);
        Assert.NotEqual(0, inCommunity);
        Assert.Equal(await TotalAsync(dispatcher, "&regionCode=" + community), inCommunity);
        Assert.Equal(await TotalAsync(dispatcher, "&regionCode=" + community + "&q=" + Uri.EscapeDataString("垃圾")),
            await TotalAsync(street, "&regionCode=" + community + "&q=" + Uri.EscapeDataString("垃圾")));
    }

    [Fact]
    public async Task Beyond_his_town_a_street_office_sees_what_he_reported_there_and_nothing_else()
    {
        var street = await app.ClientAs("street01");
        var otherTown = "110199004";
        Assert.Equal(0, await TotalAsync(street, "&regionCode=" + otherTown));

        var cells = await (await app.ClientAs("admin")).GetJson($"/api/v1/regions/{otherTown}001/children");
        var response = await street.Post("/api/v1/cases", new
        {
            description = "路过看到桥底下堆了好多生活垃圾",
            lon = cells[0].GetProperty("centerLon").GetDouble(),
            lat = cells[0].GetProperty("centerLat").GetDouble(),
            source = "patrol",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Json()).GetProperty("id").GetInt64();

        var there = await street.GetJson("/api/v1/cases?regionCode=" + otherTown);
        Assert.Equal(1, there.GetProperty("total").GetInt32());
        Assert.Equal(id, there.GetProperty("items")[0].GetProperty("id").GetInt64());
        var everywhere = await AllPagesAsync(street, "");
        Assert.Contains(id, everywhere.Items.Select(i => i.GetProperty("id").GetInt64()));
        // Another test of this class dispatches a case elsewhere to his office, which he then sees too.
        var office = (await OfficeOfFirstTownAsync()).GetProperty("name").GetString();
        Assert.All(everywhere.Items.Where(i => i.GetProperty("id").GetInt64() != id && i.GetProperty("leadUnitName").GetString() != office),
            i => Assert.StartsWith(FirstTown, i.GetProperty("regionCode").GetString()));
    }

    [Fact]
    public async Task A_street_office_sees_the_cases_dispatched_to_his_office_in_another_town_and_another_street_office_sees_none_of_his()
    {
        var admin = await app.ClientAs("admin");
        var created = await admin.Post("/api/v1/users", new
        {
            userName = "street02",
            displayName = "第二镇街管理员",
            password = "Street#2026",
            roles = new[] { new { role = "镇街管理员", regionCode = "110199002" } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var street01 = await app.ClientAs("street01");
        var street02 = await app.ClientAs("street02", "Street#2026");
        var resident = await app.ClientAs("resident");
        var dispatcher = await app.ClientAs("dispatcher");

        // A hotline report waits for the dispatcher, who sends the one in the fifth 镇街 to the first 镇街's office.
        async Task<long> ReportAsync(string community, string description)
        {
            var cell = (await admin.GetJson($"/api/v1/regions/{community}/children"))[0];
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

        var elsewhere = await ReportAsync("110199005001", "河道里长满了水葫芦，已经影响排水");
        var inTown = await ReportAsync(FirstTown + "003", "小河边捞上来的水葫芦堆着没人运走");
        var category = (await admin.GetJson("/api/v1/cases/suggest-category?text=" + Uri.EscapeDataString("河道里长满了水葫芦")))[0].GetProperty("code").GetString();
        foreach (var body in new object[]
                 {
                     new { action = "register", categoryCode = category },
                     new { action = "dispatch", leadUnitId = (await OfficeOfFirstTownAsync()).GetProperty("id").GetInt32(), acknowledgeMinutes = 30 },
                 })
        {
            var response = await dispatcher.Post($"/api/v1/cases/{elsewhere}/transitions", body);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        async Task<List<long>> IdsAsync(HttpClient client, string filter)
        {
            var (total, items) = await AllPagesAsync(client, filter);
            var ids = items.Select(i => i.GetProperty("id").GetInt64()).ToList();
            Assert.Equal(total, ids.Count);
            Assert.Equal(total, ids.Distinct().Count());
            return ids;
        }

        var water = "&q=" + Uri.EscapeDataString("水葫芦");
        Assert.Contains(elsewhere, await IdsAsync(street01, ""));
        Assert.Contains(elsewhere, await IdsAsync(street01, "&status=Dispatched"));
        Assert.Contains(elsewhere, await IdsAsync(street01, "&status=Dispatched,Reported"));
        Assert.Contains(elsewhere, await IdsAsync(street01, water));
        Assert.Contains(elsewhere, await IdsAsync(street01, water + "&status=Dispatched"));
        Assert.DoesNotContain(elsewhere, await IdsAsync(street01, "&status=Reported"));
        Assert.DoesNotContain(elsewhere, await IdsAsync(street01, "&status=Reported" + water));
        Assert.Contains(inTown, await IdsAsync(street01, "&status=Reported"));
        Assert.Contains(inTown, await IdsAsync(street01, water));
        Assert.Equal([elsewhere], await IdsAsync(street01, "&regionCode=110199005"));
        Assert.Equal(HttpStatusCode.OK, (await street01.Get($"/api/v1/cases/{elsewhere}")).StatusCode);

        foreach (var filter in new[] { "", "&status=Dispatched,Reported", water, water + "&status=Reported" })
        {
            var seen = await IdsAsync(street02, filter);
            Assert.DoesNotContain(elsewhere, seen);
            Assert.DoesNotContain(inTown, seen);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await street02.Get($"/api/v1/cases/{inTown}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await street02.Get($"/api/v1/cases/{elsewhere}")).StatusCode);
    }

    private async Task<JsonElement> OfficeOfFirstTownAsync() =>
        (await (await app.ClientAs("admin")).GetJson($"/api/v1/units?regionCode={FirstTown}&kind=镇街办事处")).GetProperty("items")[0];
}

public sealed class CaseListTestsOnSqlite(SqliteApp app) : CaseListTests<SqliteApp>(app);

public sealed class CaseListTestsOnPostgres(PostgresApp app) : CaseListTests<PostgresApp>(app);
