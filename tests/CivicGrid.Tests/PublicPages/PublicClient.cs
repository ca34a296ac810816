using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using CivicGrid.Tests.Infrastructure;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace CivicGrid.Tests.PublicPages;

/// <summary>What a resident's phone sends and reads on the public pages, and the staff steps that move his case on.</summary>
internal static partial class PublicClient
{
    // 占道经营 in the third 镇街 goes to 城管 (handler.cg) by the district rule; the first 镇街 has its own.
    public const string ThirdTownCommunity = "110199003001";
    public const string StreetVending = "SJ0401";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<(double Lon, double Lat)> PointAsync(CivicGridApp app, string community = ThirdTownCommunity, int cell = 0)
    {
        var cells = await (await app.ClientAs("admin")).GetJson($"/api/v1/regions/{community}/children");
        return (cells[cell].GetProperty("centerLon").GetDouble(), cells[cell].GetProperty("centerLat").GetDouble());
    }

    /// <summary>A JPEG as a phone takes it: with the GPS position and the camera in its EXIF.</summary>
    public static byte[] PhotoWithGps(byte shade = 90)
    {
        using var image = new Image<Rgba32>(800, 600, new Rgba32(shade, 140, 70));
        image.Metadata.ExifProfile = new ExifProfile();
        image.Metadata.ExifProfile.SetValue(ExifTag.GPSLatitudeRef, "N");
        image.Metadata.ExifProfile.SetValue(ExifTag.GPSLatitude, [new Rational(40, 1), new Rational(6, 1), new Rational(1, 1)]);
        image.Metadata.ExifProfile.SetValue(ExifTag.Make, "ResidentPhone");
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream);
        return stream.ToArray();
    }

    public static MultipartFormDataContent Form(IDictionary<string, string?> fields, params (string Name, byte[] Bytes, string Type)[] photos)
    {
        var form = new MultipartFormDataContent();
        foreach (var (key, value) in fields)
        {
            if (value is not null)
            {
                form.Add(new StringContent(value), key);
            }
        }

        foreach (var (name, bytes, type) in photos)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue(type);
            form.Add(file, "photo", name);
        }

        return form;
    }

    public static Dictionary<string, string?> Fields(string description, double? lon, double? lat, string? phone = null, string? key = null,
        string? category = null, string? address = null) => new()
        {
            ["description"] = description,
            ["lon"] = lon?.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            ["lat"] = lat?.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            ["phone"] = phone,
            ["idempotencyKey"] = key ?? Guid.NewGuid().ToString(),
            ["categoryCode"] = category,
            ["address"] = address,
        };

    /// <summary>Submits through the page's JSON endpoint; answers the body (number, trackingUrl, isNew).</summary>
    public static async Task<JsonElement> ReportAsync(HttpClient client, Dictionary<string, string?> fields, params (string, byte[], string)[] photos)
    {
        using var form = Form(fields, photos);
        var response = await client.PostAsync("/public/api/reports", form, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The page as a resident reads it: tags removed, entities decoded, whitespace collapsed.</summary>
    public static async Task<(HttpStatusCode Status, string Html, string Text)> PageAsync(HttpResponseMessage response)
    {
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        var main = html.Contains("<main", StringComparison.Ordinal) ? html[html.IndexOf("<main", StringComparison.Ordinal)..] : html;
        return (response.StatusCode, html, Whitespace().Replace(Tags().Replace(main, " "), " "));
    }

    public static async Task<(HttpStatusCode Status, string Html, string Text)> GetPageAsync(HttpClient client, string url) =>
        await PageAsync(await client.GetAsync(url, Ct));

    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, IDictionary<string, string?> fields)
    {
        using var form = new FormUrlEncodedContent(fields.Where(f => f.Value is not null).Select(f => new KeyValuePair<string, string>(f.Key, f.Value!)));
        return await client.PostAsync(url, form, Ct);
    }

    /// <summary>城管 acknowledges and handles (with a feedback photo), the inspector verifies: the case closes.</summary>
    public static async Task<string> CloseAsync(CivicGridApp app, string number, string feedback = "已责令商户将货物收回店内，人行道恢复通行。")
    {
        var handler = await app.ClientAs("handler.cg");
        await ActAsync(handler, number, new { action = "acknowledge" });
        using var upload = new MultipartFormDataContent();
        var file = new ByteArrayContent(PhotoWithGps(200));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        upload.Add(file, "file", "处理后.jpg");
        var stored = await (await handler.PostAsync("/api/v1/files", upload, Ct)).Json();
        var photo = stored.GetProperty("id").GetString()!;
        await ActAsync(handler, number, new { action = "handle", comment = feedback, attachments = new[] { photo } });
        var closed = await ActAsync(await app.ClientAs("inspector"), number, new { action = "verify", comment = "督查员王五现场复核，已整改到位。" });
        Assert.Equal("Closed", closed.GetProperty("status").GetString());
        return photo;
    }

    public static async Task<JsonElement> ActAsync(HttpClient client, string number, object body)
    {
        var response = await client.Post($"/api/v1/cases/{number}/transitions", body);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
