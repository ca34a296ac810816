using System.Net;
using System.Text.RegularExpressions;
using CivicGrid.Platform;
using CivicGrid.Tests.Infrastructure;

namespace CivicGrid.Tests.Organization;

public abstract partial class OrganizationApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CivicGridApp
{
    [GeneratedRegex(@"1[3-9]\d{9}")]
    private static partial Regex FullMobile();

    [Fact]
    public async Task People_lists_never_show_a_full_mobile_number()
    {
        var admin = await app.ClientAs("admin");
        var response = await admin.Get("/api/v1/people?pageSize=200");
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotMatch(FullMobile(), text);
        Assert.Matches(@"1\d\d\*{4}\d{4}", text);

        var teams = await admin.Get("/api/v1/teams");
        Assert.DoesNotMatch(FullMobile(), await teams.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Command_structure_has_headquarters_office_groups_of_the_contract()
    {
        var admin = await app.ClientAs("admin");
        var teams = (await admin.GetJson("/api/v1/teams")).EnumerateArray().ToList();
        var kinds = teams.GroupBy(t => t.GetProperty("kindName").GetString()).ToDictionary(g => g.Key!, g => g.Count());
        Assert.Equal(1, kinds["指挥部"]);
        Assert.Equal(1, kinds["办公室"]);
        Assert.Equal(11, kinds["专项组"]);
        Assert.Equal(26, kinds["督导组"]);
        Assert.Single(teams, t => t.GetProperty("name").GetString() == "综合督导组");

        var street = await app.ClientAs("street01");
        var visible = (await street.GetJson("/api/v1/teams?kind=督导组")).EnumerateArray()
            .Where(t => t.GetProperty("regionCodes").EnumerateArray().All(c => c.GetString()!.Length == 9)).ToList();
        Assert.Single(visible);
        Assert.Equal("110199001", visible[0].GetProperty("regionCodes")[0].GetString());
    }

    [Fact]
    public async Task Unit_import_reports_every_bad_row_and_writes_nothing()
    {
        var admin = await app.ClientAs("admin");
        var before = (await admin.GetJson("/api/v1/units")).GetProperty("total").GetInt32();
        var sheet = ExcelSheet.Write(
        [
            Row(("编码", "IMP-1"), ("名称", "区城管执法队"), ("类型", "职能部门"), ("所属区域编码", "110199"), ("电话", "010-69991234")),
            Row(("编码", "IMP-2"), ("名称", ""), ("类型", "职能部门"), ("所属区域编码", "110199")),
            Row(("编码", "IMP-3"), ("名称", "某单位"), ("类型", "外星机构"), ("所属区域编码", "110199")),
            Row(("编码", "IMP-4"), ("名称", "某单位"), ("类型", "学校"), ("所属区域编码", "999999999")),
            Row(("编码", "IMP-1"), ("名称", "重复"), ("类型", "学校"), ("所属区域编码", "110199"), ("电话", "12345")),
        ]);
        var response = await Upload(admin, "/api/v1/units/import", sheet);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Json();
        var errors = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("where").GetString() + e.GetProperty("message").GetString()).ToList();
        Assert.Contains(errors, e => e.StartsWith("第 3 行", StringComparison.Ordinal) && e.Contains("名称"));
        Assert.Contains(errors, e => e.StartsWith("第 4 行", StringComparison.Ordinal) && e.Contains("类型"));
        Assert.Contains(errors, e => e.StartsWith("第 5 行", StringComparison.Ordinal) && e.Contains("999999999"));
        Assert.Contains(errors, e => e.StartsWith("第 6 行", StringComparison.Ordinal) && e.Contains("重复"));
        Assert.Contains(errors, e => e.StartsWith("第 6 行", StringComparison.Ordinal) && e.Contains("电话"));
        Assert.DoesNotContain(errors, e => e.StartsWith("第 2 行", StringComparison.Ordinal));
        Assert.Equal(before, (await admin.GetJson("/api/v1/units")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Valid_unit_and_people_import_upserts_and_shows_in_lists()
    {
        var admin = await app.ClientAs("admin");
        var units = ExcelSheet.Write(
        [
            Row(("编码", "IMP-OK-1"), ("名称", "示例区第一中学"), ("类型", "学校"), ("所属区域编码", "110199001"), ("电话", "010-69995678"), ("地址", "青年路 1 号")),
            Row(("编码", "D02"), ("名称", "区环境卫生服务中心（更名）"), ("类型", "职能部门"), ("所属区域编码", "110199")),
        ]);
        var response = await Upload(admin, "/api/v1/units/import", units);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Json();
        Assert.Equal(1, result.GetProperty("created").GetInt32());
        Assert.Equal(1, result.GetProperty("updated").GetInt32());
        var school = (await admin.GetJson("/api/v1/units?q=IMP-OK-1")).GetProperty("items")[0];
        Assert.Equal("学校", school.GetProperty("kindName").GetString());

        var people = ExcelSheet.Write(
        [
            Row(("姓名", "赵校长"), ("单位编码", "IMP-OK-1"), ("职务", "校长"), ("手机号", "13912345678"), ("身份证号", "11010519491231002X")),
        ]);
        var imported = await Upload(admin, "/api/v1/people/import", people);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var person = (await admin.GetJson($"/api/v1/people?unitId={school.GetProperty("id").GetInt32()}")).GetProperty("items")[0];
        Assert.Equal("139****5678", person.GetProperty("phone").GetString());
        Assert.Equal("1101**********002X", person.GetProperty("idNumber").GetString());
    }

    [Fact]
    public async Task Garbage_upload_is_a_chinese_400()
    {
        var admin = await app.ClientAs("admin");
        var response = await Upload(admin, "/api/v1/units/import", "这不是表格"u8.ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(".xlsx", (await response.Json()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Export_is_an_excel_file_of_the_callers_units()
    {
        var street = await app.ClientAs("street01");
        var response = await street.Get("/api/v1/units/export.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
        var rows = ExcelSheet.Read(stream);
        Assert.Contains(rows, r => r["所属区域编码"] == "110199001");
        Assert.DoesNotContain(rows, r => r["所属区域编码"]!.StartsWith("110199002", StringComparison.Ordinal));
    }

    private static Dictionary<string, object?> Row(params (string Key, object? Value)[] cells) =>
        cells.ToDictionary(c => c.Key, c => c.Value);

    private static Task<HttpResponseMessage> Upload(HttpClient client, string url, byte[] content)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", "导入.xlsx" } };
        return client.PostAsync(url, form, TestContext.Current.CancellationToken);
    }
}

public sealed class OrganizationApiTestsOnSqlite(SqliteApp app) : OrganizationApiTests<SqliteApp>(app);

public sealed class OrganizationApiTestsOnPostgres(PostgresApp app) : OrganizationApiTests<PostgresApp>(app);
