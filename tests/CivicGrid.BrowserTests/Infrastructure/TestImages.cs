using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace CivicGrid.BrowserTests.Infrastructure;

/// <summary>Small real images for upload steps.</summary>
internal static class TestImages
{
    public static byte[] Png(int width = 640, int height = 480)
    {
        using var image = new Image<Rgba32>(width, height, new Rgba32(46, 125, 50));
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        return stream.ToArray();
    }
}
