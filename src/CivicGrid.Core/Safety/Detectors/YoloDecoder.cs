namespace CivicGrid.Safety.Detectors;

/// <summary>A box a YOLO-style model proposes, in the model's input pixels (centre, size).</summary>
public readonly record struct YoloBox(float CenterX, float CenterY, float Width, float Height, int ClassIndex, float Score)
{
    public float Left => CenterX - (Width / 2);
    public float Top => CenterY - (Height / 2);
    public float Right => CenterX + (Width / 2);
    public float Bottom => CenterY + (Height / 2);

    public float IoU(YoloBox other)
    {
        var w = Math.Min(Right, other.Right) - Math.Max(Left, other.Left);
        var h = Math.Min(Bottom, other.Bottom) - Math.Max(Top, other.Top);
        if (w <= 0 || h <= 0)
        {
            return 0;
        }

        var inter = w * h;
        return inter / ((Width * Height) + (other.Width * other.Height) - inter);
    }
}

/// <summary>
/// Turns a YOLO-style output tensor into boxes: per candidate the best class (times objectness for v5), a score threshold,
/// then per-class non-maximum suppression.
/// </summary>
public static class YoloDecoder
{
    /// <summary>Decodes an output of shape <c>[1, a, b]</c> (see <see cref="YoloLayout"/>); throws for any other shape.</summary>
    public static IReadOnlyList<YoloBox> Decode(ReadOnlySpan<float> output, IReadOnlyList<int> dims, YoloLayout layout, float minScore, float nmsIou)
    {
        if (dims.Count != 3 || dims[0] != 1)
        {
            throw new ArgumentException($"YOLO 输出形状须为 [1, a, b]，实际为 [{string.Join(", ", dims)}]。", nameof(dims));
        }

        var v8 = layout == YoloLayout.V8;
        var (attributes, candidates) = v8 ? (dims[1], dims[2]) : (dims[2], dims[1]);
        var firstClass = v8 ? 4 : 5;
        var classes = attributes - firstClass;
        if (classes < 1 || output.Length != attributes * candidates)
        {
            throw new ArgumentException($"YOLO 输出形状 [{string.Join(", ", dims)}] 与 {(v8 ? "v8" : "v5")} 布局不符。", nameof(dims));
        }

        var found = new List<YoloBox>();
        for (var c = 0; c < candidates; c++)
        {
            var best = 0;
            var bestScore = float.MinValue;
            for (var k = 0; k < classes; k++)
            {
                var s = At(output, v8, attributes, candidates, c, firstClass + k);
                if (s > bestScore)
                {
                    best = k;
                    bestScore = s;
                }
            }

            var score = v8 ? bestScore : bestScore * At(output, v8, attributes, candidates, c, 4);
            var (w, h) = (At(output, v8, attributes, candidates, c, 2), At(output, v8, attributes, candidates, c, 3));
            if (score >= minScore && w > 0 && h > 0)
            {
                found.Add(new YoloBox(At(output, v8, attributes, candidates, c, 0), At(output, v8, attributes, candidates, c, 1), w, h, best, score));
            }
        }

        return Suppress(found, nmsIou);
    }

    private static float At(ReadOnlySpan<float> output, bool v8, int attributes, int candidates, int candidate, int attribute) =>
        v8 ? output[(attribute * candidates) + candidate] : output[(candidate * attributes) + attribute];

    /// <summary>Keeps the strongest box of each cluster of same-class boxes overlapping more than <paramref name="iou"/>.</summary>
    public static IReadOnlyList<YoloBox> Suppress(IEnumerable<YoloBox> boxes, float iou)
    {
        var kept = new List<YoloBox>();
        foreach (var box in boxes.OrderByDescending(b => b.Score))
        {
            if (!kept.Any(k => k.ClassIndex == box.ClassIndex && k.IoU(box) > iou))
            {
                kept.Add(box);
            }
        }

        return kept;
    }
}
