using System.Net;
using CivicGrid.Platform;
using CivicGrid.Tests.Infrastructure;
using static CivicGrid.Tests.Standards.StandardsTestData;

namespace CivicGrid.Tests.Standards;

public abstract class IndexApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CivicGridApp
{
    private static readonly string[] RequiredCategories =
    [
        "主次干道", "商业大街", "背街小巷", "农贸市场（集贸市场）", "公共广场", "公园", "医院", "中小学校", "公交站点", "社区（小区）",
        "建筑工地", "政务大厅", "新时代文明实践站", "室外公共厕所", "城乡接合部",
    ];

    [Fact]
    public async Task Demo_index_covers_every_point_category_with_5_to_15_standards()
    {
        var client = await app.ClientAs("inspector");
        var categories = (await client.GetJson("/api/v1/point-categories")).EnumerateArray().ToList();
        foreach (var name in RequiredCategories)
        {
            var category = categories.Single(c => c.GetProperty("name").GetString() == name);
            var count = category.GetProperty("standardCount").GetInt32();
            Assert.InRange(count, 5, 15);
            var tree = await client.GetJson($"/api/v1/standards?pointCategoryCode={category.GetProperty("code").GetString()}");
            var standards = tree.EnumerateArray().SelectMany(p => p.GetProperty("contents").EnumerateArray())
                .SelectMany(c => c.GetProperty("standards").EnumerateArray()).ToList();
            Assert.Equal(count, standards.Count);
            Assert.All(standards, s =>
            {
                Assert.Matches("^(BJ|SJ)\\d{4}$", s.GetProperty("caseCategoryCode").GetString());
                Assert.False(string.IsNullOrEmpty(s.GetProperty("caseCategoryName").GetString()));
                Assert.Contains(s.GetProperty("pointCategories").EnumerateArray(), c => c.GetProperty("name").GetString() == name);
            });
        }

        Assert.Equal(10, categories.Count(c => c.GetProperty("pointCount").GetInt32() > 0));
        Assert.InRange(categories.Sum(c => c.GetProperty("pointCount").GetInt32()), 550, 650);
    }

    [Fact]
    public async Task Standards_say_how_they_are_observed()
    {
        var client = await app.ClientAs("leader");
        var all = (await client.GetJson("/api/v1/standards")).EnumerateArray()
            .SelectMany(p => p.GetProperty("contents").EnumerateArray()).SelectMany(c => c.GetProperty("standards").EnumerateArray())
            .ToDictionary(s => s.GetProperty("code").GetString()!);
        var butts = all["HJ-102"];
        Assert.Equal("count", butts.GetProperty("observation").GetString());
        Assert.Equal("500 米内", butts.GetProperty("countBasis").GetString());
        Assert.Equal(5, butts.GetProperty("threshold").GetInt32());
        Assert.Contains("不超过 5", butts.GetProperty("howObserved").GetString());
        Assert.Equal("SJ0105", butts.GetProperty("caseCategoryCode").GetString());
        var toilet = all["HJ-301"];
        Assert.Equal("score", toilet.GetProperty("observation").GetString());
        Assert.Equal(5, toilet.GetProperty("maxScore").GetInt32());
        Assert.Equal(3, toilet.GetProperty("passScore").GetInt32());
        Assert.Equal("passFail", all["ZX-101"].GetProperty("observation").GetString());
    }

