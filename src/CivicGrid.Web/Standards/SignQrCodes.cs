using System.IO.Compression;
using CivicGrid.Standards;
using Microsoft.Extensions.Options;
using QRCoder;

namespace CivicGrid.Web.Standards;

/// <summary>QR codes of the sign pages: PNG images of the absolute address of <c>/p/points/{code}</c>.</summary>
public sealed class SignQrCodes(IOptions<StandardsOptions> options)
{
    public const int DefaultPixelsPerModule = 10;

    /// <summary>The site address residents reach: the configured public address, else the address of this request.</summary>
    public string BaseUrl(HttpRequest request) =>
        string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl)
            ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : options.Value.PublicBaseUrl.TrimEnd('/');

    public string SignUrl(HttpRequest request, string code) => BaseUrl(request) + PointSigns.PathOf(code);

    /// <summary>A black-on-white PNG with the quiet zone; error correction M survives a scuffed sign.</summary>
    public static byte[] Png(string text, int pixelsPerModule = DefaultPixelsPerModule)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(Math.Clamp(pixelsPerModule, 2, 40));
    }

    public static string PngDataUri(string text, int pixelsPerModule = DefaultPixelsPerModule) =>
        "data:image/png;base64," + Convert.ToBase64String(Png(text, pixelsPerModule));

    /// <summary>One PNG a point, named “编码-名称.png”, in a zip (for a print shop).</summary>
    public byte[] Zip(HttpRequest request, IEnumerable<(string Code, string Name)> points, int pixelsPerModule)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (code, name) in points)
            {
                var entry = zip.CreateEntry($"{code}-{SafeFileName(name)}.png", CompressionLevel.Fastest);
                using var stream = entry.Open();
                stream.Write(Png(SignUrl(request, code), pixelsPerModule));
            }
        }

        return buffer.ToArray();
    }

    private static string SafeFileName(string name) =>
        string.Concat(name.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c is '(' or ')' ? '_' : c));
}
