using System.Net;
using System.Text.Json;
using CivicGrid.Tests.Infrastructure;

namespace CivicGrid.Tests.Assessment;

/// <summary>日调度 and 周督查: generated from the daily figures, kept once per period, delivered to inboxes, read within scope.</summary>
public abstract class ScheduledReportTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CivicGridApp
{
    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);

    private static JsonElement Section(JsonElement report, string kind) =>
        report.GetProperty("content").GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("subjectKind").GetString() == kind);

    private static int Column(JsonElement section, string name) =>
        section.GetProperty("columns").EnumerateArray().Select((c, i) => (c, i)).Single(x => x.c.GetProperty("name").GetString() == name).i;

    private static async Task<int> NoticesAsync(HttpClient client, string title)
    {
        var list = await client.GetJson("/api/v1/notifications?pageSize=100");
        return list.GetProperty("items").EnumerateArray().Count(n => n.GetProperty("title").GetString() == title);
    }

    [Fact]
    public async Task The_daily_report_agrees_with_the_dashboard_is_kept_once_and_reaches_the_leaders_inbox()
    {
        app.EnsureAvailable();
        var day = Today.ToString("yyyy-MM-dd");
        var dispatcher = await app.ClientAs("dispatcher");
        var leader = await app.ClientAs("leader");
        var response = await dispatcher.Post("/api/v1/assessment/reports", new { kind = "daily", period = day });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Json();
        Assert.Equal(day, report.GetProperty("periodKey").GetString());
        var towns = Section(report, "town");
        Assert.Equal(25, towns.GetProperty("rows").GetArrayLength());
        Assert.NotEmpty(Section(report, "department").GetProperty("rows").EnumerateArray());

        // The first town's line says what the dashboard says about that town today.
        var dashboard = await leader.GetJson("/api/v1/assessment/dashboard?region=110199001");
        var first = towns.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("code").GetString() == "110199001").GetProperty("values");
        Assert.Equal(dashboard.GetProperty("today").GetProperty("registered").GetInt64(), first[Column(towns, "当日立案")].GetInt64());
        Assert.Equal(dashboard.GetProperty("today").GetProperty("closed").GetInt64(), first[Column(towns, "当日结案")].GetInt64());
        Assert.Equal(dashboard.GetProperty("monthRegistered").GetInt64(), first[Column(towns, "本月累计立案")].GetInt64());
        Assert.Equal(dashboard.GetProperty("today").GetProperty("overdueOpen").GetInt64(), first[Column(towns, "超期未结")].GetInt64());

        // Generating the same day again replaces the report: one report, one notice.
        var again = await (await dispatcher.Post("/api/v1/assessment/reports", new { kind = "daily", period = day })).Json();
        Assert.Equal(report.GetProperty("id").GetInt64(), again.GetProperty("id").GetInt64());
        var title = report.GetProperty("content").GetProperty("title").GetString()!;
        Assert.Equal(1, await NoticesAsync(leader, title));
        Assert.Equal(1, await NoticesAsync(await app.ClientAs("street01"), title));
        Assert.Equal(0, await NoticesAsync(await app.ClientAs("handler.cg"), title));
        var list = await leader.GetJson("/api/v1/assessment/reports?kind=daily");
        Assert.Single(list.EnumerateArray(), r => r.GetProperty("periodKey").GetString() == day);

        var excel = await leader.Get($"/api/v1/assessment/reports/{report.GetProperty("id").GetInt64()}.xlsx");
        Assert.Equal(HttpStatusCode.OK, excel.StatusCode);
        var sheet = CivicGrid.Platform.ExcelSheet.Read(await excel.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        Assert.Equal(25 + Section(report, "department").GetProperty("rows").GetArrayLength(), sheet.Count);
        Assert.Equal("各镇街", sheet[0]["分组"]);
    }

    [Fact]
    public async Task The_weekly_report_has_rates_and_a_town_admin_reads_only_his_line()
    {
        app.EnsureAvailable();
        var dispatcher = await app.ClientAs("dispatcher");
        var report = await (await dispatcher.Post("/api/v1/assessment/reports", new { kind = "weekly" })).Json();
        Assert.Equal("weekly", report.GetProperty("kind").GetString());
        Assert.Matches(@"^\d{4}-W\d{2}$", report.GetProperty("periodKey").GetString());
        var towns = Section(report, "town");
        var rate = Column(towns, "按期结案率");
        Assert.All(towns.GetProperty("rows").EnumerateArray(), r =>
            Assert.True(r.GetProperty("values")[rate].ValueKind == JsonValueKind.Null || r.GetProperty("values")[rate].GetDouble() is >= 0 and <= 1));

        var id = report.GetProperty("id").GetInt64();
        var street = await app.ClientAs("street01");
        var own = await street.GetJson($"/api/v1/assessment/reports/{id}");
        var sections = own.GetProperty("content").GetProperty("sections").EnumerateArray().ToList();
        Assert.Equal("town", Assert.Single(sections).GetProperty("subjectKind").GetString());
        Assert.Equal("110199001", Assert.Single(sections[0].GetProperty("rows").EnumerateArray()).GetProperty("code").GetString());
        Assert.Equal("", own.GetProperty("content").GetProperty("summary").GetString());
        var sheet = CivicGrid.Platform.ExcelSheet.Read(await (await street.Get($"/api/v1/assessment/reports/{id}.xlsx")).Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        Assert.Single(sheet);

        var leader = await app.ClientAs("leader");
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.Post("/api/v1/assessment/reports", new { kind = "daily" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await dispatcher.Post("/api/v1/assessment/reports", new { kind = "monthly" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await dispatcher.Post("/api/v1/assessment/reports", new { kind = "daily", period = "2026-02-30" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await dispatcher.Post("/api/v1/assessment/reports", new { kind = "weekly", period = "2026-W60" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAs("resident")).Get($"/api/v1/assessment/reports/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await leader.Get("/api/v1/assessment/reports/999999")).StatusCode);
    }
}

public sealed class ScheduledReportTestsOnSqlite(SqliteApp app) : ScheduledReportTests<SqliteApp>(app);

public sealed class ScheduledReportTestsOnPostgres(PostgresApp app) : ScheduledReportTests<PostgresApp>(app);
