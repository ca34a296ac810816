using CivicGrid.Safety.Detections;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace CivicGrid.Safety.Detectors;

/// <summary>
/// The usual YOLO input: the image scaled to fit the model's square (aspect kept), centred on grey (114), as planar RGB
/// 0–1 (<c>[1, 3, height, width]</c>); and the way back from model pixels to image fractions.
/// </summary>
public sealed class Letterbox
{
    private Letterbox(float[] pixels, int imageWidth, int imageHeight, float scale, float padX, float padY)
    {
        Pixels = pixels;
        ImageWidth = imageWidth;
        ImageHeight = imageHeight;
        Scale = scale;
        PadX = padX;
        PadY = padY;
    }

    public float[] Pixels { get; }
    public int ImageWidth { get; }
    public int ImageHeight { get; }
    public float Scale { get; }
    public float PadX { get; }
    public float PadY { get; }

    public static Letterbox Of(byte[] imageBytes, int width, int height)
    {
        using var image = Image.Load<Rgb24>(imageBytes);
        var scale = Math.Min((float)width / image.Width, (float)height / image.Height);
        var scaledW = Math.Max(1, (int)Math.Round(image.Width * scale));
        var scaledH = Math.Max(1, (int)Math.Round(image.Height * scale));
        var (imageWidth, imageHeight) = (image.Width, image.Height);
        image.Mutate(x => x.Resize(scaledW, scaledH));
        var padX = (width - scaledW) / 2;
        var padY = (height - scaledH) / 2;

        var plane = width * height;
        var pixels = new float[3 * plane];
        Array.Fill(pixels, 114f / 255f);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                var offset = ((y + padY) * width) + padX;
                for (var x = 0; x < row.Length; x++)
                {
                    pixels[offset + x] = row[x].R / 255f;
                    pixels[plane + offset + x] = row[x].G / 255f;
                    pixels[(2 * plane) + offset + x] = row[x].B / 255f;
                }
            }
        });

        return new Letterbox(pixels, imageWidth, imageHeight, scale, padX, padY);
    }

    /// <summary>A model box in image fractions, clipped to the image; null when nothing of it is inside.</summary>
    public DetectionBox? ToImage(YoloBox box)
    {
        // Rounded down to the four decimals the boxes are stored with, so a box never reaches past the image.
        var left = Floor4((box.Left - PadX) / Scale / ImageWidth);
        var top = Floor4((box.Top - PadY) / Scale / ImageHeight);
        var right = Floor4((box.Right - PadX) / Scale / ImageWidth);
        var bottom = Floor4((box.Bottom - PadY) / Scale / ImageHeight);
        return right > left && bottom > top ? new DetectionBox(left, top, right - left, bottom - top) : null;
    }

    /// <summary>Down to four decimals; the tiny nudge keeps 0.64 from becoming 0.6399 through binary rounding.</summary>
    internal static double Floor4(double fraction) => Math.Floor((Math.Clamp(fraction, 0, 1) * 10_000) + 1e-6) / 10_000;
}
