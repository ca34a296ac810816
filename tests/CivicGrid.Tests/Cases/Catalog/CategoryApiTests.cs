using System.Net;
using System.Text.Json;
using CivicGrid.Platform;
using CivicGrid.Tests.Infrastructure;

namespace CivicGrid.Tests.Cases.Catalog;

public abstract class CategoryApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CivicGridApp
{
    [Fact]
    public async Task Catalog_has_the_contract_shape()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().Get("/api/v1/categories")).StatusCode);
        var client = await app.ClientAs("resident");
        var items = (await client.GetJson("/api/v1/categories")).EnumerateArray().ToList();
        Assert.True(items.Count >= 72, $"只有 {items.Count} 个分类");
        Assert.All(items, c => Assert.Equal(["code", "name", "parentCode", "kind", "timeLimit"], c.EnumerateObject().Select(p => p.Name)));
        Assert.All(items, c => Assert.Contains(c.GetProperty("kind").GetString(), new[] { "部件", "事件" }));
        var byCode = items.ToDictionary(c => c.GetProperty("code").GetString()!);
        Assert.Equal(JsonValueKind.Null, byCode["SJ04"].GetProperty("timeLimit").ValueKind);
        Assert.Equal(JsonValueKind.Null, byCode["SJ04"].GetProperty("parentCode").ValueKind);
        var vending = byCode["SJ0401"];
        Assert.Equal("占道经营", vending.GetProperty("name").GetString());
        Assert.Equal("SJ04", vending.GetProperty("parentCode").GetString());
        Assert.Equal("事件", vending.GetProperty("kind").GetString());
        Assert.Equal(4, vending.GetProperty("timeLimit").GetProperty("value").GetInt32());
        Assert.Equal("工作时", vending.GetProperty("timeLimit").GetProperty("unit").GetString());
        Assert.Equal("工作日", byCode["BJ0202"].GetProperty("timeLimit").GetProperty("unit").GetString());
        Assert.Equal("部件", byCode["BJ0202"].GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Detail_shows_criteria_keywords_and_default_department()
    {
        var client = await app.ClientAs("dispatcher");
        var detail = await client.GetJson("/api/v1/categories/SJ0414");
        Assert.Contains("飞线", detail.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()));
        Assert.Contains("楼道", detail.GetProperty("registerCriteria").GetString());
        Assert.Equal("村居委会", detail.GetProperty("defaultUnitKind").GetString());
        var manhole = await client.GetJson("/api/v1/categories/BJ0101");
        Assert.Equal("区水务局", manhole.GetProperty("defaultDepartmentName").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.Get("/api/v1/categories/SJ9999")).StatusCode);
    }

    [Fact]
    public async Task Administrator_creates_updates_disables_and_enables_a_category()
    {
        var admin = await app.ClientAs("admin");
        var body = new
        {
            code = "SJ0690",
            name = "测试分类",
            timeLimit = new { value = 2, unit = "工作日" },
            registerCriteria = "测试立案条件",
            closeCriteria = "测试结案条件",
            defaultDepartmentCode = "D01",
            keywords = new[] { "测试", "试一试、再试" },
        };
        var created = await admin.Post("/api/v1/categories", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var json = await created.Json();
        Assert.Equal(["测试", "试一试", "再试"], json.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()!));
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.Post("/api/v1/categories", body)).StatusCode);

        var updated = await admin.Put("/api/v1/categories/SJ0690", body with { name = "测试分类（改）", timeLimit = new { value = 6, unit = "工作时" } });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var listed = (await admin.GetJson("/api/v1/categories")).EnumerateArray().Single(c => c.GetProperty("code").GetString() == "SJ0690");
        Assert.Equal("测试分类（改）", listed.GetProperty("name").GetString());
        Assert.Equal("工作时", listed.GetProperty("timeLimit").GetProperty("unit").GetString());

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync(new Uri("/api/v1/categories/SJ0690/disable", UriKind.Relative), null, TestContext.Current.CancellationToken)).StatusCode);
        Assert.DoesNotContain((await admin.GetJson("/api/v1/categories")).EnumerateArray(), c => c.GetProperty("code").GetString() == "SJ0690");
        Assert.Contains((await admin.GetJson("/api/v1/categories?includeDisabled=true")).EnumerateArray(), c => c.GetProperty("code").GetString() == "SJ0690");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync(new Uri("/api/v1/categories/SJ0690/enable", UriKind.Relative), null, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Contains((await admin.GetJson("/api/v1/categories")).EnumerateArray(), c => c.GetProperty("code").GetString() == "SJ0690");
    }

    [Fact]
    public async Task Non_administrators_cannot_change_the_catalog()
    {
        var street = await app.ClientAs("street01");
        var response = await street.Post("/api/v1/categories", new { code = "SJ0691", name = "越权", timeLimit = new { value = 1, unit = "工作日" }, defaultDepartmentCode = "D01" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await street.PostAsync(new Uri("/api/v1/categories/SJ0401/disable", UriKind.Relative), null, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Bad_categories_are_refused_with_chinese_messages()
    {
        var admin = await app.ClientAs("admin");
        var response = await admin.Post("/api/v1/categories", new { code = "XJ01", name = "", timeLimit = new { value = 3, unit = "周" } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = Errors(await response.Json());
        Assert.Contains(errors, e => e.Contains("格式不正确", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("名称必填", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("时限单位", StringComparison.Ordinal));

        var noLimit = await admin.Post("/api/v1/categories", new { code = "SJ0692", name = "无时限", defaultDepartmentCode = "D01" });
        Assert.Contains(Errors(await noLimit.Json()), e => e.Contains("处置时限", StringComparison.Ordinal));
        var orphan = await admin.Post("/api/v1/categories", new { code = "SJ0901", name = "无上级", timeLimit = new { value = 1, unit = "工作日" }, defaultDepartmentCode = "D01" });
        Assert.Contains("上级分类", (await orphan.Json()).GetProperty("detail").GetString());
        var badDept = await admin.Post("/api/v1/categories", new { code = "SJ0693", name = "部门不存在", timeLimit = new { value = 1, unit = "工作日" }, defaultDepartmentCode = "D99" });
        Assert.Contains("D99", (await badDept.Json()).GetProperty("detail").GetString());
        var rename = await admin.Put("/api/v1/categories/SJ0401", new { code = "SJ0402", name = "改编码", timeLimit = new { value = 1, unit = "工作日" }, defaultDepartmentCode = "D01" });
        Assert.Equal(HttpStatusCode.BadRequest, rename.StatusCode);
    }

    [Fact]
    public async Task Import_reports_every_bad_row_and_writes_nothing()
    {
        var admin = await app.ClientAs("admin");
        var before = (await admin.GetJson("/api/v1/categories")).GetArrayLength();
        var sheet = ExcelSheet.Write(
        [
            Row(("编码", "SJ0680"), ("名称", "导入好行"), ("时限", 2), ("时限单位", "工作日"), ("默认责任部门编码", "D02"), ("关键词", "好、行")),
            Row(("编码", "SJ0681"), ("名称", ""), ("时限", 2), ("时限单位", "工作日"), ("默认责任部门编码", "D02")),
            Row(("编码", "SJ0682"), ("名称", "坏单位"), ("时限", "三"), ("时限单位", "工作日"), ("默认责任部门编码", "D02")),
            Row(("编码", "SJ0683"), ("名称", "坏部门"), ("时限", 2), ("时限单位", "工作日"), ("默认责任部门编码", "X99")),
            Row(("编码", "SJ0680"), ("名称", "重复"), ("时限", 2), ("时限单位", "工作日"), ("默认责任部门编码", "D02"), ("启用", "也许")),
            Row(("编码", "SJ9901"), ("名称", "无上级"), ("时限", 2), ("时限单位", "工作日"), ("默认责任部门编码", "D02")),
        ]);
        var response = await Upload(admin, sheet);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Json()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("where").GetString() + e.GetProperty("message").GetString()).ToList();
        Assert.DoesNotContain(errors, e => e.StartsWith("第 2 行", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("第 3 行", StringComparison.Ordinal) && e.Contains("名称"));
        Assert.Contains(errors, e => e.StartsWith("第 4 行", StringComparison.Ordinal) && e.Contains("整数"));
        Assert.Contains(errors, e => e.StartsWith("第 5 行", StringComparison.Ordinal) && e.Contains("X99"));
        Assert.Contains(errors, e => e.StartsWith("第 6 行", StringComparison.Ordinal) && e.Contains("重复"));
        Assert.Contains(errors, e => e.StartsWith("第 6 行", StringComparison.Ordinal) && e.Contains("是”或“否"));
        Assert.Contains(errors, e => e.StartsWith("第 7 行", StringComparison.Ordinal) && e.Contains("SJ99"));
        Assert.Equal(before, (await admin.GetJson("/api/v1/categories")).GetArrayLength());
    }

    [Fact]
    public async Task Export_then_import_round_trips_and_upserts()
    {
        var admin = await app.ClientAs("admin");
        var export = await admin.Get("/api/v1/categories/export.xlsx");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        await using var stream = await export.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
        var rows = ExcelSheet.Read(stream);
        var vending = rows.Single(r => r["编码"] == "SJ0401");
        Assert.Equal("占道经营", vending["名称"]);
        Assert.Equal("工作时", vending["时限单位"]);
        Assert.Contains("摆摊", vending["关键词"]);
        var ad = rows.Single(r => r["编码"] == "SJ0206");

        var sheet = ExcelSheet.Write(
        [
            Row(("编码", "SJ0206"), ("名称", ad["名称"]), ("时限", 6), ("时限单位", "工作时"), ("立案条件", ad["立案条件"]), ("结案条件", ad["结案条件"]),
                ("默认责任部门编码", "D01"), ("关键词", ad["关键词"] + "、广告大喇叭车"), ("接受公众上报", "是"), ("不满意可重办", "否"), ("启用", "是")),
            Row(("编码", "SJ07"), ("名称", "导入大类"), ("启用", "是")),
            Row(("编码", "SJ0701"), ("名称", "导入小类"), ("时限", 1), ("时限单位", "工作日"), ("默认责任单位类型", "镇街办事处"), ("关键词", "导入")),
        ]);
        var response = await Upload(admin, sheet);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Json();
        Assert.Equal(2, result.GetProperty("created").GetInt32());
        Assert.Equal(1, result.GetProperty("updated").GetInt32());
        var detail = await admin.GetJson("/api/v1/categories/SJ0206");
        Assert.Equal(6, detail.GetProperty("timeLimit").GetProperty("value").GetInt32());
        Assert.False(detail.GetProperty("reopenOnDissatisfied").GetBoolean());
        Assert.Contains("广告大喇叭车", detail.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()));
        var leaf = await admin.GetJson("/api/v1/categories/SJ0701");
        Assert.Equal("SJ07", leaf.GetProperty("parentCode").GetString());
    }

    private static List<string> Errors(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("message").GetString()!).ToList();

    private static Dictionary<string, object?> Row(params (string Key, object? Value)[] cells) => cells.ToDictionary(c => c.Key, c => c.Value);

    private static Task<HttpResponseMessage> Upload(HttpClient client, byte[] content)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", "分类.xlsx" } };
        return client.PostAsync(new Uri("/api/v1/categories/import", UriKind.Relative), form, TestContext.Current.CancellationToken);
    }
}

public sealed class CategoryApiTestsOnSqlite(SqliteApp app) : CategoryApiTests<SqliteApp>(app);

public sealed class CategoryApiTestsOnPostgres(PostgresApp app) : CategoryApiTests<PostgresApp>(app);
