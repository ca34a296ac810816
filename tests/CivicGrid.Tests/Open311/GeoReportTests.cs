using System.Globalization;
using System.Net;
using System.Text.Json;
using CivicGrid.Tests.Infrastructure;

namespace CivicGrid.Tests.Open311;

/// <summary>The GeoReport v2 server end to end: every resource in JSON (schema-checked) and XML, and the case it feeds.</summary>
public abstract class GeoReportTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CivicGridApp
{
    public const string DemoKey = "demo-open311-key";

    // Outside the first 镇街, 占道经营 goes by the district rule to 区城市管理局 (whose handler is handler.cg).
    private const string ThirdTownCommunity = "110199003001";

    private Open311Client Client() => new(app.Anonymous());

    private async Task<(string Lon, string Lat, string Cell)> PointAsync(string community = ThirdTownCommunity)
    {
        var cell = (await (await app.ClientAs("admin")).GetJson($"/api/v1/regions/{community}/children"))[0];
        return (cell.GetProperty("centerLon").GetDouble().ToString("R", CultureInfo.InvariantCulture),
            cell.GetProperty("centerLat").GetDouble().ToString("R", CultureInfo.InvariantCulture), cell.GetProperty("code").GetString()!);
    }

    private async Task<List<KeyValuePair<string, string>>> StallFormAsync(string description = "菜市场东门人行道上有人摆摊卖水果，行人只能走机动车道")
    {
        var (lon, lat, _) = await PointAsync();
        return
        [
            new("api_key", DemoKey), new("jurisdiction_id", "110199"), new("service_code", "SJ0401"), new("lat", lat), new("long", lon),
            new("description", description), new("attribute[STALL_TYPE]", "mobile"),
        ];
    }

    [Fact]
    public async Task Discovery_and_services_answer_in_both_formats()
    {
        var client = Client();
        var (status, discovery) = await client.GetJsonAsync("discovery.json", "discovery.json");
        Assert.Equal(HttpStatusCode.OK, status);
        var endpoint = discovery.GetProperty("endpoints")[0];
        Assert.EndsWith("/open311/v2", endpoint.GetProperty("url").GetString());
        var (_, discoveryXml) = await client.GetXmlAsync("discovery.xml");
        Assert.Equal("discovery", discoveryXml.Name.LocalName);
        Open311Client.AssertChildren(discoveryXml, ["changeset", "contact", "key_service", "endpoints"], ["changeset", "contact", "endpoints"]);
        Open311Client.AssertList(discoveryXml.Element("endpoints")!, "endpoint", e =>
        {
            Open311Client.AssertChildren(e, ["specification", "url", "changeset", "type", "formats"], ["specification", "url", "changeset", "type", "formats"]);
            Open311Client.AssertList(e.Element("formats")!, "format", f => Assert.Contains(f.Value, new[] { "text/xml", "application/json" }));
        });

        var (_, services) = await client.GetJsonAsync("services.json?jurisdiction_id=110199", "services.json");
        var byCode = services.EnumerateArray().ToDictionary(s => s.GetProperty("service_code").GetString()!);
        Assert.True(byCode.Count > 50, $"只有 {byCode.Count} 个服务");
        var stall = byCode["SJ0401"];
        Assert.Equal("占道经营", stall.GetProperty("service_name").GetString());
        Assert.Equal("街面秩序", stall.GetProperty("group").GetString());
        Assert.True(stall.GetProperty("metadata").GetBoolean());
        Assert.Equal("realtime", stall.GetProperty("type").GetString());
        Assert.Contains("摆摊", stall.GetProperty("keywords").GetString());
        Assert.False(byCode["BJ0101"].GetProperty("metadata").GetBoolean());
        Assert.Equal("公用设施", byCode["BJ0101"].GetProperty("group").GetString());
        Assert.DoesNotContain("BJ0601", byCode.Keys); // 监控设备损坏 takes no public reports
        Assert.DoesNotContain("SJ04", byCode.Keys); // classes are groups, not services

        var (_, servicesXml) = await client.GetXmlAsync("services.xml");
        Assert.Equal("services", servicesXml.Name.LocalName);
        Assert.Equal(byCode.Count, servicesXml.Elements().Count());
        Open311Client.AssertList(servicesXml, "service", s => Open311Client.AssertChildren(s, Open311Client.ServiceElements,
            ["service_code", "service_name", "metadata", "type"]));
        Assert.Contains(servicesXml.Elements(), s => s.Element("service_code")!.Value == "SJ0401" && s.Element("metadata")!.Value == "true");
    }

