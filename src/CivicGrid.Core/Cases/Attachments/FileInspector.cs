using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Processing;

namespace CivicGrid.Cases.Attachments;

/// <summary>The copies made of one upload: the public one (EXIF/GPS removed) and, for images, a thumbnail.</summary>
public sealed record InspectedFile(StoredFileKind Kind, string ContentType, byte[] Public, byte[]? Thumbnail, string? ThumbnailContentType,
    int? Width, int? Height);

/// <summary>Decides what a file is from its bytes (magic numbers and the image decoder), never from its name.</summary>
public static class FileInspector
{
    public const int ThumbnailSize = 320;
    private const long MaxPixels = 50_000_000;

    private static readonly Dictionary<IImageFormat, string> Allowed = new()
    {
        [JpegFormat.Instance] = "image/jpeg",
        [PngFormat.Instance] = "image/png",
        [WebpFormat.Instance] = "image/webp",
        [GifFormat.Instance] = "image/gif",
    };

    /// <summary>The inspected copies, or a Chinese reason why the file is refused.</summary>
    public static (InspectedFile? File, string? Error) Inspect(byte[] content)
    {
        if (content.AsSpan().StartsWith("%PDF-"u8))
        {
            return (new InspectedFile(StoredFileKind.Document, "application/pdf", content, null, null, null, null), null);
        }

        var format = Image.DetectFormat(content);
        if (format is null || !Allowed.TryGetValue(format, out var contentType))
        {
            return (null, "文件类型不受支持：仅接受 JPEG、PNG、WebP、GIF 图片或 PDF 文档（按文件内容识别，不看扩展名）。");
        }

        try
        {
            var info = Image.Identify(content);
            if (info is null || (long)info.Width * info.Height > MaxPixels)
            {
                return (null, "图片尺寸过大或无法识别。");
            }

            using var image = Image.Load(content);
            image.Mutate(x => x.AutoOrient());
            Strip(image);
            var encoder = Configuration.Default.ImageFormatsManager.FindEncoder(format);
            var cleaned = Encode(image, encoder);
            image.Mutate(x => x.Resize(new ResizeOptions { Mode = ResizeMode.Max, Size = new Size(ThumbnailSize, ThumbnailSize) }));
            var thumbJpeg = format == JpegFormat.Instance;
            var thumb = Encode(image, thumbJpeg ? new JpegEncoder { Quality = 80 } : new PngEncoder());
            return (new InspectedFile(StoredFileKind.Image, contentType, cleaned, thumb, thumbJpeg ? "image/jpeg" : "image/png", info.Width, info.Height), null);
        }
        catch (Exception ex) when (ex is ImageFormatException or NotSupportedException or InvalidOperationException)
        {
            return (null, "图片内容已损坏或无法解码，请重新拍摄后上传。");
        }
    }

    /// <summary>EXIF (with GPS position, camera serial…), IPTC and XMP leave the public copy.</summary>
    private static void Strip(Image image)
    {
        image.Metadata.ExifProfile = null;
        image.Metadata.IptcProfile = null;
        image.Metadata.XmpProfile = null;
        foreach (var frame in image.Frames)
        {
            frame.Metadata.ExifProfile = null;
            frame.Metadata.IptcProfile = null;
            frame.Metadata.XmpProfile = null;
        }
    }

    private static byte[] Encode(Image image, IImageEncoder encoder)
    {
        using var stream = new MemoryStream();
        image.Save(stream, encoder);
        return stream.ToArray();
    }
}
