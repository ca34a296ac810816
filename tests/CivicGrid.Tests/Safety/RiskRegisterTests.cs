using System.Net;
using System.Net.Http.Headers;
using CivicGrid.Platform;
using CivicGrid.Tests.Infrastructure;

namespace CivicGrid.Tests.Safety;

/// <summary>The mine's safety officer assesses hazards, imports and exports the risk list and sees the four-colour map.</summary>
public abstract class RiskRegisterTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CivicGridApp
{
    private async Task<(HttpClient Client, int MineId, int AreaId)> NewAreaAsync(string name)
    {
        var safety = await app.ClientAs("safety");
        var mineId = (await safety.GetJson("/api/v1/safety/enterprises"))[0].GetProperty("id").GetInt32();
        var area = await (await safety.Post($"/api/v1/safety/enterprises/{mineId}/areas", new { name, kind = "车间", planX = 40, planY = 80, planWidth = 10, planHeight = 10 })).Json();
        return (safety, mineId, area.GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task A_hazard_assessed_by_lec_colours_its_area_on_the_map()
    {
        var (safety, mineId, areaId) = await NewAreaAsync("压风机房");
        var map = await safety.GetJson($"/api/v1/safety/enterprises/{mineId}/risk-map");
        var before = map.EnumerateArray().Single(a => a.GetProperty("id").GetInt32() == areaId);
        Assert.Equal(0, before.GetProperty("hazards").GetInt32());

        var low = await safety.Post($"/api/v1/safety/enterprises/{mineId}/hazards", new { name = "噪声", areaId, method = "LEC", likelihood = 1, exposure = 6, consequence = 3 });
        Assert.Equal(HttpStatusCode.Created, low.StatusCode);
        Assert.Equal("低风险", (await low.Json()).GetProperty("level").GetString());
        var major = await (await safety.Post($"/api/v1/safety/enterprises/{mineId}/hazards",
            new { name = "储气罐超压爆炸", areaId, method = "LEC", likelihood = 3, exposure = 6, consequence = 40, owner = "机电队长", reviewDate = "2027-01-31" })).Json();
        Assert.Equal(720, major.GetProperty("score").GetDouble());
        Assert.Equal("重大风险", major.GetProperty("level").GetString());

        var after = (await safety.GetJson($"/api/v1/safety/enterprises/{mineId}/risk-map")).EnumerateArray().Single(a => a.GetProperty("id").GetInt32() == areaId);
        Assert.Equal("重大风险", after.GetProperty("level").GetString());
        Assert.Equal("#f5222d", after.GetProperty("colour").GetString());
        Assert.Equal(2, after.GetProperty("hazards").GetInt32());

        var listed = await safety.GetJson($"/api/v1/safety/enterprises/{mineId}/hazards?areaId={areaId}");
        Assert.Equal(["储气罐超压爆炸", "噪声"], listed.GetProperty("items").EnumerateArray().Select(h => h.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task A_value_outside_the_lec_tables_is_refused_and_nothing_is_written()
    {
        var (safety, mineId, areaId) = await NewAreaAsync("坑木加工房");
        var response = await safety.Post($"/api/v1/safety/enterprises/{mineId}/hazards", new { name = "电锯伤人", areaId, method = "LEC", likelihood = 4, exposure = 6, consequence = 15 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Json();
        Assert.Equal("likelihood", problem.GetProperty("errors")[0].GetProperty("where").GetString());
        Assert.Equal(0, (await safety.GetJson($"/api/v1/safety/enterprises/{mineId}/hazards?areaId={areaId}")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Matrix_hazards_are_relevelled_when_the_enterprise_changes_its_bands()
    {
        var admin = await app.ClientAs("admin");
        var created = await (await admin.Post("/api/v1/units", new { code = "E-BANDS-" + typeof(TApp).Name[..3], name = "示例建筑工地", kind = "企事业单位", regionCode = "110199002" })).Json();
        var siteId = created.GetProperty("id").GetInt32();
        var area = await (await admin.Post($"/api/v1/safety/enterprises/{siteId}/areas", new { name = "塔吊作业区", kind = "作业区" })).Json();
        var hazard = await (await admin.Post($"/api/v1/safety/enterprises/{siteId}/hazards",
            new { name = "塔吊倾覆", areaId = area.GetProperty("id").GetInt32(), method = "风险矩阵", likelihood = 4, severity = 4 })).Json();
        Assert.Equal("较大风险", hazard.GetProperty("level").GetString());

        var bad = await admin.Put($"/api/v1/safety/enterprises/{siteId}/settings", new { matrixMajorFrom = 10, matrixLargeFrom = 12, matrixGeneralFrom = 6 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var ok = await admin.Put($"/api/v1/safety/enterprises/{siteId}/settings", new { matrixMajorFrom = 16, matrixLargeFrom = 12, matrixGeneralFrom = 6 });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var list = await admin.GetJson($"/api/v1/safety/enterprises/{siteId}/hazards");
        Assert.Equal("重大风险", list.GetProperty("items")[0].GetProperty("level").GetString());
    }

    [Fact]
    public async Task Excel_import_reports_every_bad_row_and_writes_nothing_then_imports_and_exports()
    {
        var (safety, mineId, areaId) = await NewAreaAsync("乳化液泵站");
        Dictionary<string, object?> Row(string hazard, object? l, object? e, object? c, string area = "乳化液泵站") => new()
        {
            ["区域"] = area,
            ["作业任务"] = null,
            ["作业步骤"] = null,
            ["危险源"] = hazard,
            ["事故类型"] = "物体打击",
            ["评价方法"] = "LEC",
            ["L"] = l,
            ["E"] = e,
            ["C"] = c,
            ["S"] = null,
            ["工程技术措施"] = "安装防护罩",
            ["管理措施"] = null,
            ["培训教育措施"] = null,
            ["个体防护措施"] = null,
            ["应急处置措施"] = null,
            ["责任人"] = "泵站司机",
            ["复评日期"] = "2027-03-01",
        };

        var bad = ExcelSheet.Write([Row("高压管路爆裂", 3, 6, 15), Row("泵体漏液滑倒", 3, "很多", 1), Row("电机过热", 1, 6, 7, area: "不存在的区域")]);
        var response = await Upload(safety, mineId, bad);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var wheres = (await response.Json()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("where").GetString()).ToList();
        Assert.Equal(["第 3 行", "第 4 行"], wheres);
        Assert.Equal(0, (await safety.GetJson($"/api/v1/safety/enterprises/{mineId}/hazards?areaId={areaId}")).GetProperty("total").GetInt32());

        var good = ExcelSheet.Write([Row("高压管路爆裂", 3, 6, 15), Row("泵体漏液滑倒", 3, 6, 1)]);
        response = await Upload(safety, mineId, good);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await response.Json()).GetProperty("created").GetInt32());
        var listed = await safety.GetJson($"/api/v1/safety/enterprises/{mineId}/hazards?areaId={areaId}");
        Assert.Equal(["较大风险", "低风险"], listed.GetProperty("items").EnumerateArray().Select(h => h.GetProperty("level").GetString()));

        var export = await safety.Get($"/api/v1/safety/enterprises/{mineId}/hazards/export.xlsx");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var rows = ExcelSheet.Read(await export.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        var row = rows.Single(r => r["危险源"] == "高压管路爆裂");
        Assert.Equal("270", row["风险值"]);
        Assert.Equal("较大风险", row["风险等级"]);
        Assert.Equal("乳化液泵站", row["区域"]);
    }

    private static async Task<HttpResponseMessage> Upload(HttpClient client, int mineId, byte[] bytes)
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(file, "file", "risks.xlsx");
        return await client.PostAsync($"/api/v1/safety/enterprises/{mineId}/hazards/import", content, TestContext.Current.CancellationToken);
    }
}

public sealed class RiskRegisterTestsOnSqlite(SqliteApp app) : RiskRegisterTests<SqliteApp>(app);

public sealed class RiskRegisterTestsOnPostgres(PostgresApp app) : RiskRegisterTests<PostgresApp>(app);
