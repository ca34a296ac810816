using System.Globalization;
using System.Net;
using System.Text.Json;
using CivicGrid.Platform;
using CivicGrid.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CivicGrid.Tests.Cases.Catalog;

/// <summary>变更记录: every saved create/update/delete of a rule is logged with who, when, before/after and a summary; refusals log nothing.</summary>
public abstract class ResponsibilityRuleChangeTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CivicGridApp
{
    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private void Advance(TimeSpan by) => ((FakeTimeProvider)app.Services.GetRequiredService<TimeProvider>()).Advance(by);

    [Fact]
    public async Task Create_update_delete_leave_three_records_with_before_after_and_summary()
    {
        var admin = await app.ClientAs("admin");
        var (cityManagement, market, housing) = (await UnitId("D01"), await UnitId("D04"), await UnitId("D08"));
        var created = await admin.Post("/api/v1/responsibility-rules", new { categoryCode = "SJ0105", regionCode = "110199003", unitId = cityManagement });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Json()).GetProperty("id").GetInt32();
        Advance(TimeSpan.FromDays(1));
        Assert.Equal(HttpStatusCode.OK, (await admin.Put($"/api/v1/responsibility-rules/{id}",
            new { categoryCode = "SJ0105", regionCode = "110199003", unitId = market, coUnitIds = new[] { housing }, note = "按三定方案调整" })).StatusCode);
        Advance(TimeSpan.FromDays(1));
        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync(new Uri($"/api/v1/responsibility-rules/{id}", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);

        var page = await admin.GetJson($"/api/v1/responsibility-rules/changes?ruleId={id}");
        Assert.Equal(3, page.GetProperty("total").GetInt32());
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["deleted", "updated", "created"], items.Select(i => i.GetProperty("action").GetString()));
        Assert.Equal(["删除", "修改", "新增"], items.Select(i => i.GetProperty("actionName").GetString()));
        Assert.All(items, i => Assert.Equal("系统管理员（admin）", i.GetProperty("actorName").GetString()));
        var times = items.Select(i => i.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.Equal(TimeSpan.FromDays(1), times[0] - times[1]);
        Assert.Equal(TimeSpan.FromDays(1), times[1] - times[2]);

        var (deleted, updated, added) = (items[0], items[1], items[2]);
        Assert.Equal(JsonValueKind.Null, added.GetProperty("before").ValueKind);
        Assert.Equal(cityManagement, added.GetProperty("after").GetProperty("unitId").GetInt32());
        Assert.StartsWith("问题分类：", added.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Contains("（110199003）；牵头单位：区城市管理局；协办单位：无", added.GetProperty("summary").GetString(), StringComparison.Ordinal);

        Assert.Equal("牵头单位：区城市管理局 → 区市场监督管理局；协办单位：无 → 区住房和城乡建设委员会；备注：无 → “按三定方案调整”",
            updated.GetProperty("summary").GetString());
        Assert.Equal(cityManagement, updated.GetProperty("before").GetProperty("unitId").GetInt32());
        Assert.Empty(updated.GetProperty("before").GetProperty("coUnitIds").EnumerateArray());
        Assert.Equal(market, updated.GetProperty("after").GetProperty("unitId").GetInt32());
        Assert.Equal([housing], updated.GetProperty("after").GetProperty("coUnitIds").EnumerateArray().Select(u => u.GetInt32()));
        Assert.Equal("按三定方案调整", updated.GetProperty("after").GetProperty("note").GetString());
        Assert.Equal("110199003", updated.GetProperty("regionCode").GetString());

        Assert.Equal(JsonValueKind.Null, deleted.GetProperty("after").ValueKind);
        Assert.Equal(market, deleted.GetProperty("before").GetProperty("unitId").GetInt32());
        Assert.Contains("牵头单位：区市场监督管理局；协办单位：区住房和城乡建设委员会；备注：“按三定方案调整”", deleted.GetProperty("summary").GetString(), StringComparison.Ordinal);

        // A day in Beijing time picks the change made that day only.
        var day = TimeZoneInfo.ConvertTime(times[1], Beijing).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var thatDay = await admin.GetJson($"/api/v1/responsibility-rules/changes?ruleId={id}&from={day}&to={day}");
        Assert.Equal(["updated"], thatDay.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("action").GetString()));
        var byCategory = await admin.GetJson("/api/v1/responsibility-rules/changes?categoryCode=SJ01&regionCode=110199003");
        Assert.Equal(3, byCategory.GetProperty("items").EnumerateArray().Count(i => i.GetProperty("ruleId").GetInt32() == id));
    }

