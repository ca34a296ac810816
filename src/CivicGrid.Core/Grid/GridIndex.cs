using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace CivicGrid.Grid;

/// <summary>
/// Immutable point-location index over the grid cells, built once per grid version and shared by all
/// requests (thread-safe, read-only).
/// <para>
/// Candidate filtering is a flat equivalent of the STRtree of DESIGN.md: a uniform bucket grid over the
/// extent where each bucket lists (in code order) the cells whose envelope meets it. For a point query
/// this is the same envelope filter an STRtree does, but found by two multiplications instead of a
/// tree walk, with no allocation. The exact test is the ray-crossing algorithm of NTS
/// (<c>RayCrossingCounter</c>) on flattened coordinate arrays, with the same robust orientation
/// predicate, so answers equal <c>IPreparedGeometry.Covers(point)</c>: boundary points are covered,
/// and on a shared edge the smallest code wins.
/// </para>
/// </summary>
public sealed class GridIndex
{
    private readonly string[] _codes;
    private readonly double[] _envelopes;   // minX, minY, maxX, maxY per cell
    private readonly int[] _cellRings;      // ring range of cell c: [_cellRings[c], _cellRings[c + 1])
    private readonly int[] _ringStarts;     // vertex range of ring r: [_ringStarts[r], _ringStarts[r + 1]), closed
    private readonly double[] _xy;          // interleaved x, y of every ring vertex
    private readonly double _minX, _minY, _maxX, _maxY, _scaleX, _scaleY;
    private readonly int _nx, _ny;
    private readonly int[] _bucketStarts;
    private readonly int[] _bucketCells;
    private readonly int[] _bucketAnswers;  // per bucket: cell index, None, or Scan (a boundary crosses it)

    private const int Scan = -2, None = -1;

    public GridIndex(IEnumerable<(string Code, Geometry Shape)> cells)
    {
        var sorted = cells.Where(c => !c.Shape.IsEmpty).OrderBy(c => c.Code, StringComparer.Ordinal).ToArray();
        Count = sorted.Length;
        _codes = sorted.Select(c => c.Code).ToArray();
        _envelopes = new double[Count * 4];
        _cellRings = new int[Count + 1];
        var rings = new List<int>();
        var xy = new List<double>();
        Envelope extent = new();
        for (var c = 0; c < Count; c++)
        {
            var shape = sorted[c].Shape;
            var env = shape.EnvelopeInternal;
            extent.ExpandToInclude(env);
            (_envelopes[4 * c], _envelopes[(4 * c) + 1], _envelopes[(4 * c) + 2], _envelopes[(4 * c) + 3]) = (env.MinX, env.MinY, env.MaxX, env.MaxY);
            _cellRings[c] = rings.Count;
            foreach (var polygon in NetTopologySuite.Geometries.Utilities.PolygonExtracter.GetPolygons(shape).Cast<Polygon>())
            {
                foreach (var ring in new[] { polygon.Shell }.Concat(polygon.Holes))
                {
                    rings.Add(xy.Count / 2);
                    var seq = ring.CoordinateSequence;
                    for (var i = 0; i < seq.Count; i++)
                    {
                        xy.Add(seq.GetX(i));
                        xy.Add(seq.GetY(i));
                    }
                }
            }
        }

        _cellRings[Count] = rings.Count;
        rings.Add(xy.Count / 2);
        _ringStarts = [.. rings];
        _xy = [.. xy];

        (_minX, _minY, _maxX, _maxY) = Count == 0 ? (0, 0, -1, -1) : (extent.MinX, extent.MinY, extent.MaxX, extent.MaxY);
        // About eight buckets per cell, shaped like the extent: most buckets resolve without geometry.
        var buckets = Math.Clamp(Count * 8, 1, 1 << 22);
        double w = Math.Max(_maxX - _minX, 1e-9), h = Math.Max(_maxY - _minY, 1e-9);
        _nx = Math.Clamp((int)Math.Sqrt(buckets * w / h), 1, 4096);
        _ny = Math.Clamp(buckets / _nx, 1, 4096);
        _scaleX = _nx / w;
        _scaleY = _ny / h;
        (_bucketStarts, _bucketCells) = BuildBuckets();
        _bucketAnswers = ResolveBuckets();
    }

    public int Count { get; }

    private (int[] Starts, int[] Cells) BuildBuckets()
    {
        var counts = new int[(_nx * _ny) + 1];
        ForEachBucket((b, _) => counts[b + 1]++);
        for (var b = 0; b < _nx * _ny; b++)
        {
            counts[b + 1] += counts[b];
        }

        var cells = new int[counts[^1]];
        var fill = (int[])counts.Clone();
        ForEachBucket((b, c) => cells[fill[b]++] = c); // cells visited in code order, so each bucket is sorted
        return (counts, cells);
    }

    /// <summary>
    /// A bucket that no ring segment of its candidates touches has one answer for all its points (a
    /// point's cover can only change across a boundary): the answer at its centre. Lookups there need
    /// no geometry at all. The test is conservative (the bucket is padded), so it never changes an answer.
    /// </summary>
    private int[] ResolveBuckets()
    {
        var answers = new int[_nx * _ny];
        double bw = 1 / _scaleX, bh = 1 / _scaleY, padX = bw * 1e-6, padY = bh * 1e-6;
        for (var b = 0; b < answers.Length; b++)
        {
            int bx = b % _nx, by = b / _nx;
            double x0 = _minX + (bx * bw) - padX, y0 = _minY + (by * bh) - padY, x1 = x0 + bw + (2 * padX), y1 = y0 + bh + (2 * padY);
            var crossed = false;
            for (var k = _bucketStarts[b]; k < _bucketStarts[b + 1] && !crossed; k++)
            {
                crossed = BoundaryMeets(_bucketCells[k], x0, y0, x1, y1);
            }

            answers[b] = crossed ? Scan : ScanBucket(b, (x0 + x1) / 2, (y0 + y1) / 2);
        }

        return answers;
    }

