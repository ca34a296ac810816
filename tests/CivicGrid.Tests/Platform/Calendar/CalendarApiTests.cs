using System.Globalization;
using System.Net;
using CivicGrid.Tests.Infrastructure;

namespace CivicGrid.Tests.Platform.Calendar;

public abstract class CalendarApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CivicGridApp
{
    [Fact]
    public async Task Year_2026_lists_every_day_with_holidays_and_make_up_days()
    {
        var client = await app.ClientAs("dispatcher");
        var year = await client.GetJson("/api/v1/calendar?year=2026");
        Assert.False(year.GetProperty("isFallback").GetBoolean());
        Assert.Equal(JsonValueKindNull, year.GetProperty("warning").ValueKind);
        Assert.Equal("08:30-12:00,13:30-17:30", year.GetProperty("workingHours").GetString());
        var days = year.GetProperty("days").EnumerateArray().ToDictionary(d => d.GetProperty("date").GetString()!);
        Assert.Equal(365, days.Count);
        Assert.True(days["2026-10-01"].GetProperty("isOffDay").GetBoolean());
        Assert.Equal("国庆节", days["2026-10-01"].GetProperty("name").GetString());
        Assert.False(days["2026-10-10"].GetProperty("isOffDay").GetBoolean());
        Assert.Equal("国庆节调休上班", days["2026-10-10"].GetProperty("label").GetString());
        Assert.True(days["2026-11-28"].GetProperty("isOffDay").GetBoolean());
        Assert.False(days["2026-11-25"].GetProperty("isOffDay").GetBoolean());
    }

    [Fact]
    public async Task A_year_without_data_is_flagged_with_a_chinese_warning()
    {
        var client = await app.ClientAs("leader");
        var year = await client.GetJson("/api/v1/calendar?year=2030");
        Assert.True(year.GetProperty("isFallback").GetBoolean());
        Assert.Contains("周一至周五", year.GetProperty("warning").GetString());
        var days = year.GetProperty("days").EnumerateArray().ToDictionary(d => d.GetProperty("date").GetString()!);
        Assert.False(days["2030-10-01"].GetProperty("isOffDay").GetBoolean());
        Assert.True(days["2030-10-05"].GetProperty("isOffDay").GetBoolean());
    }

    [Fact]
    public async Task Calendar_needs_a_login_and_rejects_a_bad_year_in_chinese()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().Get("/api/v1/calendar?year=2026")).StatusCode);
        var client = await app.ClientAs("admin");
        foreach (var bad in new[] { "abc", "1899", "20266" })
        {
            var response = await client.Get($"/api/v1/calendar?year={bad}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("年份", (await response.Json()).GetProperty("detail").GetString());
        }
    }

    [Fact]
    public async Task Deadline_preview_spans_national_day_and_lands_on_the_make_up_saturday()
    {
        var client = await app.ClientAs("dispatcher");
        var preview = await client.GetJson("/api/v1/calendar/deadline?start=" + Uri.EscapeDataString("2026-09-30T10:00:00+08:00") + "&value=3&unit=工作日");
        Assert.Equal(Parse("2026-10-10T17:30:00+08:00"), Parse(preview.GetProperty("deadline").GetString()!));
        Assert.Equal("工作日", preview.GetProperty("unit").GetString());
        Assert.Equal(6 + (7.5 * 3), preview.GetProperty("workingHours").GetDouble()); // the rest of 09-30 (6 h) and three full days

        var hours = await client.GetJson("/api/v1/calendar/deadline?start=" + Uri.EscapeDataString("2026-11-25T11:00:00+08:00") + "&value=2&unit=工作时");
        Assert.Equal(Parse("2026-11-25T14:30:00+08:00"), Parse(hours.GetProperty("deadline").GetString()!));
    }

    [Theory]
    [InlineData("value=3&unit=周", "时限单位")]
    [InlineData("value=-1&unit=工作日", "时限数值")]
    [InlineData("value=abc&unit=工作日", "时限数值")]
    [InlineData("value=9999&unit=工作日", "处置时限")]
    [InlineData("start=2026-13-01&value=1&unit=工作日", "起算时间")]
    [InlineData("start=2026-09-30T10:00:00&value=1&unit=工作日", "时区")]
    public async Task Deadline_preview_rejects_bad_input_in_chinese(string query, string expected)
    {
        var client = await app.ClientAs("dispatcher");
        var response = await client.Get("/api/v1/calendar/deadline?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (await response.Json()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Only_administrators_may_change_a_day()
    {
        foreach (var user in new[] { "street01", "dispatcher", "leader" })
        {
            var client = await app.ClientAs(user);
            var response = await client.Put("/api/v1/calendar/days/2027-06-16", new { isOffDay = true, name = "临时放假" });
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("系统管理员", (await response.Json()).GetProperty("detail").GetString());
        }
    }

    [Fact]
    public async Task Bad_day_changes_are_chinese_400s()
    {
        var admin = await app.ClientAs("admin");
        var badDate = await admin.Put("/api/v1/calendar/days/2027-13-40", new { isOffDay = true });
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Contains("yyyy-MM-dd", (await badDate.Json()).GetProperty("detail").GetString());

        var missing = await admin.Put("/api/v1/calendar/days/2027-06-16", new { name = "没说休不休" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var errors = (await missing.Json()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("message").GetString()).ToList();
        Assert.Contains(errors, e => e!.Contains("是否休息", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_override_wins_over_the_data_and_moves_deadlines_until_removed()
    {
        var admin = await app.ClientAs("admin");
        const string url = "/api/v1/calendar/deadline?start=2027-06-15T10%3A00%3A00%2B08%3A00&value=1&unit=工作日";
        Assert.Equal(Parse("2027-06-16T17:30:00+08:00"), Parse((await admin.GetJson(url)).GetProperty("deadline").GetString()!));

        var put = await admin.Put("/api/v1/calendar/days/2027-06-16", new { isOffDay = true, name = "临时放假" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var day = (await admin.GetJson("/api/v1/calendar?year=2027")).GetProperty("days").EnumerateArray()
            .Single(d => d.GetProperty("date").GetString() == "2027-06-16");
        Assert.True(day.GetProperty("isOffDay").GetBoolean());
        Assert.Equal("人工调整", day.GetProperty("source").GetString());
        Assert.Equal("admin", day.GetProperty("updatedBy").GetString());
        Assert.Equal(Parse("2027-06-17T17:30:00+08:00"), Parse((await admin.GetJson(url)).GetProperty("deadline").GetString()!));

        var delete = await admin.DeleteAsync(new Uri("/api/v1/calendar/days/2027-06-16", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        Assert.Equal(Parse("2027-06-16T17:30:00+08:00"), Parse((await admin.GetJson(url)).GetProperty("deadline").GetString()!));
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
}

public sealed class CalendarApiTestsOnSqlite(SqliteApp app) : CalendarApiTests<SqliteApp>(app);

public sealed class CalendarApiTestsOnPostgres(PostgresApp app) : CalendarApiTests<PostgresApp>(app);
