using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CivicGrid.Tests.Infrastructure;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace CivicGrid.Tests.Cases.Attachments;

/// <summary>Uploads checked by content, EXIF (GPS) removed from what the public sees, thumbnails, attachments in the history.</summary>
public abstract class AttachmentApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CivicGridApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static byte[] PhotoWithGps(int seed)
    {
        using var image = new Image<Rgba32>(1200, 900, new Rgba32((byte)seed, 120, 60));
        image.Metadata.ExifProfile = new ExifProfile();
        image.Metadata.ExifProfile.SetValue(ExifTag.GPSLatitudeRef, "N");
        image.Metadata.ExifProfile.SetValue(ExifTag.GPSLatitude, [new Rational(39, 1), new Rational(54, 1), new Rational(27, 1)]);
        image.Metadata.ExifProfile.SetValue(ExifTag.Make, "CivicCam");
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream);
        return stream.ToArray();
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, string name, string type = "image/jpeg")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        form.Add(file, "file", name);
        return await client.PostAsync("/api/v1/files", form, Ct);
    }

    private async Task<string> UploadPhotoAsync(HttpClient client, int seed)
    {
        var response = await UploadAsync(client, PhotoWithGps(seed), "现场.jpg");
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Json()).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task A_photo_is_published_without_exif_and_staff_keep_the_original()
    {
        var resident = await app.ClientAs("resident");
        var bytes = PhotoWithGps(1);
        var response = await UploadAsync(resident, bytes, "IMG_0001.jpg");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Json();
        var id = body.GetProperty("id").GetString()!;
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), id);
        Assert.Equal("image/jpeg", body.GetProperty("contentType").GetString());
        Assert.True(body.GetProperty("size").GetInt64() > 0);
        Assert.Equal($"/api/v1/files/{id}/thumbnail", body.GetProperty("thumbnailUrl").GetString());

        var publicCopy = await resident.GetByteArrayAsync($"/api/v1/files/{id}", Ct);
        using (var image = Image.Load(publicCopy))
        {
            Assert.Null(image.Metadata.ExifProfile?.GetValue(ExifTag.GPSLatitude));
            Assert.Null(image.Metadata.ExifProfile?.GetValue(ExifTag.Make));
            Assert.Equal(1200, image.Width);
        }

        using (var thumb = Image.Load(await resident.GetByteArrayAsync($"/api/v1/files/{id}/thumbnail", Ct)))
        {
            Assert.Equal(320, Math.Max(thumb.Width, thumb.Height));
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await resident.Get($"/api/v1/files/{id}?original=true")).StatusCode);
        var original = await (await app.ClientAs("dispatcher")).GetByteArrayAsync($"/api/v1/files/{id}?original=true", Ct);
        Assert.Equal(bytes, original);
        using (var image = Image.Load(original))
        {
            Assert.NotNull(image.Metadata.ExifProfile?.GetValue(ExifTag.GPSLatitude));
        }

        // Same bytes again: the same id, nothing stored twice.
        var again = await UploadAsync(resident, bytes, "again.jpg");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(id, (await again.Json()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Files_are_judged_by_content_and_size()
    {
        var resident = await app.ClientAs("resident");
        var fake = await UploadAsync(resident, Encoding.UTF8.GetBytes("这其实是一段文字，不是照片。"), "photo.jpg");
        Assert.Equal(HttpStatusCode.BadRequest, fake.StatusCode);
        Assert.Contains("类型", (await fake.Json()).GetProperty("detail").GetString());

        var pdf = await UploadAsync(resident, Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n"), "整改报告.pdf", "application/octet-stream");
        Assert.Equal(HttpStatusCode.Created, pdf.StatusCode);
        var pdfBody = await pdf.Json();
        Assert.Equal("application/pdf", pdfBody.GetProperty("contentType").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, pdfBody.GetProperty("thumbnailUrl").ValueKind);

        var huge = new byte[(10 * 1024 * 1024) + 1];
        "%PDF-"u8.CopyTo(huge);
        var tooLarge = await UploadAsync(resident, huge, "big.pdf");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Contains("MB", (await tooLarge.Json()).GetProperty("detail").GetString());

        Assert.Equal(HttpStatusCode.Unauthorized, (await UploadAsync(app.Anonymous(), PhotoWithGps(2), "x.jpg")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await resident.Get("/api/v1/files/" + new string('a', 64))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await resident.Get("/api/v1/files/..%2F..%2Fetc%2Fpasswd")).StatusCode);
    }

    [Fact]
    public async Task Photos_on_the_report_and_on_handling_appear_in_the_history()
    {
        var resident = await app.ClientAs("resident");
        var handler = await app.ClientAs("handler.cg");
        var before = await UploadPhotoAsync(resident, 3);
        var cells = await (await app.ClientAs("admin")).GetJson("/api/v1/regions/110199003001/children");
        var report = await resident.Post("/api/v1/cases", new
        {
            description = "人行道上有人占道经营摆摊",
            lon = cells[0].GetProperty("centerLon").GetDouble(),
            lat = cells[0].GetProperty("centerLat").GetDouble(),
            attachments = new[] { before },
        });
        Assert.Equal(HttpStatusCode.Created, report.StatusCode);
        var created = await report.Json();
        var id = created.GetProperty("id").GetInt64();
        var first = created.GetProperty("history")[0].GetProperty("attachments")[0];
        Assert.Equal(before, first.GetProperty("id").GetString());
        Assert.Equal($"/api/v1/files/{before}", first.GetProperty("url").GetString());

        var bad = await resident.Post("/api/v1/cases", new { description = "占道经营", address = "青年路", attachments = new[] { "not-a-file" } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await handler.Post($"/api/v1/cases/{id}/transitions", new { action = "acknowledge" })).StatusCode);
        var after = await UploadPhotoAsync(handler, 4);
        var handled = await handler.Post($"/api/v1/cases/{id}/transitions", new { action = "handle", comment = "已劝离摊贩", attachments = new[] { after } });
        Assert.Equal(HttpStatusCode.OK, handled.StatusCode);
        var history = (await handled.Json()).GetProperty("history").EnumerateArray().ToList();
        var handle = history.Single(e => e.GetProperty("kind").GetString() == "handle");
        Assert.Equal(after, handle.GetProperty("attachments")[0].GetProperty("id").GetString());
        Assert.NotNull(handle.GetProperty("attachments")[0].GetProperty("thumbnailUrl").GetString());
        Assert.True((await (await app.ClientAs("admin")).GetJson($"/api/v1/cases/{id}/history/verification")).GetProperty("intact").GetBoolean());
    }
}

public sealed class AttachmentApiTestsOnSqlite(SqliteApp app) : AttachmentApiTests<SqliteApp>(app);

public sealed class AttachmentApiTestsOnPostgres(PostgresApp app) : AttachmentApiTests<PostgresApp>(app);