    [Fact]
    public async Task Import_reports_every_bad_row_and_writes_nothing()
    {
        var admin = await app.ClientAs("admin");
        var before = await CountAsync(admin);
        var sheet = ExcelSheet.Write(
        [
            Row(("测评项目", "测试项目"), ("测评内容", "测试内容"), ("标准编码", "T-001"), ("测评标准", "好行"), ("分值", 1), ("观测方式", "是否达标"),
                ("适用点位类别", "公园"), ("问题分类编码", "SJ0108")),
            Row(("测评项目", "测试项目"), ("测评内容", "测试内容"), ("标准编码", "T-002"), ("测评标准", ""), ("分值", 1), ("观测方式", "是否达标"),
                ("适用点位类别", "公园"), ("问题分类编码", "SJ0108")),
            Row(("测评项目", "测试项目"), ("测评内容", "测试内容"), ("标准编码", "T-003"), ("测评标准", "计数无阈值"), ("分值", 1), ("观测方式", "计数"),
                ("适用点位类别", "公园"), ("问题分类编码", "SJ0108")),
            Row(("测评项目", "测试项目"), ("测评内容", "测试内容"), ("标准编码", "T-004"), ("测评标准", "没有的类别"), ("分值", "两分"), ("观测方式", "是否达标"),
                ("适用点位类别", "游乐场"), ("问题分类编码", "SJ0108")),
            Row(("测评项目", "测试项目"), ("测评内容", "测试内容"), ("标准编码", "T-005"), ("测评标准", "大类不是末级"), ("分值", 1), ("观测方式", "是否达标"),
                ("适用点位类别", "公园"), ("问题分类编码", "SJ01")),
            Row(("测评项目", "测试项目"), ("测评内容", "测试内容"), ("标准编码", "T-001"), ("测评标准", "重复"), ("分值", 1), ("观测方式", "目测"),
                ("适用点位类别", "公园"), ("问题分类编码", "SJ0108"), ("启用", "也许")),
        ]);
        var response = await Upload(admin, "/api/v1/standards/import", sheet);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = Errors(await response.Json());
        Assert.DoesNotContain(errors, e => e.StartsWith("第 2 行", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("第 3 行", StringComparison.Ordinal) && e.Contains("测评标准必填"));
        Assert.Contains(errors, e => e.StartsWith("第 4 行", StringComparison.Ordinal) && e.Contains("阈值"));
        Assert.Contains(errors, e => e.StartsWith("第 5 行", StringComparison.Ordinal) && e.Contains("游乐场"));
        Assert.Contains(errors, e => e.StartsWith("第 5 行", StringComparison.Ordinal) && e.Contains("不是数字"));
        Assert.Contains(errors, e => e.StartsWith("第 6 行", StringComparison.Ordinal) && e.Contains("末级"));
        Assert.Contains(errors, e => e.StartsWith("第 7 行", StringComparison.Ordinal) && e.Contains("重复"));
        Assert.Contains(errors, e => e.StartsWith("第 7 行", StringComparison.Ordinal) && e.Contains("观测方式"));
        Assert.Contains(errors, e => e.StartsWith("第 7 行", StringComparison.Ordinal) && e.Contains("是”或“否"));
        Assert.Equal(before, await CountAsync(admin));
        Assert.DoesNotContain((await admin.GetJson("/api/v1/standards")).EnumerateArray(), p => p.GetProperty("name").GetString() == "测试项目");
    }

    [Fact]
    public async Task Export_then_import_round_trips_and_upserts()
    {
        var admin = await app.ClientAs("admin");
        var export = await admin.Get("/api/v1/standards/export.xlsx");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        await using var stream = await export.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
        var rows = ExcelSheet.Read(stream);
        Assert.Equal(await CountAsync(admin), rows.Count);
        var butts = rows.Single(r => r["标准编码"] == "HJ-102");
        Assert.Equal("计数", butts["观测方式"]);
        Assert.Equal("5", butts["阈值"]);
        Assert.Contains("背街小巷", butts["适用点位类别"]);

        var changed = rows.Select(r => (IDictionary<string, object?>)r.Cells.ToDictionary(c => c.Key, c => (object?)c.Value)).ToList();
        var row = changed.Single(r => (string?)r["标准编码"] == "ZX-202");
        row["阈值"] = "3";
        row["适用点位类别"] = "主次干道、商业大街";
        changed.Add(Row(("测评项目", "城市环境卫生"), ("测评内容", "导入的新内容"), ("标准编码", "T-900"), ("测评标准", "导入的新标准"), ("分值", 1.5),
            ("观测方式", "评分"), ("满分", 10), ("适用点位类别", "公园、GCCS"), ("问题分类编码", "sj0106")));
        var response = await Upload(admin, "/api/v1/standards/import", ExcelSheet.Write(changed));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Json();
        Assert.Equal(1, result.GetProperty("created").GetInt32());
        Assert.Equal(rows.Count, result.GetProperty("updated").GetInt32());

        var tree = await admin.GetJson("/api/v1/standards");
        var project = tree.EnumerateArray().Single(p => p.GetProperty("name").GetString() == "城市环境卫生");
        var content = project.GetProperty("contents").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "导入的新内容");
        var created = content.GetProperty("standards")[0];
        Assert.Equal(6, created.GetProperty("passScore").GetInt32());
        Assert.Equal(["GY", "GCCS"], created.GetProperty("pointCategories").EnumerateArray().Select(c => c.GetProperty("code").GetString()!));
        var backStreets = await admin.GetJson("/api/v1/standards?pointCategoryCode=BJXX");
        Assert.DoesNotContain("ZX-202", backStreets.ToString());
        var roads = await admin.GetJson("/api/v1/standards?pointCategoryCode=ZCGD");
        var parking = roads.EnumerateArray().SelectMany(p => p.GetProperty("contents").EnumerateArray())
            .SelectMany(c => c.GetProperty("standards").EnumerateArray()).Single(x => x.GetProperty("code").GetString() == "ZX-202");
        Assert.Equal(3, parking.GetProperty("threshold").GetInt32());
    }

    [Fact]
    public async Task Only_administrators_import_the_index()
    {
        var street = await app.ClientAs("street01");
        var sheet = ExcelSheet.Write([Row(("测评项目", "越权"), ("测评内容", "越权"), ("标准编码", "X-1"), ("测评标准", "越权"), ("分值", 1),
            ("适用点位类别", "公园"), ("问题分类编码", "SJ0108"))]);
        Assert.Equal(HttpStatusCode.Forbidden, (await Upload(street, "/api/v1/standards/import", sheet)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().Get("/api/v1/standards")).StatusCode);
    }

    private static async Task<int> CountAsync(HttpClient client) =>
        (await client.GetJson("/api/v1/standards")).EnumerateArray().Sum(p => p.GetProperty("contents").EnumerateArray()
            .Sum(c => c.GetProperty("standards").GetArrayLength()));
}

public sealed class IndexApiTestsOnSqlite(SqliteApp app) : IndexApiTests<SqliteApp>(app);

public sealed class IndexApiTestsOnPostgres(PostgresApp app) : IndexApiTests<PostgresApp>(app);