    [Fact]
    public async Task Service_definitions_list_attributes_with_datatypes()
    {
        var client = Client();
        var (status, definition) = await client.GetJsonAsync("services/SJ0401.json", "service-definition.json");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("SJ0401", definition.GetProperty("service_code").GetString());
        var attributes = definition.GetProperty("attributes").EnumerateArray().ToList();
        var stallType = attributes.Single(a => a.GetProperty("code").GetString() == "STALL_TYPE");
        Assert.Equal("singlevaluelist", stallType.GetProperty("datatype").GetString());
        Assert.True(stallType.GetProperty("required").GetBoolean());
        Assert.Equal("摊位类型", stallType.GetProperty("description").GetString());
        Assert.Contains(stallType.GetProperty("values").EnumerateArray(), v => v.GetProperty("key").GetString() == "mobile" && v.GetProperty("name").GetString() == "流动摊贩");
        Assert.Equal("multivaluelist", attributes.Single(a => a.GetProperty("code").GetString() == "GOODS").GetProperty("datatype").GetString());
        Assert.Equal([1, 2], attributes.Select(a => a.GetProperty("order").GetInt32()));

        var (_, plate) = await client.GetJsonAsync("services/SJ0404.json", "service-definition.json");
        Assert.Equal("string", plate.GetProperty("attributes")[0].GetProperty("datatype").GetString());
        var (_, none) = await client.GetJsonAsync("services/BJ0101.json", "service-definition.json");
        Assert.Equal(0, none.GetProperty("attributes").GetArrayLength());

        var (_, xml) = await client.GetXmlAsync("services/SJ0401.xml");
        Assert.Equal("service_definition", xml.Name.LocalName);
        Open311Client.AssertChildren(xml, ["service_code", "attributes"], ["service_code", "attributes"]);
        Open311Client.AssertList(xml.Element("attributes")!, "attribute", a =>
        {
            Open311Client.AssertChildren(a, Open311Client.AttributeElements, ["variable", "code", "datatype", "required", "order", "description"]);
            Open311Client.AssertList(a.Element("values")!, "value", v => Open311Client.AssertChildren(v, ["key", "name"], ["key", "name"]));
        });

        var (missing, _) = await client.GetJsonAsync("services/SJ9999.json", "service-definition.json");
        Assert.Equal(HttpStatusCode.NotFound, missing);
        var (missingXml, _) = await client.GetXmlAsync("services/BJ0601.xml");
        Assert.Equal(HttpStatusCode.NotFound, missingXml);
    }

