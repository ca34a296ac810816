using System.Net;
using CivicGrid.Tests.Infrastructure;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using static CivicGrid.Tests.PublicPages.PublicClient;

namespace CivicGrid.Tests.PublicPages;

/// <summary>The residents' pages without an account: 随手拍, nearby reports and +1, the tracking page, evaluation.</summary>
public abstract class PublicPagesTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CivicGridApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] InternalWords =
        ["Reported", "Registered", "Dispatched", "Acknowledged", "Handled", "Verified", "Closed", "立案", "派遣", "handler.cg", "inspector",
            "dispatcher", "王五", "督查员", "核查员"];

    [Fact]
    public async Task The_report_page_renders_in_chinese_without_login()
    {
        var client = app.Anonymous();
        var response = await client.Get("/report");
        var (status, html, text) = await PageAsync(response);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("lang=\"zh-CN\"", html);
        Assert.Contains("随手拍", text);
        Assert.Contains("拍照或从相册选择", text);
        Assert.Contains("capture=\"environment\"", html);
        Assert.Contains("accept=\"image/*\"", html);
        Assert.DoesNotContain("_framework/blazor", html);
        Assert.DoesNotContain("点位：", text);

        // From a 亮牌 sign: the point's name and position are filled in.
        var (signStatus, signHtml, signText) = await GetPageAsync(client, "/report?point=P-0001&lon=116.61&lat=40.11&name=幸福小区东门");
        Assert.Equal(HttpStatusCode.OK, signStatus);
        Assert.Contains("点位：幸福小区东门", signText);
        Assert.Contains("name=\"lon\" id=\"lon\" value=\"116.61\"", signHtml);
        Assert.Contains("name=\"pointCode\" value=\"P-0001\"", signHtml);

        // Nonsense parameters are dropped, not shown and not fatal.
        var (badStatus, badHtml, badText) = await GetPageAsync(client, "/report?point=%3Cscript%3E&lon=abc&lat=999&name=");
        Assert.Equal(HttpStatusCode.OK, badStatus);
        Assert.DoesNotContain("点位：", badText);
        Assert.Matches("name=\"lon\" id=\"lon\"(?! value)", badHtml);
        Assert.DoesNotContain("<script>", badHtml);
    }

    [Fact]
    public async Task Suggestions_and_nearby_open_reports_are_public_json()
    {
        var client = app.Anonymous();
        var suggestions = await client.GetJson("/public/api/categories/suggest?text=" + Uri.EscapeDataString("小区门口垃圾桶满了，垃圾溢出来了"));
        Assert.InRange(suggestions.GetArrayLength(), 1, 3);
        Assert.Equal("SJ0102", suggestions[0].GetProperty("code").GetString());
        Assert.Equal("垃圾满溢", suggestions[0].GetProperty("name").GetString());

        // An open case of a resident nearby, with a phone number in its text.
        var (lon, lat) = await PointAsync(app, cell: 1);
        var resident = await app.ClientAs("resident");
        var created = await (await resident.Post("/api/v1/cases", new
        {
            description = "超市门口占道经营，货物摆满人行道，老板电话13900001111",
            lon,
            lat,
            categoryCode = StreetVending,
            reporterPhone = "13700002222",
        })).Json();
        var number = created.GetProperty("number").GetString()!;

        var nearby = await client.GetJson(FormattableString.Invariant($"/public/api/nearby?lon={lon + 0.0003}&lat={lat}&categoryCode={StreetVending}&text=占道经营"));
        var mine = nearby.EnumerateArray().Single(n => n.GetProperty("number").GetString() == number);
        Assert.InRange(mine.GetProperty("distanceMetres").GetDouble(), 10, 60);
        Assert.Equal("占道经营", mine.GetProperty("categoryName").GetString());
        Assert.Contains("139****1111", mine.GetProperty("description").GetString());
        Assert.Equal("处理中", mine.GetProperty("statusText").GetString());
        Assert.Equal(Math.Round(lon, 4), mine.GetProperty("lon").GetDouble());
        Assert.Equal(Math.Round(lat, 4), mine.GetProperty("lat").GetDouble());
        var raw = nearby.GetRawText();
        Assert.DoesNotContain("13900001111", raw);
        Assert.DoesNotContain("13700002222", raw);
        Assert.DoesNotContain("reporter", raw, StringComparison.OrdinalIgnoreCase);

        // Another category at the same place, or far away: not offered.
        var other = await client.GetJson(FormattableString.Invariant($"/public/api/nearby?lon={lon}&lat={lat}&categoryCode=SJ0111"));
        Assert.DoesNotContain(other.EnumerateArray(), n => n.GetProperty("number").GetString() == number);
        var far = await client.GetJson(FormattableString.Invariant($"/public/api/nearby?lon={lon + 0.01}&lat={lat}&categoryCode={StreetVending}"));
        Assert.DoesNotContain(far.EnumerateArray(), n => n.GetProperty("number").GetString() == number);

        var bad = await client.Get("/public/api/nearby?lon=abc&lat=40");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("位置", (await bad.Json()).GetProperty("detail").GetString());

        var place = await client.GetJson(FormattableString.Invariant($"/public/api/places?lon={lon}&lat={lat}"));
        Assert.True(place.GetProperty("covered").GetBoolean());
        Assert.Contains(" / ", place.GetProperty("name").GetString());
        Assert.False((await client.GetJson("/public/api/places?lon=100&lat=30")).GetProperty("covered").GetBoolean());
    }

    [Fact]
    public async Task A_report_becomes_a_case_and_its_tracking_page_tells_the_progress_in_plain_chinese()
    {
        var client = app.Anonymous();
        var (lon, lat) = await PointAsync(app, cell: 2);
        var key = Guid.NewGuid().ToString();
        var photo = PhotoWithGps();
        var fields = Fields("快递驿站把包裹摆到店外占道经营，人行道走不通", lon, lat, phone: "13812341234", key: key);
        var first = await ReportAsync(client, fields, ("IMG_0001.jpg", photo, "image/jpeg"));
        Assert.True(first.GetProperty("isNew").GetBoolean());
        var number = first.GetProperty("number").GetString()!;
        var tracking = first.GetProperty("trackingUrl").GetString()!;
        Assert.Matches(@"^/track/[A-Za-z0-9_-]{22}$", tracking);

        // A double tap (same key) answers the same case, never a second one.
        var again = await ReportAsync(client, fields, ("IMG_0001.jpg", photo, "image/jpeg"));
        Assert.False(again.GetProperty("isNew").GetBoolean());
        Assert.Equal(number, again.GetProperty("number").GetString());

        // Staff see an ordinary citizen case with its photo; the phone is masked for them too.
        var dispatcher = await app.ClientAs("dispatcher");
        var view = await dispatcher.GetJson($"/api/v1/cases/{number}");
        Assert.Equal("citizen", view.GetProperty("source").GetString());
        Assert.Equal("Dispatched", view.GetProperty("status").GetString());
        Assert.Equal("138****1234", view.GetProperty("reporterPhone").GetString());
        var reported = view.GetProperty("history")[0];
        Assert.Equal("市民138****1234", reported.GetProperty("actor").GetString());
        Assert.Single(reported.GetProperty("attachments").EnumerateArray());

        var (status, html, text) = await GetPageAsync(client, tracking + "?just=new");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("提交成功", text);
        Assert.Contains(number, text);
        Assert.Contains("问题已提交", text);
        Assert.Contains("已交由区城市管理局办理", text);
        Assert.Contains("138****1234", text);
        Assert.DoesNotContain("13812341234", html);
        Assert.Contains(tracking, html);

        var feedbackPhoto = await CloseAsync(app, number);
        (status, html, text) = await GetPageAsync(client, tracking);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("已办结", text);
        Assert.Contains("处理情况：已责令商户将货物收回店内", text);
        Assert.Contains("核查通过", text);
        foreach (var word in InternalWords)
        {
            Assert.DoesNotContain(word, text);
        }

        // The handler's photo is served from the link, without the EXIF of the original.
        Assert.Contains($"{tracking}/photos/{feedbackPhoto}/thumbnail", html);
        var served = await client.GetByteArrayAsync($"{tracking}/photos/{feedbackPhoto}", Ct);
        using (var image = Image.Load(served))
        {
            Assert.Null(image.Metadata.ExifProfile?.GetValue(ExifTag.GPSLatitude));
            Assert.Null(image.Metadata.ExifProfile?.GetValue(ExifTag.Make));
        }

        // Only the link's own photos; other links and files are not served.
        Assert.Equal(HttpStatusCode.NotFound, (await client.Get($"{tracking}/photos/{new string('a', 64)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Get($"/track/AAAAAAAAAAAAAAAAAAAAAA/photos/{feedbackPhoto}")).StatusCode);
        var (missing, _, missingText) = await GetPageAsync(client, "/track/not-a-token");
        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Contains("链接无效", missingText);
    }

    [Fact]
    public async Task A_plus_one_counts_on_the_open_case_instead_of_a_new_case()
    {
        var client = app.Anonymous();
        var (lon, lat) = await PointAsync(app, cell: 3);
        var reported = await ReportAsync(client, Fields("小区门口流动摊贩占道经营，堵住了出口", lon, lat, phone: "13811112222", category: StreetVending));
        var number = reported.GetProperty("number").GetString()!;
        var dispatcher = await app.ClientAs("dispatcher");
        var before = (await dispatcher.GetJson("/api/v1/cases?pageSize=1")).GetProperty("total").GetInt32();

        var nearby = await client.GetJson(FormattableString.Invariant($"/public/api/nearby?lon={lon}&lat={lat}&categoryCode={StreetVending}"));
        Assert.Contains(nearby.EnumerateArray(), n => n.GetProperty("number").GetString() == number);

        var key = Guid.NewGuid().ToString();
        var plusOne = await client.Post($"/public/api/cases/{number}/support", new { phone = "13955556666", idempotencyKey = key });
        Assert.Equal(HttpStatusCode.Created, plusOne.StatusCode);
        var supported = await plusOne.Json();
        Assert.Equal(1, supported.GetProperty("supporters").GetInt32());
        Assert.Equal(number, supported.GetProperty("number").GetString());
        var supporterLink = supported.GetProperty("trackingUrl").GetString()!;

        // The same tap again counts once.
        var repeat = await client.Post($"/public/api/cases/{number}/support", new { phone = "13955556666", idempotencyKey = key });
        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        Assert.Equal(1, (await repeat.Json()).GetProperty("supporters").GetInt32());

        Assert.Equal(before, (await dispatcher.GetJson("/api/v1/cases?pageSize=1")).GetProperty("total").GetInt32());
        var history = (await dispatcher.GetJson($"/api/v1/cases/{number}")).GetProperty("history").EnumerateArray().ToList();
        var support = Assert.Single(history, e => e.GetProperty("kind").GetString() == "support");
        Assert.Equal("群众附议", support.GetProperty("kindName").GetString());
        Assert.Equal("市民139****6666", support.GetProperty("actor").GetString());
        Assert.Contains("累计 1 人", support.GetProperty("comment").GetString());
        var chain = await dispatcher.GetJson($"/api/v1/cases/{number}/history/verification");
        Assert.True(chain.GetProperty("intact").GetBoolean(), chain.GetRawText());

        var again = await client.GetJson(FormattableString.Invariant($"/public/api/nearby?lon={lon}&lat={lat}&categoryCode={StreetVending}"));
        Assert.Equal(1, again.EnumerateArray().Single(n => n.GetProperty("number").GetString() == number).GetProperty("supporters").GetInt32());

        var (_, reporterHtml, reporterText) = await GetPageAsync(client, reported.GetProperty("trackingUrl").GetString()!);
        Assert.Contains("另有 1 位群众反映了同一问题", reporterText);
        Assert.DoesNotContain("13955556666", reporterHtml);
        Assert.DoesNotContain("139****6666", reporterHtml);

        // The supporter follows the case but sees neither the reporter's phone nor his photos, and cannot evaluate.
        var (status, supporterHtml, supporterText) = await GetPageAsync(client, supporterLink + "?just=supported");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("已为这个问题 +1", supporterText);
        Assert.DoesNotContain("138****2222", supporterText);
        Assert.DoesNotContain("13811112222", supporterHtml);
        await CloseAsync(app, number);
        Assert.DoesNotContain("evaluation-form", (await GetPageAsync(client, supporterLink)).Html);
        var refused = await PageAsync(await PostFormAsync(client, supporterLink + "/evaluation", new Dictionary<string, string?> { ["evaluation"] = "满意" }));
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains("只有问题的反映人可以评价", refused.Text);

        var closed = await client.Post($"/public/api/cases/{number}/support", new { idempotencyKey = Guid.NewGuid().ToString() });
        Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
        Assert.Contains("已办结", (await closed.Json()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.Post("/public/api/cases/99999999/support", new { })).StatusCode);
    }

    [Fact]
    public async Task The_reporter_evaluates_the_closed_case_once_from_the_plain_form()
    {
        var client = app.Anonymous();
        var (lon, lat) = await PointAsync(app, cell: 4);
        var fields = Fields("早市摊贩占道经营，电动车都过不去", lon, lat, phone: "13822223333", category: StreetVending);
        var posted = await PostFormAsync(client, "/report", fields);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var tracking = posted.Headers.Location!.OriginalString;
        Assert.Matches(@"^/track/[A-Za-z0-9_-]{22}\?just=new$", tracking);
        tracking = tracking[..tracking.IndexOf('?', StringComparison.Ordinal)];
        var (_, _, text) = await GetPageAsync(client, tracking);
        var number = System.Text.RegularExpressions.Regex.Match(text, @"案卷号 (\d{14})").Groups[1].Value;
        Assert.NotEmpty(number);

        // Not yet: the case is still being handled.
        Assert.DoesNotContain("请评价办理结果", text);
        var early = await PageAsync(await PostFormAsync(client, tracking + "/evaluation", new Dictionary<string, string?> { ["evaluation"] = "满意" }));
        Assert.Equal(HttpStatusCode.Conflict, early.Status);
        Assert.Contains("办结后才能评价", early.Text);

        await CloseAsync(app, number);
        var (_, closedHtml, closedText) = await GetPageAsync(client, tracking);
        Assert.Contains("请评价办理结果", closedText);
        Assert.Contains("evaluation-form", closedHtml);

        var unchosen = await PageAsync(await PostFormAsync(client, tracking + "/evaluation", new Dictionary<string, string?> { ["comment"] = "很快" }));
        Assert.Equal(HttpStatusCode.BadRequest, unchosen.Status);
        Assert.Contains("请选择评价", unchosen.Text);
        Assert.Contains("很快", unchosen.Text);

        var evaluated = await PostFormAsync(client, tracking + "/evaluation", new Dictionary<string, string?> { ["evaluation"] = "基本满意", ["comment"] = "处理及时，希望常态化管理" });
        Assert.Equal(HttpStatusCode.Redirect, evaluated.StatusCode);
        var (_, _, thanks) = await GetPageAsync(client, evaluated.Headers.Location!.OriginalString);
        Assert.Contains("评价已提交", thanks);
        Assert.Contains("您的评价： 基本满意", thanks);

        var view = await (await app.ClientAs("dispatcher")).GetJson($"/api/v1/cases/{number}");
        Assert.Equal("Evaluated", view.GetProperty("status").GetString());
        Assert.Equal("基本满意", view.GetProperty("evaluation").GetString());
        var step = view.GetProperty("history").EnumerateArray().Last(e => e.GetProperty("kind").GetString() == "evaluate");
        Assert.Equal("市民138****3333", step.GetProperty("actor").GetString());
        Assert.Contains("处理及时", step.GetProperty("comment").GetString());

        var twice = await PageAsync(await PostFormAsync(client, tracking + "/evaluation", new Dictionary<string, string?> { ["evaluation"] = "不满意" }));
        Assert.Equal(HttpStatusCode.Conflict, twice.Status);
        Assert.Contains("您已经评价过该问题，不能重复评价", twice.Text);
        Assert.Equal("基本满意", (await (await app.ClientAs("dispatcher")).GetJson($"/api/v1/cases/{number}")).GetProperty("evaluation").GetString());
    }

    [Fact]
    public async Task A_refused_form_comes_back_with_everything_the_resident_typed()
    {
        var client = app.Anonymous();
        var (lon, lat) = await PointAsync(app, cell: 5);
        var fields = Fields("共享单车乱停放，把盲道都占了", lon, lat, phone: "12345", address: "幸福路18号门前");
        fields["pointName"] = "幸福路公交站";
        using var form = Form(fields, ("现场.jpg", PhotoWithGps(30), "image/jpeg"));
        var (status, html, text) = await PageAsync(await client.PostAsync("/report", form, Ct));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("手机号格式不正确", text);
        Assert.Contains("共享单车乱停放，把盲道都占了", text);
        Assert.Contains("value=\"幸福路18号门前\"", html);
        Assert.Contains("value=\"12345\"", html);
        Assert.Contains("点位：幸福路公交站", text);
        Assert.Contains("已上传照片", text);
        Assert.Contains($"value=\"{fields["idempotencyKey"]}\"", html);
        Assert.Matches("name=\"photoIds\" value=\"[0-9a-f]{64}\"", html);

        var (emptyStatus, _, emptyText) = await PageAsync(await PostFormAsync(client, "/report", new Dictionary<string, string?> { ["description"] = " " }));
        Assert.Equal(HttpStatusCode.BadRequest, emptyStatus);
        Assert.Contains("请描述一下遇到的问题", emptyText);
        Assert.Contains("请在地图上标出问题的位置，或填写详细地址", emptyText);

        var outside = await client.PostAsync("/public/api/reports", Form(Fields("路灯不亮了", 100, 30)), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        var problem = await outside.Json();
        Assert.Equal("location", problem.GetProperty("errors")[0].GetProperty("where").GetString());
        Assert.Contains("不在本平台管辖的任何网格内", problem.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Fake_and_oversized_images_are_refused_in_chinese_and_make_no_case()
    {
        var client = app.Anonymous();
        var (lon, lat) = await PointAsync(app, cell: 6);
        var dispatcher = await app.ClientAs("dispatcher");
        var before = (await dispatcher.GetJson("/api/v1/cases?pageSize=1")).GetProperty("total").GetInt32();

        var fake = await client.PostAsync("/public/api/reports",
            Form(Fields("路边井盖破损", lon, lat), ("photo.jpg", "<?php echo 'not a photo'; ?>"u8.ToArray(), "image/jpeg")), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, fake.StatusCode);
        var error = (await fake.Json()).GetProperty("errors")[0];
        Assert.Equal("photo", error.GetProperty("where").GetString());
        Assert.Contains("不是照片", error.GetProperty("message").GetString());

        var pdf = await client.PostAsync("/public/api/reports", Form(Fields("路边井盖破损", lon, lat), ("a.jpg", "%PDF-1.4 fake"u8.ToArray(), "image/jpeg")), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, pdf.StatusCode);
        Assert.Contains("只能上传照片", (await pdf.Json()).GetProperty("errors")[0].GetProperty("message").GetString());

        var huge = new byte[(10 * 1024 * 1024) + 1];
        Random.Shared.NextBytes(huge);
        var tooLarge = await client.PostAsync("/public/api/reports", Form(Fields("路边井盖破损", lon, lat), ("big.jpg", huge, "image/jpeg")), Ct);
        Assert.True(tooLarge.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode.ToString());
        Assert.Contains("太大", await tooLarge.Content.ReadAsStringAsync(Ct));

        Assert.Equal(before, (await dispatcher.GetJson("/api/v1/cases?pageSize=1")).GetProperty("total").GetInt32());
    }
}

public sealed class PublicPagesTestsOnSqlite(SqliteApp app) : PublicPagesTests<SqliteApp>(app);

public sealed class PublicPagesTestsOnPostgres(PostgresApp app) : PublicPagesTests<PostgresApp>(app);
