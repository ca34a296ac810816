using CivicGrid.Safety.Detections;
using CivicGrid.Safety.Detectors;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CivicGrid.Tests.Safety.Detectors;

/// <summary>The pure parts of the detectors: YOLO decoding with threshold and NMS, letterbox mapping, the foot-point rule.</summary>
public sealed class DetectorRulesTests
{
    [Fact]
    public void V8_output_keeps_the_best_class_above_the_threshold_and_suppresses_overlaps_of_one_class()
    {
        // Three candidates, two classes; layout [1, 6, 3]: rows cx, cy, w, h, score0, score1.
        float[][] candidates = [[100, 100, 40, 40, 0.9f, 0.1f], [104, 100, 40, 40, 0.7f, 0.2f], [104, 100, 40, 40, 0.1f, 0.6f], [300, 300, 20, 20, 0.2f, 0.1f]];
        var flat = new float[6 * 4];
        for (var c = 0; c < 4; c++)
        {
            for (var a = 0; a < 6; a++)
            {
                flat[(a * 4) + c] = candidates[c][a];
            }
        }

        var boxes = YoloDecoder.Decode(flat, [1, 6, 4], YoloLayout.V8, 0.25f, 0.45f);

        // The 0.7 box of class 0 overlaps the 0.9 one (IoU 0.82) and goes; class 1 at the same place stays; 0.2 is below 0.25.
        Assert.Equal([(0, 0.9f, 100f), (1, 0.6f, 104f)], boxes.Select(b => (b.ClassIndex, b.Score, b.CenterX)));
    }

    [Fact]
    public void V5_output_multiplies_class_scores_by_objectness()
    {
        float[] rows = [50, 50, 10, 10, 0.5f, 0.9f, 0.1f, 200, 200, 10, 10, 0.95f, 0.2f, 0.8f];
        var boxes = YoloDecoder.Decode(rows, [1, 2, 7], YoloLayout.V5, 0.5f, 0.45f);
        Assert.Equal([(1, 0.76f)], boxes.Select(b => (b.ClassIndex, MathF.Round(b.Score, 2))));
    }

    [Fact]
    public void An_output_of_another_shape_is_refused()
    {
        Assert.Throws<ArgumentException>(() => YoloDecoder.Decode(new float[10], [1, 10], YoloLayout.V8, 0.25f, 0.45f));
        Assert.Throws<ArgumentException>(() => YoloDecoder.Decode(new float[12], [1, 4, 3], YoloLayout.V8, 0.25f, 0.45f));
    }

    [Fact]
    public void Letterbox_boxes_map_back_to_image_fractions()
    {
        // 128×64 into 64×64: scale 0.5, the image occupies rows 16–47.
        var letterbox = Letterbox.Of(TestPictures.Plain(128, 64), 64, 64);
        Assert.Equal((0.5f, 0f, 16f), (letterbox.Scale, letterbox.PadX, letterbox.PadY));
        Assert.Equal(new DetectionBox(0.125, 0.25, 0.25, 0.5), letterbox.ToImage(new YoloBox(16, 32, 16, 16, 0, 1)));

        // Outside the image (in the padding): nothing.
        Assert.Null(letterbox.ToImage(new YoloBox(32, 4, 10, 6, 0, 1)));

        // Pixels outside the image are the grey padding; inside, the picture's grey.
        Assert.Equal(114 / 255f, letterbox.Pixels[0], 3);
        Assert.Equal(128 / 255f, letterbox.Pixels[(32 * 64) + 32], 1);
    }

    [Fact]
    public void Intrusion_counts_people_whose_foot_point_is_in_the_zone()
    {
        var floor = ZonePolygon.Parse("0,0.6 1,0.6 1,1 0,1")!;

        // Standing on the floor zone with the body (and the box centre, y 0.4) above it; and one whose feet end at y 0.5.
        var standing = new PersonBox(new DetectionBox(0.45, 0.1, 0.2, 0.6), 2.0);
        var behind = new PersonBox(new DetectionBox(0.1, 0.0, 0.2, 0.5), 3.0);
        var finding = IntrusionZone.Judge([standing, behind], floor)!;

        Assert.Equal(DetectionType.Intrusion, finding.Type);
        var foot = Assert.Single(finding.Boxes);
        Assert.Equal(new DetectionBox(0.45, 0.64, 0.2, 0.06), foot);
        Assert.True(floor.Covers(finding.Boxes));
        Assert.False(floor.Covers([standing.Box]));
        Assert.Equal(Math.Round(1 - Math.Exp(-2.0), 4), finding.Confidence);

        // Head and body in a zone but feet outside it: no intruder.
        var upper = ZonePolygon.Parse("0,0 1,0 1,0.5 0,0.5")!;
        Assert.Null(IntrusionZone.Judge([standing], upper));
    }

    [Fact]
    public async Task A_failing_native_loader_turns_the_intrusion_detector_off_with_a_chinese_reason()
    {
        using var detector = new IntrusionDetector(new MissingOpenCv(), Options.Create(new DetectorOptions()), NullLogger<IntrusionDetector>.Instance);

        var status = detector.Status;

        Assert.False(status.Available);
        Assert.Equal("OpenCV 运行库无法加载：Unable to load shared library 'OpenCvSharpExtern'，区域入侵检测不可用。", status.Message);
        var camera = new CameraEntry(1, "X", "X", 1, "110199", null, new Dictionary<DetectionType, (RuleSettings, RuleAction)>());
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => detector.DetectAsync([], camera, TestContext.Current.CancellationToken));
        Assert.Equal(status.Message, refused.Message);
    }

    [Fact]
    public void OpenCv_hog_finds_the_drawn_figure()
    {
        using var finder = new HogPeopleFinder(new IntrusionDetectorOptions());
        var person = Assert.Single(finder.Find(TestPictures.StandingFigure()));

        // The figure spans x 0.6–0.71 and y 0.31–0.77 of the image; HOG's window is somewhat larger.
        Assert.InRange(person.Box.CenterX, 0.60, 0.72);
        Assert.InRange(person.Box.Y + person.Box.H, 0.77, 0.9);
        Assert.True(person.Score > 1, $"HOG score {person.Score}");
    }
}

/// <summary>Stands for a machine where libOpenCvSharpExtern cannot be loaded.</summary>
public sealed class MissingOpenCv : IPeopleFinderLoader
{
    public string Library => "OpenCV";

    public IPeopleFinder Load() =>
        throw new TypeInitializationException("OpenCvSharp.Internal.NativeMethods", new DllNotFoundException("Unable to load shared library 'OpenCvSharpExtern'"));
}