    [Fact]
    public async Task A_posted_request_becomes_a_located_classified_routed_case_and_is_tracked_until_closed()
    {
        var client = Client();
        var (lon, lat, cell) = await PointAsync();
        var (status, created, response) = await client.PostJsonAsync(
        [
            new("api_key", DemoKey), new("jurisdiction_id", "110199"), new("service_code", "SJ0401"), new("lat", lat), new("long", lon),
            new("address_string", "示例区青年路 12 号菜市场东门"),
            new("description", "菜市场东门人行道上有人摆摊卖水果，行人只能走机动车道，联系我 13900001111"),
            new("attribute[STALL_TYPE]", "mobile"), new("attribute[GOODS][]", "food"), new("attribute[GOODS][]", "produce"),
            new("first_name", "三"), new("last_name", "张"), new("phone", "13812345678"), new("email", "zhangsan@example.cn"),
            new("media_url", "https://img.example.cn/p/20261126/abc.jpg"), new("device_id", "dev-1"), new("account_id", "acc-9"),
        ]);
        Assert.Equal(HttpStatusCode.Created, status);
        var number = created[0].GetProperty("service_request_id").GetString()!;
        Assert.Matches(@"^\d{14}$", number);
        Assert.Contains("工作时", created[0].GetProperty("service_notice").GetString());
        Assert.Equal($"/open311/v2/requests/{number}.json", response.Headers.Location!.ToString());

        var admin = await app.ClientAs("admin");
        var kase = await admin.GetJson($"/api/v1/cases/{number}");
        Assert.Equal(cell, kase.GetProperty("regionCode").GetString());
        Assert.Equal("SJ0401", kase.GetProperty("categoryCode").GetString());
        Assert.Equal("citizen", kase.GetProperty("source").GetString());
        Assert.Equal("Dispatched", kase.GetProperty("status").GetString());
        Assert.Equal("区城市管理局", kase.GetProperty("responsibleUnits")[0].GetProperty("name").GetString());
        Assert.Contains("摊位类型：流动摊贩", kase.GetProperty("description").GetString());
        Assert.Contains("经营内容：餐饮小吃、水果蔬菜", kase.GetProperty("description").GetString());
        Assert.Equal("138****5678", kase.GetProperty("reporterPhone").GetString());
        Assert.Equal("张三", kase.GetProperty("reporterName").GetString());

        var raw = await client.Http.GetStringAsync($"{Open311Client.Prefix}requests/{number}.json", TestContext.Current.CancellationToken);
        Assert.Contains("+08:00\"", raw);
        Assert.Contains("区城市管理局", raw);
        var (_, requests) = await client.GetJsonAsync($"requests/{number}.json?jurisdiction_id=110199", "requests.json");
        var request = Assert.Single(requests.EnumerateArray());
        Assert.Equal(number, request.GetProperty("service_request_id").GetString());
        Assert.Equal("open", request.GetProperty("status").GetString());
        Assert.Equal("占道经营", request.GetProperty("service_name").GetString());
        Assert.Equal("区城市管理局", request.GetProperty("agency_responsible").GetString());
        Assert.Contains("派遣至区城市管理局", request.GetProperty("status_notes").GetString());
        Assert.EndsWith("+08:00", request.GetProperty("requested_datetime").GetString());
        Assert.EndsWith("+08:00", request.GetProperty("expected_datetime").GetString());
        // Open311 datetimes carry whole seconds; a deadline counted from "now" inside working hours has a fraction.
        var deadline = kase.GetProperty("deadline").GetDateTimeOffset();
        Assert.Equal(deadline.AddTicks(-(deadline.Ticks % TimeSpan.TicksPerSecond)), request.GetProperty("expected_datetime").GetDateTimeOffset());
        Assert.Equal(double.Parse(lat, CultureInfo.InvariantCulture), request.GetProperty("lat").GetDouble(), 9);
        Assert.Equal(double.Parse(lon, CultureInfo.InvariantCulture), request.GetProperty("long").GetDouble(), 9);
        Assert.Equal("示例区青年路 12 号菜市场东门", request.GetProperty("address").GetString());
        Assert.Equal("https://img.example.cn/p/20261126/abc.jpg", request.GetProperty("media_url").GetString());
        Assert.Contains("139****1111", request.GetProperty("description").GetString());
        var published = request.GetRawText();
        foreach (var secret in new[] { "13812345678", "138****5678", "13900001111", "张三", "zhangsan", "acc-9", "dev-1" })
        {
            Assert.DoesNotContain(secret, published);
        }

        var (_, xml) = await client.GetXmlAsync($"requests/{number}.xml");
        Assert.Equal("service_requests", xml.Name.LocalName);
        Open311Client.AssertList(xml, "request", r => Open311Client.AssertChildren(r, Open311Client.RequestElements,
            ["service_request_id", "status", "service_code", "requested_datetime"]));
        Assert.Equal("open", xml.Element("request")!.Element("status")!.Value);
        Assert.DoesNotContain("13812345678", xml.ToString());

        var token = response.Headers.GetValues("X-Open311-Token").Single();
        var (_, tokens) = await client.GetJsonAsync($"tokens/{token}.json", "tokens.json");
        Assert.Equal(number, tokens[0].GetProperty("service_request_id").GetString());
        var (_, tokenXml) = await client.GetXmlAsync($"tokens/{token}.xml");
        Open311Client.AssertList(tokenXml, "request", r => Open311Client.AssertChildren(r, ["service_request_id", "token"], ["service_request_id", "token"]));

        // The handler acknowledges and handles, the inspector verifies: the request reads closed with the latest public note.
        var handler = await app.ClientAs("handler.cg");
        Assert.Equal(HttpStatusCode.OK, (await handler.Post($"/api/v1/cases/{number}/transitions", new { action = "acknowledge" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await handler.Post($"/api/v1/cases/{number}/transitions", new { action = "handle", comment = "已劝离摊贩，人行道已恢复通行" })).StatusCode);
        var (_, handled) = await client.GetJsonAsync($"requests/{number}.json", "requests.json");
        Assert.Equal("open", handled[0].GetProperty("status").GetString());
        Assert.Equal("已劝离摊贩，人行道已恢复通行", handled[0].GetProperty("status_notes").GetString());
        var inspector = await app.ClientAs("inspector");
        Assert.Equal(HttpStatusCode.OK, (await inspector.Post($"/api/v1/cases/{number}/transitions", new { action = "verify", comment = "现场复核已整改" })).StatusCode);
        var (_, closed) = await client.GetJsonAsync($"requests.json?service_request_id={number}", "requests.json");
        Assert.Equal("closed", closed[0].GetProperty("status").GetString());
        Assert.Equal("区城市管理局", closed[0].GetProperty("agency_responsible").GetString());
        Assert.Equal("核查通过，系统自动结案", closed[0].GetProperty("status_notes").GetString());
        // Whole seconds: on a fast machine the case is reported and closed within the same second.
        Assert.True(closed[0].GetProperty("updated_datetime").GetDateTimeOffset() >= closed[0].GetProperty("requested_datetime").GetDateTimeOffset());
        var (_, closedOnes) = await client.GetJsonAsync("requests.json?status=closed&service_code=SJ0401", "requests.json");
        Assert.Contains(closedOnes.EnumerateArray(), r => r.GetProperty("service_request_id").GetString() == number);
        Assert.All(closedOnes.EnumerateArray(), r => Assert.Equal("closed", r.GetProperty("status").GetString()));
        var (_, openOnes) = await client.GetJsonAsync("requests.json?status=open&service_code=SJ0401", "requests.json");
        Assert.DoesNotContain(openOnes.EnumerateArray(), r => r.GetProperty("service_request_id").GetString() == number);
    }

    [Fact]
    public async Task Posting_in_xml_and_anonymously_by_address_works_too()
    {
        var client = Client();
        var response = await client.PostAsync("xml",
        [
            new("api_key", DemoKey), new("service_code", "BJ0101"), new("address_string", "示例区朝阳北路与青年路交叉口东南角"),
            new("description", "井盖丢了\u0001，晚上看不见"),
        ]);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var xml = await Open311Client.CheckXmlAsync(response);
        Assert.Equal("service_requests", xml.Name.LocalName);
        Open311Client.AssertList(xml, "request", r => Open311Client.AssertChildren(r, ["service_request_id", "service_notice", "account_id"], ["service_request_id"]));
        var number = xml.Element("request")!.Element("service_request_id")!.Value;
        var (_, requests) = await client.GetJsonAsync($"requests/{number}.json", "requests.json");
        Assert.Equal("井盖丢了\u0001，晚上看不见", requests[0].GetProperty("description").GetString());
        Assert.Equal("井盖缺失破损", requests[0].GetProperty("service_name").GetString());
        Assert.Equal(JsonValueKind.Null, requests[0].GetProperty("lat").ValueKind);

        // A control character is legal in JSON but not in XML: the XML answer drops it and stays well-formed.
        var (_, asXml) = await client.GetXmlAsync($"requests/{number}.xml");
        Assert.Equal("井盖丢了，晚上看不见", asXml.Element("request")!.Element("description")!.Value);

        var (_, untitled, _) = await client.PostJsonAsync([new("api_key", DemoKey), new("service_code", "BJ0101"), new("address_string", "示例区青年路 3 号")]);
        var (_, described) = await client.GetJsonAsync($"requests/{untitled[0].GetProperty("service_request_id").GetString()}.json", "requests.json");
        Assert.Equal("井盖缺失破损", described[0].GetProperty("description").GetString());
    }

    [Fact]
    public async Task Get_requests_defaults_to_the_last_90_days_and_at_most_1000()
    {
        var client = Client();
        var (status, requests) = await client.GetJsonAsync("requests.json", "requests.json");
        Assert.Equal(HttpStatusCode.OK, status);
        var times = requests.EnumerateArray().Select(r => r.GetProperty("requested_datetime").GetDateTimeOffset()).ToList();
        Assert.Equal(1000, times.Count); // the demo district has more than 1000 reports in the last 90 days
        Assert.All(times, t => Assert.True(t > DateTimeOffset.UtcNow.AddDays(-90).AddMinutes(-5), $"{t} 早于 90 天"));
        Assert.Equal(times.OrderByDescending(t => t), times);
        Assert.DoesNotContain(requests.EnumerateArray(), r => r.GetProperty("service_code").GetString() == "BJ0601");

        var (_, xml) = await client.GetXmlAsync("requests.xml");
        Assert.Equal(1000, xml.Elements().Count());
        Open311Client.AssertList(xml, "request", r => Open311Client.AssertChildren(r, Open311Client.RequestElements,
            ["service_request_id", "status", "service_code", "requested_datetime"]));

        var from = DateTimeOffset.UtcNow.AddDays(-200);
        var to = from.AddDays(30);
        var (_, window) = await client.GetJsonAsync(
            $"requests.json?start_date={Uri.EscapeDataString(from.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture))}" +
            $"&end_date={Uri.EscapeDataString(to.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture))}&service_code=SJ0101,SJ0102", "requests.json");
        Assert.NotEqual(0, window.GetArrayLength());
        Assert.All(window.EnumerateArray(), r =>
        {
            var at = r.GetProperty("requested_datetime").GetDateTimeOffset();
            Assert.InRange(at, from.AddSeconds(-1), to.AddSeconds(1));
            Assert.Contains(r.GetProperty("service_code").GetString(), new[] { "SJ0101", "SJ0102" });
        });

        var ids = string.Join(",", requests.EnumerateArray().Take(3).Select(r => r.GetProperty("service_request_id").GetString()));
        var (_, byIds) = await client.GetJsonAsync($"requests.json?service_request_id={ids}&status=closed&start_date=2000-01-01&end_date=2000-01-02", "requests.json");
        Assert.Equal(ids.Split(','), byIds.EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()));
    }

    [Theory]
    [InlineData("requests.json?start_date=2026-01-01&end_date=2026-06-30", "90 天")]
    [InlineData("requests.json?start_date=yesterday", "start_date")]
    [InlineData("requests.json?end_date=2026-13-45", "end_date")]
    [InlineData("requests.json?start_date=2026-06-30&end_date=2026-06-01", "早于")]
    [InlineData("requests.json?status=pending", "status")]
    public async Task Bad_request_filters_are_400s(string path, string expected)
    {
        var (status, body) = await Client().GetJsonAsync(path, "requests.json");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(expected, body[0].GetProperty("description").GetString());
    }

    [Theory]
    [InlineData("services.json?jurisdiction_id=110100", HttpStatusCode.NotFound, "jurisdiction_id")]
    [InlineData("services/SJ0401.json?jurisdiction_id=sfgov.org", HttpStatusCode.NotFound, "jurisdiction_id")]
    [InlineData("requests.json?jurisdiction_id=110100", HttpStatusCode.NotFound, "jurisdiction_id")]
    [InlineData("requests/20260101999999.json", HttpStatusCode.NotFound, "不存在")]
    [InlineData("requests/abc.json", HttpStatusCode.NotFound, "不存在")]
    [InlineData("tokens/nosuchtoken.json", HttpStatusCode.NotFound, "令牌")]
    [InlineData("services.html", HttpStatusCode.NotFound, "格式")]
    [InlineData("nothing/here.json", HttpStatusCode.NotFound, "资源")]
    public async Task Unknown_things_are_404s_in_the_spec_format(string path, HttpStatusCode expected, string text)
    {
        var client = Client();
        var response = await client.Http.GetAsync(Open311Client.Prefix + path, TestContext.Current.CancellationToken);
        Assert.Equal(expected, response.StatusCode);
        if (path.EndsWith(".json", StringComparison.Ordinal) || path.Contains(".json?", StringComparison.Ordinal))
        {
            Assert.Contains(text, (await Open311Client.CheckJsonAsync(response, "errors.json"))[0].GetProperty("description").GetString());
        }
        else
        {
            Assert.Contains(text, (await Open311Client.CheckXmlAsync(response)).Element("error")!.Element("description")!.Value);
        }
    }

    public static TheoryData<string, string, string?, HttpStatusCode, string> BadSubmissions => new()
    {
        { "malformed lat/long", "lat", "forty", HttpStatusCode.BadRequest, "lat/long 不是有效的数字" },
        { "lat out of range", "lat", "95.5", HttpStatusCode.BadRequest, "超出范围" },
        { "lat without long", "long", null, HttpStatusCode.BadRequest, "同时提供" },
        { "outside the district", "lat", "30.0", HttpStatusCode.BadRequest, "网格" },
        { "unknown service_code", "service_code", "SJ9999", HttpStatusCode.NotFound, "service_code" },
        { "no public reports", "service_code", "BJ0601", HttpStatusCode.NotFound, "service_code" },
        { "missing service_code", "service_code", null, HttpStatusCode.BadRequest, "缺少 service_code" },
        { "missing api_key", "api_key", null, HttpStatusCode.BadRequest, "缺少 api_key" },
        { "wrong api_key", "api_key", "not-a-key", HttpStatusCode.Forbidden, "api_key 无效" },
        { "other jurisdiction", "jurisdiction_id", "310101", HttpStatusCode.NotFound, "jurisdiction_id" },
        { "missing required attribute", "attribute[STALL_TYPE]", null, HttpStatusCode.BadRequest, "摊位类型" },
        { "unknown attribute value", "attribute[STALL_TYPE]", "spaceship", HttpStatusCode.BadRequest, "取值“spaceship”无效" },
        { "unknown attribute", "attribute[COLOUR]", "red", HttpStatusCode.BadRequest, "COLOUR" },
        { "bad phone", "phone", "12345", HttpStatusCode.BadRequest, "phone" },
        { "bad email", "email", "not an address", HttpStatusCode.BadRequest, "email" },
        { "bad media_url", "media_url", "javascript:alert(1)", HttpStatusCode.BadRequest, "media_url" },
        { "long description", "description", new string('脏', 4001), HttpStatusCode.BadRequest, "description" },
    };

    [Theory]
    [MemberData(nameof(BadSubmissions))]
    public async Task Malformed_submissions_get_spec_errors_and_write_nothing(string why, string field, string? value, HttpStatusCode expected, string text)
    {
        var before = await CaseCountAsync();
        var form = (await StallFormAsync()).Where(p => p.Key != field).ToList();
        if (value is not null)
        {
            form.Add(new(field, value));
        }

        var (status, body, _) = await Client().PostJsonAsync(form);
        Assert.True(expected == status, $"{why}: {(int)status} {body}");
        Assert.Contains(body.EnumerateArray(), e => e.GetProperty("description").GetString()!.Contains(text, StringComparison.Ordinal));
        Assert.Equal(before, await CaseCountAsync());
    }

    [Fact]
    public async Task A_ten_megabyte_description_and_non_form_bodies_are_400s()
    {
        var before = await CaseCountAsync();
        var (lon, lat, _) = await PointAsync();
        var body = $"api_key={DemoKey}&service_code=SJ0401&lat={lat}&long={lon}&attribute%5BSTALL_TYPE%5D=mobile&description=" + new string('x', 10 * 1024 * 1024);
        var huge = await Client().Http.PostAsync(Open311Client.Prefix + "requests.json",
            new StringContent(body, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        Assert.Contains("过大", (await Open311Client.CheckJsonAsync(huge, "errors.json"))[0].GetProperty("description").GetString());

        var hugeXml = await Client().Http.PostAsync(Open311Client.Prefix + "requests.xml",
            new StringContent(body, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, hugeXml.StatusCode);
        Assert.Contains("description", (await Open311Client.CheckXmlAsync(hugeXml)).Element("error")!.Element("description")!.Value);

        var json = await Client().Http.PostAsync(Open311Client.Prefix + "requests.json",
            new StringContent("{\"service_code\":\"SJ0401\"}", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
        Assert.Contains("表单", (await Open311Client.CheckJsonAsync(json, "errors.json"))[0].GetProperty("description").GetString());
        Assert.Equal(before, await CaseCountAsync());
    }

    [Fact]
    public async Task Errors_come_in_xml_when_xml_is_asked_for()
    {
        var form = (await StallFormAsync()).Where(p => p.Key != "api_key").Append(new("api_key", "revoked-or-wrong")).ToList();
        var response = await Client().PostAsync("xml", form);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var errors = await Open311Client.CheckXmlAsync(response);
        Assert.Contains("api_key", errors.Element("error")!.Element("description")!.Value);
    }

    private async Task<int> CaseCountAsync() =>
        (await (await app.ClientAs("admin")).GetJson("/api/v1/cases?pageSize=1")).GetProperty("total").GetInt32();
}

public sealed class GeoReportTestsOnSqlite(SqliteApp app) : GeoReportTests<SqliteApp>(app);

public sealed class GeoReportTestsOnPostgres(PostgresApp app) : GeoReportTests<PostgresApp>(app);
