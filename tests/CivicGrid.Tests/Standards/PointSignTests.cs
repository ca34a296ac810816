using System.Buffers.Binary;
using System.Net;
using System.Text.RegularExpressions;
using CivicGrid.Standards;
using CivicGrid.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using QRCoder;
using static CivicGrid.Tests.Standards.StandardsTestData;

namespace CivicGrid.Tests.Standards;

public abstract partial class PointSignTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CivicGridApp
{
    [GeneratedRegex(@"1[3-9]\d{9}")]
    private static partial Regex FullMobile();

    [GeneratedRegex(@"href=""(/report\?[^""]+)""")]
    private static partial Regex ReportLink();

    [Fact]
    public async Task Sign_page_renders_without_login_and_shows_no_full_phone()
    {
        var point = await FirstPointAsync(app, "NMSC", OwnTown);
        var code = point.GetProperty("code").GetString()!;
        var response = await app.Anonymous().Get($"/p/points/{code}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains(point.GetProperty("name").GetString()!, html);
        Assert.Contains("按区划行、分类经营", html);
        Assert.Contains("暂无检查记录", html);
        Assert.Contains("12345", html);
        Assert.Contains("东坝镇人民政府", html);
        Assert.Matches(@"1[3-9]\d\*{4}\d{4}", html);
        Assert.DoesNotMatch(FullMobile(), html);
        Assert.DoesNotContain("blazor.web.js", html);
        Assert.DoesNotContain("_blazor", html);
    }

    [Fact]
    public async Task Report_button_opens_the_report_page_with_the_point_preselected()
    {
        var point = await FirstPointAsync(app, "GY", OwnTown);
        var code = point.GetProperty("code").GetString()!;
        var html = await (await app.Anonymous().Get($"/p/points/{code}")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var href = WebUtility.HtmlDecode(ReportLink().Match(html).Groups[1].Value);
        Assert.Contains("我要反映问题", html);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + href).Query);
        Assert.Equal(code, query["point"].ToString());
        Assert.Equal(point.GetProperty("name").GetString(), query["name"].ToString());
        Assert.Equal(point.GetProperty("lon").GetDouble(), double.Parse(query["lon"]!, System.Globalization.CultureInfo.InvariantCulture), 6);
        Assert.Equal(point.GetProperty("lat").GetDouble(), double.Parse(query["lat"]!, System.Globalization.CultureInfo.InvariantCulture), 6);

        // Following the button (still without login) opens 随手拍 with this point chosen and its position filled in.
        var report = await app.Anonymous().Get(href);
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        var form = WebUtility.HtmlDecode(await report.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains("随手拍", form);
        Assert.Contains($"点位：{point.GetProperty("name").GetString()}", form);
        Assert.Contains($"name=\"pointCode\" value=\"{code}\"", form);
        var lon = Regex.Match(form, "name=\"lon\" id=\"lon\" value=\"([0-9.]+)\"");
        Assert.True(lon.Success, "随手拍页面未预填经度");
        Assert.Equal(point.GetProperty("lon").GetDouble(), double.Parse(lon.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 6);
    }

    [Fact]
    public async Task Unknown_point_answers_404_page()
    {
        var response = await app.Anonymous().Get("/p/points/NOPE-0000");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("未找到该点位", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Sign_shows_the_latest_inspection_once_recorded()
    {
        var code = (await FirstPointAsync(app, "GCCS", OwnTown)).GetProperty("code").GetString()!;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var record = scope.ServiceProvider.GetRequiredService<RecordLatestInspection>();
            var at = new DateTimeOffset(2026, 5, 20, 2, 30, 0, TimeSpan.Zero);
            Assert.True((await record.HandleAsync(code, new InspectionResult(at, 0.85, 2, "地面有积水；缺少洗手液", "INS-1"), TestContext.Current.CancellationToken)).Value);
            Assert.False((await record.HandleAsync(code, new InspectionResult(at.AddDays(-1), 1, 0, null, "INS-0"), TestContext.Current.CancellationToken)).Value);
        }

        var html = WebUtility.HtmlDecode(await (await app.Anonymous().Get($"/p/points/{code}")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains("85%", html);
        Assert.Contains("2 项未达标", html);
        Assert.Contains("2026年5月20日 10:30", html);
        Assert.Contains("地面有积水", html);
        Assert.DoesNotContain("暂无检查记录", html);
    }

    [Fact]
    public async Task Qr_png_is_a_png_of_the_expected_size_for_the_sign_url()
    {
        var code = (await FirstPointAsync(app, "YY", "110199")).GetProperty("code").GetString()!;
        var admin = await app.ClientAs("admin");
        var response = await admin.Get($"/api/v1/points/{code}/qr.png?size=6");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var png = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        var width = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4));
        var height = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4));

        // The same text encoded here gives the module count the server must have drawn, six pixels a module.
        using var generator = new QRCodeGenerator();
        using var expected = generator.CreateQrCode($"http://localhost/p/points/{code}", QRCodeGenerator.ECCLevel.M);
        Assert.Equal(expected.ModuleMatrix.Count * 6, width);
        Assert.Equal(width, height);

        var zip = await admin.Get("/api/v1/points/qr.zip?categoryCode=YY");
        Assert.Equal("application/zip", zip.Content.Headers.ContentType?.MediaType);
        using var archive = new System.IO.Compression.ZipArchive(await zip.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        Assert.Equal((await admin.GetJson("/api/v1/points?categoryCode=YY")).GetProperty("total").GetInt32(), archive.Entries.Count);
    }

    [Fact]
    public async Task Printable_signs_need_a_login_and_have_a_page_per_point()
    {
        var anonymous = await app.Anonymous().Get("/standards/signs/print?categoryCode=GY");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/login", anonymous.Headers.Location!.ToString());

        var street = await app.ClientAs("street01");
        var html = await (await street.Get("/standards/signs/print?categoryCode=ZXXX&paper=A4")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var own = (await street.GetJson("/api/v1/points?categoryCode=ZXXX")).GetProperty("total").GetInt32();
        Assert.Equal(own, Regex.Count(html, "class=\"sheet\""));
        Assert.Equal(own, Regex.Count(html, "src=\"data:image/png;base64,"));
        Assert.Contains("size: A4", html);
        Assert.Contains("page-break-after: always", html);
        Assert.DoesNotMatch(FullMobile(), html);
    }
}

public sealed class PointSignTestsOnSqlite(SqliteApp app) : PointSignTests<SqliteApp>(app);

public sealed class PointSignTestsOnPostgres(PostgresApp app) : PointSignTests<PostgresApp>(app);
