using System.Net;
using System.Text.Json;
using CivicGrid.Assessment.Figures;
using CivicGrid.Data;
using CivicGrid.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Tests.Assessment;

/// <summary>Scores, notice, publishing and the daily figures through the HTTP API on the demo district.</summary>
public abstract class AssessmentApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CivicGridApp
{
    private static string ThisMonth => TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).ToString("yyyy-MM");

    private async Task<List<string>> FiguresAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ct = TestContext.Current.CancellationToken;
        var daily = (await db.Set<DailyFigure>().AsNoTracking().ToListAsync(ct)).Select(r => "daily " + JsonSerializer.Serialize(r));
        var monthly = (await db.Set<MonthlyFigure>().AsNoTracking().ToListAsync(ct)).Select(r => "monthly " + JsonSerializer.Serialize(r));
        var towns = (await db.Set<TownDailyFigure>().AsNoTracking().ToListAsync(ct)).Select(r => "town " + JsonSerializer.Serialize(r));
        return daily.Concat(monthly).Concat(towns).Where(HasNonZero).Order(StringComparer.Ordinal).ToList();
    }

    private static bool HasNonZero(string row) => HasNonZeroFigure(row[(row.IndexOf(' ') + 1)..]);

    private static bool HasNonZeroFigure(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.EnumerateObject().Any(p => p.Value.ValueKind == JsonValueKind.Number && p.Name is not ("Day" or "Month" or "UnitId") && p.Value.GetInt64() != 0);
    }

    private async Task<long> ReportAsync(string description)
    {
        var admin = await app.ClientAs("admin");
        var cells = await admin.GetJson("/api/v1/regions/110199001001/children");
        var resident = await app.ClientAs("resident");
        var response = await resident.Post("/api/v1/cases", new
        {
            description,
            lon = cells[0].GetProperty("centerLon").GetDouble(),
            lat = cells[0].GetProperty("centerLat").GetDouble(),
            source = "citizen",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Json()).GetProperty("id").GetInt64();
    }

    [Fact]
    public async Task Rebuilding_the_daily_figures_from_the_cases_gives_what_the_case_changes_maintained()
    {
        app.EnsureAvailable();
        var dispatcher = await app.ClientAs("dispatcher");
        var suspended = await ReportAsync("小区门口占道经营卖水果，人行道堵住了");
        var r = await dispatcher.Post($"/api/v1/cases/{suspended}/transitions", new { action = "suspend", comment = "需纳入年度改造计划" });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);

        var incremental = await FiguresAsync();
        Assert.NotEmpty(incremental);
        var admin = await app.ClientAs("admin");
        var rebuilt = await admin.Post("/api/v1/assessment/figures/rebuild", new { });
        Assert.Equal(HttpStatusCode.OK, rebuilt.StatusCode);
        Assert.True((await rebuilt.Json()).GetProperty("cases").GetInt32() > 0);
        Assert.Equal(incremental, await FiguresAsync());
    }

    [Fact]
    public async Task The_monthly_and_per_town_roll_ups_add_up_to_the_daily_figures_as_cases_change()
    {
        app.EnsureAvailable();
        var dispatcher = await app.ClientAs("dispatcher");
        var id = await ReportAsync("路口的井盖缺失了一块，晚上很危险");
        Assert.Equal(HttpStatusCode.OK, (await dispatcher.Post($"/api/v1/cases/{id}/transitions", new { action = "suspend", comment = "待专项资金" })).StatusCode);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ct = TestContext.Current.CancellationToken;
        var daily = await db.Set<DailyFigure>().AsNoTracking().ToListAsync(ct);
        var monthly = await db.Set<MonthlyFigure>().AsNoTracking().ToListAsync(ct);
        var towns = await db.Set<TownDailyFigure>().AsNoTracking().ToListAsync(ct);
        Assert.Contains(monthly, m => m.Registered > 0);

        static string Sums(FigureRow r) => string.Join(",", Enum.GetNames<Figure>().Select(n => typeof(FigureRow).GetProperty(n)!.GetValue(r)));
        static string Total(IEnumerable<FigureRow> rows) => string.Join(",", Enum.GetNames<Figure>()
            .Select(n => rows.Sum(r => (long)typeof(FigureRow).GetProperty(n)!.GetValue(r)!)));
        var expectedMonthly = NonZero(daily.GroupBy(d => (d.Day / 100, d.TownCode, d.CommunityCode, d.UnitId)).Select(g => (g.Key.ToString(), Total(g))));
        var actualMonthly = monthly.Where(HasCounts).ToDictionary(m => (m.Month, m.TownCode, m.CommunityCode, m.UnitId).ToString(), Sums);
        Assert.Equal(expectedMonthly.OrderBy(p => p.Key), actualMonthly.OrderBy(p => p.Key));
        var expectedTowns = NonZero(daily.GroupBy(d => (d.Day, d.TownCode, d.CategoryTop)).Select(g => (g.Key.ToString(), Total(g))));
        var actualTowns = towns.Where(HasCounts).ToDictionary(t => (t.Day, t.TownCode, t.CategoryTop).ToString(), Sums);
        Assert.Equal(expectedTowns.OrderBy(p => p.Key), actualTowns.OrderBy(p => p.Key));
    }

    private static Dictionary<string, string> NonZero(IEnumerable<(string Key, string Sums)> rows) =>
        rows.Where(r => r.Sums.Split(',').Any(v => v != "0")).ToDictionary(r => r.Key, r => r.Sums);

    private static bool HasCounts(FigureRow r) => Enum.GetNames<Figure>().Any(n => (long)typeof(FigureRow).GetProperty(n)!.GetValue(r)! != 0);

    [Fact]
    public async Task Leader_reads_the_town_ranking_with_indicators_as_fractions()
    {
        app.EnsureAvailable();
        var leader = await app.ClientAs("leader");
        var body = await leader.GetJson($"/api/v1/assessment/scores?subjectKind=town&period={ThisMonth}");
        Assert.Equal(ThisMonth, body.GetProperty("period").GetString());
        var items = body.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(25, items.Count);
        Assert.Equal(1, items[0].GetProperty("rank").GetInt32());
        Assert.True(items[0].GetProperty("score").GetDouble() >= items[^1].GetProperty("score").GetDouble());
        var indicators = items[0].GetProperty("indicators");
        foreach (var name in new[] { "结案率", "按期结案率", "返工率", "满意率", "点位达标率" })
        {
            Assert.True(indicators.TryGetProperty(name, out var v), name);
            Assert.True(v.ValueKind == JsonValueKind.Null || v.GetDouble() is >= 0 and <= 1, $"{name} = {v}");
        }

        // The demo month has closed cases somewhere: not every town can be empty.
        Assert.Contains(items, i => i.GetProperty("figures").GetProperty("结案数").GetDouble() > 0);
    }

    [Fact]
    public async Task A_town_admin_sees_only_his_own_town_and_not_the_departments()
    {
        app.EnsureAvailable();
        var street = await app.ClientAs("street01");
        var towns = (await street.GetJson($"/api/v1/assessment/scores?subjectKind=town&period={ThisMonth}")).GetProperty("items");
        Assert.Equal("110199001", Assert.Single(towns.EnumerateArray()).GetProperty("subjectCode").GetString());
        var communities = (await street.GetJson($"/api/v1/assessment/scores?subjectKind=community&period={ThisMonth}")).GetProperty("items");
        Assert.All(communities.EnumerateArray(), c => Assert.StartsWith("110199001", c.GetProperty("subjectCode").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await street.Get($"/api/v1/assessment/scores?subjectKind=department&period={ThisMonth}")).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAs("resident")).Get($"/api/v1/assessment/scores?subjectKind=town&period={ThisMonth}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().Get($"/api/v1/assessment/scores?subjectKind=town&period={ThisMonth}")).StatusCode);
        var leader = await app.ClientAs("leader");
        Assert.Equal(HttpStatusCode.BadRequest, (await leader.Get("/api/v1/assessment/scores?subjectKind=planet&period=2026-10")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await leader.Get("/api/v1/assessment/scores?subjectKind=town&period=2026-13")).StatusCode);
    }

    [Fact]
    public async Task A_published_run_does_not_change_when_later_cases_arrive()
    {
        app.EnsureAvailable();
        var dispatcher = await app.ClientAs("dispatcher");
        var published = await dispatcher.Post("/api/v1/assessment/runs", new { subjectKind = "community", period = ThisMonth });
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var run = await published.Json();
        Assert.Equal("dispatcher", run.GetProperty("publishedBy").GetString());
        var leader = await app.ClientAs("leader");
        var before = (await leader.GetJson($"/api/v1/assessment/scores?subjectKind=community&period={ThisMonth}")).GetProperty("items").ToString();

        var live = await ReportAsync("楼道里堆放杂物，存在消防隐患，请尽快清理");
        var r = await dispatcher.Post($"/api/v1/cases/{live}/transitions", new { action = "suspend", comment = "等待产权单位处理" });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var after = (await leader.GetJson($"/api/v1/assessment/scores?subjectKind=community&period={ThisMonth}")).GetProperty("items").ToString();
        Assert.Equal(before, after);

        Assert.Equal(HttpStatusCode.Forbidden, (await leader.Post("/api/v1/assessment/runs", new { subjectKind = "town", period = ThisMonth })).StatusCode);
    }

    [Fact]
    public async Task The_notice_is_a_valid_word_document_with_the_ranking()
    {
        app.EnsureAvailable();
        var leader = await app.ClientAs("leader");
        var scores = await leader.GetJson($"/api/v1/assessment/scores?subjectKind=town&period={ThisMonth}");
        var response = await leader.Get($"/api/v1/assessment/notice.docx?subjectKind=town&period={ThisMonth}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType!.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        using var doc = WordprocessingDocument.Open(stream, false);
        var errors = new OpenXmlValidator().Validate(doc, TestContext.Current.CancellationToken).Select(e => $"{e.Description} @ {e.Path?.XPath}").ToList();
        Assert.Empty(errors);
        var text = doc.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("考评结果的通报", text);
        Assert.Contains("红榜", text);
        var table = doc.MainDocumentPart.Document.Body.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().Single();
        var rows = table.Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>().ToList();
        Assert.Equal(26, rows.Count);
        var first = scores.GetProperty("items")[0];
        Assert.Contains(first.GetProperty("subjectName").GetString()!, rows[1].InnerText);

        var excel = await leader.Get($"/api/v1/assessment/scores.xlsx?subjectKind=town&period={ThisMonth}");
        Assert.Equal(HttpStatusCode.OK, excel.StatusCode);
        var sheet = CivicGrid.Platform.ExcelSheet.Read(await excel.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        Assert.Equal(25, sheet.Count);
        Assert.Equal(first.GetProperty("subjectName").GetString(), sheet[0]["考评对象"]);
    }
}

public sealed class AssessmentApiTestsOnSqlite(SqliteApp app) : AssessmentApiTests<SqliteApp>(app);

public sealed class AssessmentApiTestsOnPostgres(PostgresApp app) : AssessmentApiTests<PostgresApp>(app);