    private bool BoundaryMeets(int cell, double x0, double y0, double x1, double y1)
    {
        for (int i = _ringStarts[_cellRings[cell]] + 1, end = _ringStarts[_cellRings[cell + 1]]; i < end; i++)
        {
            double ax = _xy[(2 * i) - 2], ay = _xy[(2 * i) - 1], bx = _xy[2 * i], by = _xy[(2 * i) + 1];
            if (Math.Max(ax, bx) < x0 || Math.Min(ax, bx) > x1 || Math.Max(ay, by) < y0 || Math.Min(ay, by) > y1)
            {
                continue;
            }

            // The segment's line separates the rectangle's corners (or passes through one): it meets it.
            double dx = bx - ax, dy = by - ay;
            var s00 = Math.Sign((dx * (y0 - ay)) - (dy * (x0 - ax)));
            var s01 = Math.Sign((dx * (y1 - ay)) - (dy * (x0 - ax)));
            var s10 = Math.Sign((dx * (y0 - ay)) - (dy * (x1 - ax)));
            var s11 = Math.Sign((dx * (y1 - ay)) - (dy * (x1 - ax)));
            if (!(s00 == s01 && s01 == s10 && s10 == s11 && s00 != 0))
            {
                return true;
            }
        }

        return false;
    }

    private int ScanBucket(int bucket, double lon, double lat)
    {
        for (int k = _bucketStarts[bucket], end = _bucketStarts[bucket + 1]; k < end; k++)
        {
            var c = _bucketCells[k];
            var e = 4 * c;
            if (lon >= _envelopes[e] && lat >= _envelopes[e + 1] && lon <= _envelopes[e + 2] && lat <= _envelopes[e + 3]
                && Covers(c, lon, lat))
            {
                return c;
            }
        }

        return None;
    }

    private void ForEachBucket(Action<int, int> action)
    {
        for (var c = 0; c < Count; c++)
        {
            int x0 = BucketX(_envelopes[4 * c]), y0 = BucketY(_envelopes[(4 * c) + 1]);
            int x1 = BucketX(_envelopes[(4 * c) + 2]), y1 = BucketY(_envelopes[(4 * c) + 3]);
            for (var y = y0; y <= y1; y++)
            {
                for (var x = x0; x <= x1; x++)
                {
                    action((y * _nx) + x, c);
                }
            }
        }
    }

    private int BucketX(double x) => Math.Clamp((int)((x - _minX) * _scaleX), 0, _nx - 1);

    private int BucketY(double y) => Math.Clamp((int)((y - _minY) * _scaleY), 0, _ny - 1);

    /// <summary>The code of the cell covering the point; on a shared edge the smallest code wins.</summary>
    public string? Locate(double lon, double lat)
    {
        if (!(lon >= _minX && lon <= _maxX && lat >= _minY && lat <= _maxY))
        {
            return null; // also NaN
        }

        var bucket = (BucketY(lat) * _nx) + BucketX(lon);
        var cell = _bucketAnswers[bucket];
        if (cell == Scan)
        {
            cell = ScanBucket(bucket, lon, lat);
        }

        return cell == None ? null : _codes[cell];
    }

    /// <summary>NTS RayCrossingCounter over every ring of the cell: on a segment, or an odd crossing count.</summary>
    private bool Covers(int cell, double px, double py)
    {
        var crossings = 0;
        for (int r = _cellRings[cell], rEnd = _cellRings[cell + 1]; r < rEnd; r++)
        {
            for (int i = _ringStarts[r] + 1, end = _ringStarts[r + 1]; i < end; i++)
            {
                double x1 = _xy[(2 * i) - 2], y1 = _xy[(2 * i) - 1], x2 = _xy[2 * i], y2 = _xy[(2 * i) + 1];
                if (x1 < px && x2 < px)
                {
                    continue;
                }

                if (px == x2 && py == y2)
                {
                    return true;
                }

                if (y1 == py && y2 == py)
                {
                    if (px >= Math.Min(x1, x2) && px <= Math.Max(x1, x2))
                    {
                        return true;
                    }

                    continue;
                }

                if ((y1 > py && y2 <= py) || (y2 > py && y1 <= py))
                {
                    var orient = OrientationIndex(x1, y1, x2, y2, px, py);
                    if (orient == 0)
                    {
                        return true;
                    }

                    if (y2 < y1)
                    {
                        orient = -orient;
                    }

                    if (orient > 0)
                    {
                        crossings++;
                    }
                }
            }
        }

        return (crossings & 1) == 1;
    }

    /// <summary>The double-precision filter of NTS <c>CGAlgorithmsDD</c>; undecided cases go to NTS itself.</summary>
    private static int OrientationIndex(double ax, double ay, double bx, double by, double cx, double cy)
    {
        var detLeft = (ax - cx) * (by - cy);
        var detRight = (ay - cy) * (bx - cx);
        var det = detLeft - detRight;
        double detSum;
        if (detLeft > 0)
        {
            if (detRight <= 0)
            {
                return Math.Sign(det);
            }

            detSum = detLeft + detRight;
        }
        else if (detLeft < 0)
        {
            if (detRight >= 0)
            {
                return Math.Sign(det);
            }

            detSum = -detLeft - detRight;
        }
        else
        {
            return Math.Sign(det);
        }

        var errBound = 1e-15 * detSum;
        if (det >= errBound || -det >= errBound)
        {
            return Math.Sign(det);
        }

        return (int)Orientation.Index(new Coordinate(ax, ay), new Coordinate(bx, by), new Coordinate(cx, cy));
    }
}
