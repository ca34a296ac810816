using OpenCvSharp;

namespace CivicGrid.Tests.Safety.Detectors;

/// <summary>Pictures the detector tests draw themselves (nothing licensed, nothing downloaded).</summary>
public static class TestPictures
{
    /// <summary>A plain grey JPEG.</summary>
    public static byte[] Plain(int width, int height)
    {
        using var image = new Mat(height, width, MatType.CV_8UC3, new OpenCvSharp.Scalar(128, 128, 128));
        return image.ImEncode(".jpg");
    }

    /// <summary>
    /// A 640×480 JPEG with one standing figure drawn as a dark silhouette (head, torso, arms, legs) on light grey: centre
    /// x = 420 px, from y = 150 to 370 px, so its feet are at about (0.66, 0.8) of the image. OpenCV's HOG people detector
    /// finds it (SVM score about 3).
    /// </summary>
    public static byte[] StandingFigure()
    {
        using var image = new Mat(480, 640, MatType.CV_8UC3, new OpenCvSharp.Scalar(200, 200, 200));
        const int cx = 420, top = 150;
        const double s = 220 / 170.0;
        var dark = new OpenCvSharp.Scalar(40, 40, 40);
        Point P(double x, double y) => new((int)(cx + (x * s)), (int)(top + (y * s)));
        Cv2.Ellipse(image, P(0, 12), new Size((int)(10 * s), (int)(12 * s)), 0, 0, 360, dark, -1);
        Cv2.FillConvexPoly(image, [P(-18, 26), P(18, 26), P(15, 90), P(-15, 90)], dark);
        Cv2.Line(image, P(-17, 30), P(-25, 85), dark, (int)(8 * s));
        Cv2.Line(image, P(17, 30), P(25, 85), dark, (int)(8 * s));
        Cv2.Line(image, P(-8, 88), P(-14, 168), dark, (int)(12 * s));
        Cv2.Line(image, P(8, 88), P(14, 168), dark, (int)(12 * s));
        Cv2.GaussianBlur(image, image, new Size(3, 3), 0);
        return image.ImEncode(".jpg");
    }
}
