using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CivicGrid.Platform;
using CivicGrid.Tests.Infrastructure;
using static CivicGrid.Tests.Standards.StandardsTestData;

namespace CivicGrid.Tests.Standards;

public abstract partial class PointApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CivicGridApp
{
    [GeneratedRegex(@"^1[3-9]\d\*{4}\d{4}$")]
    private static partial Regex MaskedMobile();

    [Fact]
    public async Task List_has_the_contract_shape_and_pages()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().Get("/api/v1/points")).StatusCode);
        var admin = await app.ClientAs("admin");
        var first = await admin.GetJson("/api/v1/points?page=1&pageSize=50");
        Assert.Equal(["items", "total", "page", "pageSize"], first.EnumerateObject().Select(p => p.Name));
        Assert.InRange(first.GetProperty("total").GetInt32(), 550, 650);
        Assert.Equal(50, first.GetProperty("items").GetArrayLength());
        Assert.All(first.GetProperty("items").EnumerateArray(), p =>
        {
            Assert.Equal(["code", "name", "categoryName", "regionCode", "lon", "lat"], p.EnumerateObject().Select(x => x.Name));
            Assert.Matches(@"^110199\d{9}$", p.GetProperty("regionCode").GetString());
            Assert.InRange(p.GetProperty("lon").GetDouble(), 116.45, 116.85);
            Assert.InRange(p.GetProperty("lat").GetDouble(), 40.00, 40.25);
        });
        var second = await admin.GetJson("/api/v1/points?page=2&pageSize=50");
        Assert.Equal(2, second.GetProperty("page").GetInt32());
        Assert.Empty(Codes(first).Intersect(Codes(second)));
        Assert.Equal(200, (await admin.GetJson("/api/v1/points?pageSize=1000")).GetProperty("pageSize").GetInt32());
        var last = await admin.GetJson("/api/v1/points?page=1000");
        Assert.Equal(0, last.GetProperty("items").GetArrayLength());
        Assert.Equal(first.GetProperty("total").GetInt32(), last.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task List_filters_by_category_and_region()
    {
        var admin = await app.ClientAs("admin");
        var markets = await admin.GetJson("/api/v1/points?categoryCode=NMSC&pageSize=200");
        Assert.InRange(markets.GetProperty("total").GetInt32(), 25, 35);
        Assert.All(markets.GetProperty("items").EnumerateArray(), p => Assert.Equal("农贸市场（集贸市场）", p.GetProperty("categoryName").GetString()));
        Assert.Contains(markets.GetProperty("items").EnumerateArray(), p => p.GetProperty("name").GetString() == "东坝镇农贸市场");
        var dongba = markets.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "东坝镇农贸市场");
        Assert.StartsWith(OwnTown, dongba.GetProperty("regionCode").GetString());

        var inTown = await admin.GetJson($"/api/v1/points?regionCode={OwnTown}&pageSize=200");
        Assert.True(inTown.GetProperty("total").GetInt32() > 5);
        Assert.All(inTown.GetProperty("items").EnumerateArray(), p => Assert.StartsWith(OwnTown, p.GetProperty("regionCode").GetString()));
        var both = await admin.GetJson($"/api/v1/points?regionCode={OwnTown}&categoryCode=NMSC");
        Assert.Contains("东坝镇农贸市场", Names(both));

        var roads = await admin.GetJson("/api/v1/points?categoryCode=ZCGD&pageSize=5");
        Assert.Matches(@"^.+(路|街)\(.+-.+\)$", roads.GetProperty("items")[0].GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.Get("/api/v1/points?categoryCode=NOPE")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.Get("/api/v1/points?regionCode=12")).StatusCode);
    }

    [Fact]
    public async Task Demo_places_lie_in_the_town_they_are_named_after()
    {
        var admin = await app.ClientAs("admin");
        var towns = (await admin.GetJson("/api/v1/regions/110199/children")).EnumerateArray()
            .Select(t => (Code: t.GetProperty("code").GetString()!, Name: t.GetProperty("name").GetString()!)).ToList();
        var checkedCount = 0;
        foreach (var category in new[] { "NMSC", "ZXXX", "YY", "GGGC" })
        {
            var points = await admin.GetJson($"/api/v1/points?categoryCode={category}&pageSize=200");
            foreach (var p in points.GetProperty("items").EnumerateArray())
            {
                var name = p.GetProperty("name").GetString()!;
                if (towns.FirstOrDefault(t => name.StartsWith(t.Name, StringComparison.Ordinal)) is { Code: not null } town)
                {
                    Assert.True(p.GetProperty("regionCode").GetString()!.StartsWith(town.Code, StringComparison.Ordinal), $"{name} 不在{town.Name}");
                    checkedCount++;
                }
            }
        }

        Assert.True(checkedCount >= 60, $"只核对了 {checkedCount} 个以镇街命名的点位");
    }

    [Fact]
    public async Task Street_office_sees_and_changes_only_its_own_points()
    {
        var admin = await app.ClientAs("admin");
        var street = await app.ClientAs("street01");
        var own = await street.GetJson("/api/v1/points?pageSize=200");
        Assert.True(own.GetProperty("total").GetInt32() > 5);
        Assert.All(own.GetProperty("items").EnumerateArray(), p => Assert.StartsWith(OwnTown, p.GetProperty("regionCode").GetString()));
        Assert.True(own.GetProperty("total").GetInt32() < (await admin.GetJson("/api/v1/points")).GetProperty("total").GetInt32());

        Assert.Equal(HttpStatusCode.Forbidden, (await street.Get($"/api/v1/points?regionCode={OtherTown}")).StatusCode);
        var foreign = await FirstPointAsync(app, "SQXQ", OtherTown);
        var foreignCode = foreign.GetProperty("code").GetString()!;
        Assert.Equal(HttpStatusCode.NotFound, (await street.Get($"/api/v1/points/{foreignCode}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await street.Get($"/api/v1/points/{foreignCode}/qr.png")).StatusCode);
        var detail = await admin.GetJson($"/api/v1/points/{foreignCode}");
        var hijack = await street.Put($"/api/v1/points/{foreignCode}", Body(detail) with { name = "越权修改" });
        Assert.Contains(hijack.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Forbidden });
        Assert.Equal(detail.GetProperty("name").GetString(), (await admin.GetJson($"/api/v1/points/{foreignCode}")).GetProperty("name").GetString());

        // A point placed in another 镇街 is refused; one in his own is created there.
        var otherCell = await CellCentreAsync(admin, OtherTown);
        var intoOther = await street.Post("/api/v1/points", new { name = "越权点位", categoryCode = "GY", lon = otherCell.Lon, lat = otherCell.Lat, responsibleUnitCode = "S" + OwnTown });
        Assert.Equal(HttpStatusCode.Forbidden, intoOther.StatusCode);
        var ownCell = await CellCentreAsync(admin, OwnTown);
        var created = await street.Post("/api/v1/points", new
        {
            name = "东坝镇口袋公园",
            categoryCode = "GY",
            lon = ownCell.Lon,
            lat = ownCell.Lat,
            responsibleUnitCode = "S" + OwnTown,
            responsiblePerson = "王建华",
            contactPhone = "13812345678",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var json = await created.Json();
        Assert.StartsWith("GY-", json.GetProperty("code").GetString());
        Assert.StartsWith(OwnTown, json.GetProperty("regionCode").GetString());
        Assert.Equal("13812345678", json.GetProperty("contactPhone").GetString());
        Assert.EndsWith(json.GetProperty("code").GetString()!, created.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Contact_phone_is_masked_for_those_who_do_not_act_on_the_point()
    {
        var point = await FirstPointAsync(app, "NMSC", OwnTown);
        var code = point.GetProperty("code").GetString()!;
        foreach (var user in new[] { "admin", "dispatcher", "inspector", "street01" })
        {
            var detail = await (await app.ClientAs(user)).GetJson($"/api/v1/points/{code}");
            Assert.Matches(@"^1\d{10}$", detail.GetProperty("contactPhone").GetString());
        }

        foreach (var user in new[] { "leader", "handler.cg" })
        {
            var detail = await (await app.ClientAs(user)).GetJson($"/api/v1/points/{code}");
            Assert.Matches(MaskedMobile(), detail.GetProperty("contactPhone").GetString());
            Assert.True(detail.GetProperty("contactMasked").GetBoolean());
        }

        Assert.Equal(0, (await (await app.ClientAs("resident")).GetJson("/api/v1/points")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Update_keeps_the_code_checks_the_version_and_reports_chinese_errors()
    {
        var admin = await app.ClientAs("admin");
        var code = (await FirstPointAsync(app, "BJXX", OwnTown)).GetProperty("code").GetString()!;
        var detail = await admin.GetJson($"/api/v1/points/{code}");
        Assert.Equal("line", detail.GetProperty("shape").GetString());
        Assert.True(detail.GetProperty("line").GetArrayLength() >= 2);
        var body = Body(detail);

        var renamed = await admin.Put($"/api/v1/points/{code}", body with { name = detail.GetProperty("name").GetString() + "（改）" });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal(body.version + 1, (await renamed.Json()).GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, (await admin.Put($"/api/v1/points/{code}", body)).StatusCode);
        var recoded = await admin.Put($"/api/v1/points/{code}", body with { code = "BJXX-9999", version = body.version + 1 });
        Assert.Equal(HttpStatusCode.BadRequest, recoded.StatusCode);

        var bad = await admin.Post("/api/v1/points", new { name = "", categoryCode = "NOPE", lon = 10.0, lat = 10.0, responsibleUnitCode = "D01", contactPhone = "12345" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var messages = string.Join("|", (await bad.Json()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("message").GetString()));
        Assert.Contains("名称必填", messages);
        Assert.Contains("联系电话", messages);
        var outside = await admin.Post("/api/v1/points", new { name = "区外", categoryCode = "GY", lon = 10.0, lat = 10.0, responsibleUnitCode = "D07" });
        Assert.Contains("不在任何单元网格内", (await outside.Json()).ToString());
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAs("leader")).Post("/api/v1/points", new { name = "领导", categoryCode = "GY" })).StatusCode);
    }

    [Fact]
    public async Task Point_import_reports_bad_rows_writes_nothing_then_imports_a_street()
    {
        var street = await app.ClientAs("street01");
        var admin = await app.ClientAs("admin");
        var before = (await admin.GetJson("/api/v1/points?status=all")).GetProperty("total").GetInt32();
        var own = await CellCentreAsync(admin, OwnTown);
        var other = await CellCentreAsync(admin, OtherTown);
        string Line(double lon, double lat) => FormattableString.Invariant($"{lon - 0.001},{lat};{lon + 0.001},{lat}");
        var bad = ExcelSheet.Write(
        [
            Row(("名称", "导入好行"), ("点位类别", "公园"), ("经度", own.Lon), ("纬度", own.Lat), ("责任单位编码", "S" + OwnTown)),
            Row(("名称", "别人的地盘"), ("点位类别", "公园"), ("经度", other.Lon), ("纬度", other.Lat), ("责任单位编码", "S" + OwnTown)),
            Row(("名称", "坏坐标"), ("点位类别", "背街小巷"), ("线路坐标", "116.5,abc"), ("责任单位编码", "S" + OwnTown)),
            Row(("名称", "坏单位"), ("点位类别", "游乐场"), ("经度", "东经"), ("纬度", own.Lat), ("责任单位编码", "X99"), ("联系电话", "110")),
            Row(("编码", "T-IMP-1"), ("名称", "重复一"), ("点位类别", "公园"), ("经度", own.Lon), ("纬度", own.Lat), ("责任单位编码", "S" + OwnTown)),
            Row(("编码", "T-IMP-1"), ("名称", "重复二"), ("点位类别", "公园"), ("经度", own.Lon), ("纬度", own.Lat), ("责任单位编码", "S" + OwnTown), ("状态", "报废")),
        ]);
        var response = await Upload(street, "/api/v1/points/import", bad);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = Errors(await response.Json());
        Assert.DoesNotContain(errors, e => e.StartsWith("第 2 行", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("第 3 行", StringComparison.Ordinal) && e.Contains("管辖范围"));
        Assert.Contains(errors, e => e.StartsWith("第 4 行", StringComparison.Ordinal) && e.Contains("线路坐标"));
        Assert.Contains(errors, e => e.StartsWith("第 5 行", StringComparison.Ordinal) && e.Contains("不是数字"));
        Assert.Contains(errors, e => e.StartsWith("第 5 行", StringComparison.Ordinal) && e.Contains("联系电话"));
        Assert.Contains(errors, e => e.StartsWith("第 7 行", StringComparison.Ordinal) && e.Contains("重复"));
        Assert.Contains(errors, e => e.StartsWith("第 7 行", StringComparison.Ordinal) && e.Contains("状态"));
        Assert.Equal(before, (await admin.GetJson("/api/v1/points?status=all")).GetProperty("total").GetInt32());

        var good = ExcelSheet.Write(
        [
            Row(("名称", "导入公园"), ("点位类别", "公园"), ("经度", own.Lon), ("纬度", own.Lat), ("责任单位编码", "S" + OwnTown), ("责任人", "李芳"), ("联系电话", "13900001111")),
            Row(("编码", "bjxx-t01"), ("名称", "导入胡同"), ("点位类别", "BJXX"), ("线路坐标", Line(own.Lon, own.Lat)), ("责任单位编码", "S" + OwnTown), ("状态", "停用")),
        ]);
        var imported = await Upload(street, "/api/v1/points/import", good);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(2, (await imported.Json()).GetProperty("created").GetInt32());
        var lane = await street.GetJson("/api/v1/points/bjxx-t01");
        Assert.Equal("inactive", lane.GetProperty("status").GetString());
        Assert.Equal(own.Lon, lane.GetProperty("lon").GetDouble(), 5);
        Assert.StartsWith(OwnTown, lane.GetProperty("regionCode").GetString());
        Assert.Equal(before + 2, (await admin.GetJson("/api/v1/points?status=all")).GetProperty("total").GetInt32());

        var export = await street.Get("/api/v1/points/export.xlsx");
        await using var stream = await export.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
        var rows = ExcelSheet.Read(stream);
        Assert.All(rows, r => Assert.StartsWith(OwnTown, r["单元网格编码"]));
        Assert.Contains(rows, r => r["编码"] == "BJXX-T01" && r["线路坐标"]!.Contains(';'));
    }

    private static async Task<(double Lon, double Lat)> CellCentreAsync(HttpClient admin, string town)
    {
        var community = (await admin.GetJson($"/api/v1/regions/{town}/children"))[0].GetProperty("code").GetString();
        var cell = (await admin.GetJson($"/api/v1/regions/{community}/children"))[0];
        return (cell.GetProperty("centerLon").GetDouble(), cell.GetProperty("centerLat").GetDouble());
    }

    private static PointBody Body(JsonElement d) => new(
        d.GetProperty("code").GetString(), d.GetProperty("name").GetString()!, d.GetProperty("categoryCode").GetString()!,
        d.GetProperty("lon").GetDouble(), d.GetProperty("lat").GetDouble(), d.GetProperty("lineText").GetString(), d.GetProperty("address").GetString(),
        d.GetProperty("responsibleUnit").GetProperty("code").GetString()!, d.GetProperty("responsiblePerson").GetString(),
        d.GetProperty("contactPhone").GetString(), d.GetProperty("status").GetString()!, d.GetProperty("version").GetInt32());

    private sealed record PointBody(string? code, string name, string categoryCode, double lon, double lat, string? line, string? address,
        string responsibleUnitCode, string? responsiblePerson, string? contactPhone, string status, int version);

    private static IEnumerable<string> Codes(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("code").GetString()!);

    private static IEnumerable<string> Names(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("name").GetString()!);
}

public sealed class PointApiTestsOnSqlite(SqliteApp app) : PointApiTests<SqliteApp>(app);

public sealed class PointApiTestsOnPostgres(PostgresApp app) : PointApiTests<PostgresApp>(app);
