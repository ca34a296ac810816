using System.Net;
using System.Text.Json;
using CivicGrid.Cases;
using CivicGrid.Cases.Search;
using CivicGrid.Data;
using CivicGrid.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CivicGrid.Tests.Cases.Search;

/// <summary>Chinese full-text search (q) over the case list, on the database's own full-text index.</summary>
public abstract class CaseSearchTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CivicGridApp
{
    private static int _house;

    private static readonly string Marker = Guid.NewGuid().ToString("N")[..6];

    private async Task<(double Lon, double Lat)> PointAsync(string community)
    {
        var cells = await (await app.ClientAs("admin")).GetJson($"/api/v1/regions/{community}/children");
        return (cells[0].GetProperty("centerLon").GetDouble(), cells[0].GetProperty("centerLat").GetDouble());
    }

    private async Task<long> ReportAsync(string description, string community = "110199003001")
    {
        var (lon, lat) = await PointAsync(community);
        var response = await (await app.ClientAs("resident")).Post("/api/v1/cases", new { description, lon, lat, source = "citizen" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Json()).GetProperty("id").GetInt64();
    }

    private static async Task<List<long>> SearchAsync(HttpClient client, string q, string extra = "")
    {
        var body = await client.GetJson("/api/v1/cases?pageSize=200&q=" + Uri.EscapeDataString(q) + extra);
        return body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();
    }

    [Fact]
    public async Task A_word_inside_the_description_finds_the_case_and_not_unrelated_ones()
    {
        var charging = await ReportAsync("楼道里有人电动车飞线充电，很危险");
        var garbage = await ReportAsync("小区门口垃圾满溢好几天没人清运");
        var admin = await app.ClientAs("admin");

        var hits = await SearchAsync(admin, "飞线");
        Assert.Contains(charging, hits);
        Assert.DoesNotContain(garbage, hits);

        var both = await SearchAsync(admin, "电动车 充电");
        Assert.Contains(charging, both);
        Assert.DoesNotContain(garbage, both);

        // Every word must occur: 飞线 AND 垃圾 matches neither.
        var none = await SearchAsync(admin, "飞线 垃圾");
        Assert.DoesNotContain(charging, none);
        Assert.DoesNotContain(garbage, none);

        Assert.Contains(garbage, await SearchAsync(admin, "垃圾满溢"));
        Assert.Contains(garbage, await SearchAsync(admin, "垃圾", "&status=Dispatched,Reported,Registered"));
        Assert.DoesNotContain(garbage, await SearchAsync(admin, "垃圾", "&status=Closed"));
    }

    [Fact]
    public async Task Search_respects_the_callers_scope()
    {
        var word = "漂浮物" + Marker;
        var inFirstTown = await ReportAsync($"河道里有{word}，水面发臭", "110199001001");
        var inSecondTown = await ReportAsync($"池塘里也有{word}，水面发臭", "110199002001");
        var street = await app.ClientAs("street01");
        var hits = await SearchAsync(street, "水面发臭");
        Assert.Contains(inFirstTown, hits);
        Assert.DoesNotContain(inSecondTown, hits);
        var admin = await SearchAsync(await app.ClientAs("admin"), "水面发臭");
        Assert.Contains(inSecondTown, admin);
    }

    [Fact]
    public async Task Cases_written_before_full_text_are_segmented_by_the_backfill()
    {
        await StartupBackfillFinishedAsync();
        var id = await ReportAsync("公厕里面脏乱不堪");
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Set<Case>().Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.SearchText, c => c.Description), TestContext.Current.CancellationToken);
        }

        var admin = await app.ClientAs("admin");
        Assert.DoesNotContain(id, await SearchAsync(admin, "脏乱"));
        Assert.True(await app.Services.GetRequiredService<SearchBackfill>().RunAsync(TestContext.Current.CancellationToken) >= 1);
        Assert.Contains(id, await SearchAsync(admin, "脏乱"));
    }

    // The backfill also runs once at start; on a busy machine that run could otherwise segment this test's row early.
    private async Task StartupBackfillFinishedAsync()
    {
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(TestContext.Current.CancellationToken);
        // A job without triggers left is removed once its last run has finished.
        var job = new JobKey("search-backfill", "cases");
        for (var i = 0; i < 600; i++)
        {
            if (await scheduler.GetJobDetail(job, TestContext.Current.CancellationToken) is null)
            {
                return;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Fail("启动时的分词补齐任务 60 秒内没有结束");
    }

    [Theory]
    [InlineData("\" OR 1=1 --")]
    [InlineData("*")]
    [InlineData("AND")]
    [InlineData("NEAR(飞线 充电)")]
    [InlineData("'; DROP TABLE cases; --")]
    [InlineData("飞线\"*^:")]
    [InlineData("！？。，")]
    [InlineData("a & b | !c <-> d")]
    public async Task Hostile_queries_give_an_answer_never_a_500(string q)
    {
        // A house number of its own each time: the same text from the same resident at the same place would be one report.
        var house = Interlocked.Increment(ref _house);
        await ReportAsync($"{house}号楼电动车飞线充电隐患");
        var unrelated = await ReportAsync($"{house}号楼前人行道井盖缺失");
        var response = await (await app.ClientAs("admin")).Get("/api/v1/cases?pageSize=200&q=" + Uri.EscapeDataString(q));
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        if (response.StatusCode == HttpStatusCode.OK)
        {
            var ids = JsonDocument.Parse(text).RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64());
            Assert.DoesNotContain(unrelated, ids);
        }
    }
}

public sealed class CaseSearchTestsOnSqlite(SqliteApp app) : CaseSearchTests<SqliteApp>(app);

public sealed class CaseSearchTestsOnPostgres(PostgresApp app) : CaseSearchTests<PostgresApp>(app);