    [Fact]
    public async Task Refused_and_empty_changes_write_no_record()
    {
        var admin = await app.ClientAs("admin");
        var unit = await UnitId("D01");
        var first = (await (await admin.Post("/api/v1/responsibility-rules", new { categoryCode = "SJ0106", regionCode = "110199004", unitId = unit })).Json()).GetProperty("id").GetInt32();
        var second = (await (await admin.Post("/api/v1/responsibility-rules", new { categoryCode = "SJ0107", regionCode = "110199004", unitId = unit })).Json()).GetProperty("id").GetInt32();

        Assert.Equal(HttpStatusCode.Conflict, (await admin.Put($"/api/v1/responsibility-rules/{second}", new { categoryCode = "SJ0106", regionCode = "110199004", unitId = unit })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.Put($"/api/v1/responsibility-rules/{second}", new { categoryCode = "道路", regionCode = "110199004", unitId = unit })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Put($"/api/v1/responsibility-rules/{second}", new { categoryCode = "SJ0107", regionCode = "110199004", unitId = unit })).StatusCode);
        Assert.Equal(["created"], await Actions(admin, second));
        Assert.Equal(["created"], await Actions(admin, first));

        // A 镇街管理员 may read the district's rule but not change or delete it.
        var districtRule = (await admin.GetJson("/api/v1/responsibility-rules?regionCode=110199&pageSize=200")).GetProperty("items").EnumerateArray()
            .First(r => r.GetProperty("regionCode").GetString() == "110199").GetProperty("id").GetInt32();
        var before = await Actions(admin, districtRule);
        var street = await app.ClientAs("street01");
        Assert.Equal(HttpStatusCode.Forbidden, (await street.Put($"/api/v1/responsibility-rules/{districtRule}", new { categoryCode = "SJ0401", regionCode = "110199001", unitId = await UnitId("S110199001") })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await street.DeleteAsync(new Uri($"/api/v1/responsibility-rules/{districtRule}", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(before, await Actions(admin, districtRule));
    }

    [Fact]
    public async Task Two_rules_moved_onto_one_place_at_once_log_only_the_move_that_was_saved()
    {
        var admin = await app.ClientAs("admin");
        var unit = await UnitId("D01");
        var pairs = new List<(int A, int B, string Region)>();
        foreach (var region in new[] { "110199006001", "110199006002", "110199006003" })
        {
            var a = (await (await admin.Post("/api/v1/responsibility-rules", new { categoryCode = "SJ0102", regionCode = region, unitId = unit })).Json()).GetProperty("id").GetInt32();
            var b = (await (await admin.Post("/api/v1/responsibility-rules", new { categoryCode = "SJ0103", regionCode = region, unitId = unit })).Json()).GetProperty("id").GetInt32();
            pairs.Add((a, b, region));
        }

        // Both pass the up-front check when they overlap; the unique index then refuses one of them at save.
        var other = await app.ClientAs("admin");
        foreach (var (a, b, region) in pairs)
        {
            var moves = await Task.WhenAll(
                admin.Put($"/api/v1/responsibility-rules/{a}", new { categoryCode = "SJ0105", regionCode = region, unitId = unit }),
                other.Put($"/api/v1/responsibility-rules/{b}", new { categoryCode = "SJ0105", regionCode = region, unitId = unit }));
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], moves.Select(m => m.StatusCode).Order());
            foreach (var (id, move) in new[] { (a, moves[0]), (b, moves[1]) })
            {
                List<string?> expected = move.StatusCode == HttpStatusCode.OK ? ["updated", "created"] : ["created"];
                Assert.Equal(expected, await Actions(admin, id));
            }
        }
    }

    [Fact]
    public async Task A_town_admin_sees_his_towns_changes_and_never_another_towns()
    {
        var admin = await app.ClientAs("admin");
        var townTwo = (await (await admin.Post("/api/v1/responsibility-rules", new { categoryCode = "SJ0108", regionCode = "110199002", unitId = await UnitId("S110199002") })).Json()).GetProperty("id").GetInt32();
        var street = await app.ClientAs("street01");
        var created = await street.Post("/api/v1/responsibility-rules", new { categoryCode = "SJ0108", regionCode = "110199001001", unitId = await UnitId("S110199001") });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var townOne = (await created.Json()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.Created, (await admin.Post("/api/v1/users", new
        {
            userName = "street02",
            displayName = "第二镇街管理员",
            password = "Street#2026",
            roles = new[] { new { role = "镇街管理员", regionCode = "110199002" } },
        })).StatusCode);
        var street02 = await app.ClientAs("street02", "Street#2026");

        var seenByOne = await RuleIds(street, "/api/v1/responsibility-rules/changes?categoryCode=SJ0108&pageSize=200");
        Assert.Contains(townOne, seenByOne);
        Assert.DoesNotContain(townTwo, seenByOne);
        Assert.Equal(0, (await street.GetJson($"/api/v1/responsibility-rules/changes?ruleId={townTwo}")).GetProperty("total").GetInt32());
        var seenByTwo = await RuleIds(street02, "/api/v1/responsibility-rules/changes?categoryCode=SJ0108&pageSize=200");
        Assert.Contains(townTwo, seenByTwo);
        Assert.DoesNotContain(townOne, seenByTwo);
        var seenByAdmin = await RuleIds(admin, "/api/v1/responsibility-rules/changes?categoryCode=SJ0108&pageSize=200");
        Assert.Contains(townOne, seenByAdmin);
        Assert.Contains(townTwo, seenByAdmin);
        var mine = (await street.GetJson($"/api/v1/responsibility-rules/changes?ruleId={townOne}")).GetProperty("items")[0];
        Assert.Equal("第一镇街管理员（street01）", mine.GetProperty("actorName").GetString());

        await using var stream = await (await street02.Get("/api/v1/responsibility-rules/changes/export?categoryCode=SJ0108")).Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
        var rows = ExcelSheet.Read(stream);
        Assert.Contains(rows, r => r["规则编号"] == townTwo.ToString(CultureInfo.InvariantCulture));
        Assert.DoesNotContain(rows, r => r["规则编号"] == townOne.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Export_is_the_filtered_list_as_an_excel_sheet()
    {
        var admin = await app.ClientAs("admin");
        var id = (await (await admin.Post("/api/v1/responsibility-rules", new { categoryCode = "SJ0109", regionCode = "110199005", unitId = await UnitId("D01") })).Json()).GetProperty("id").GetInt32();
        Advance(TimeSpan.FromMinutes(5));
        await admin.Put($"/api/v1/responsibility-rules/{id}", new { categoryCode = "SJ0109", regionCode = "110199005", unitId = await UnitId("D02") });

        var list = await admin.GetJson("/api/v1/responsibility-rules/changes?regionCode=110199005&pageSize=200");
        var response = await admin.Get("/api/v1/responsibility-rules/changes/export?regionCode=110199005");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        await using var stream = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
        var rows = ExcelSheet.Read(stream);
        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(list.GetProperty("total").GetInt32(), rows.Count);
        Assert.Equal(items.Select(i => i.GetProperty("summary").GetString()), rows.Select(r => r["变更内容"]));
        Assert.Equal(items.Select(i => i.GetProperty("actionName").GetString()), rows.Select(r => r["操作"]));
        Assert.Equal(items.Select(i => i.GetProperty("ruleId").GetInt32().ToString(CultureInfo.InvariantCulture)), rows.Select(r => r["规则编号"]));
        Assert.Equal("牵头单位：区城市管理局 → 区环境卫生服务中心", rows[0]["变更内容"]);
        var at = items[0].GetProperty("at").GetDateTimeOffset();
        Assert.Equal(TimeZoneInfo.ConvertTime(at, Beijing).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), rows[0]["时间"]);
    }

    [Theory]
    [InlineData("ruleId=abc")]
    [InlineData("ruleId=0")]
    [InlineData("categoryCode=道路")]
    [InlineData("regionCode=12")]
    [InlineData("regionCode=11019900a")]
    [InlineData("from=昨天")]
    [InlineData("to=2026-13-01")]
    [InlineData("from=2026-10-02&to=2026-10-01")]
    [InlineData("page=x")]
    public async Task Bad_query_values_are_refused_in_Chinese(string query)
    {
        var admin = await app.ClientAs("admin");
        // The export has no paging: it takes every matching change.
        var paths = query.StartsWith("page", StringComparison.Ordinal)
            ? ["/api/v1/responsibility-rules/changes?"]
            : new[] { "/api/v1/responsibility-rules/changes?", "/api/v1/responsibility-rules/changes/export?" };
        foreach (var path in paths)
        {
            var response = await admin.Get(path + query);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Json();
            Assert.StartsWith("urn:civicgrid:problem:", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", problem.GetProperty("detail").GetString());
        }
    }

    private static async Task<List<string?>> Actions(HttpClient client, int ruleId) =>
        (await client.GetJson($"/api/v1/responsibility-rules/changes?ruleId={ruleId}&pageSize=200")).GetProperty("items").EnumerateArray()
        .Select(i => i.GetProperty("action").GetString()).ToList();

    private static async Task<List<int>> RuleIds(HttpClient client, string url) =>
        (await client.GetJson(url)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("ruleId").GetInt32()).ToList();

    private async Task<int> UnitId(string code)
    {
        var admin = await app.ClientAs("admin");
        var items = (await admin.GetJson($"/api/v1/units?q={code}&pageSize=200")).GetProperty("items").EnumerateArray();
        return items.First(u => u.GetProperty("code").GetString() == code).GetProperty("id").GetInt32();
    }
}

public sealed class ResponsibilityRuleChangeTestsOnSqlite(ClockedSqliteApp app) : ResponsibilityRuleChangeTests<ClockedSqliteApp>(app);

public sealed class ResponsibilityRuleChangeTestsOnPostgres(ClockedPostgresApp app) : ResponsibilityRuleChangeTests<ClockedPostgresApp>(app);
