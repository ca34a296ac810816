using NetTopologySuite.Geometries;

namespace CivicGrid.Grid;

/// <summary>Shape of a generated grid: a district box cut into 镇街 → 村居 → 单元网格.</summary>
public sealed record LatticeGridOptions
{
    public required string DistrictCode { get; init; }
    public required string DistrictName { get; init; }
    public required double MinLon { get; init; }
    public required double MinLat { get; init; }
    public required double MaxLon { get; init; }
    public required double MaxLat { get; init; }

    /// <summary>Lattice size in quads; every region is a union of whole quads.</summary>
    public required int Columns { get; init; }

    public required int Rows { get; init; }
    public required int Towns { get; init; }
    public int MinCommunities { get; init; } = 6;
    public int MaxCommunities { get; init; } = 10;
    public int MinCells { get; init; } = 4;
    public int MaxCells { get; init; } = 8;
    public int Seed { get; init; } = 20260101;
    public GridNames Names { get; init; } = GridNames.Generic;
}

/// <summary>
/// Builds an exact region tree from ONE shared, jittered and smoothly warped vertex lattice.
/// Every region is an index rectangle of lattice quads (a guillotine partition whose cuts vary in
/// position), and its boundary walks every lattice vertex along its sides. So neighbours share
/// identical vertices, parents are exactly the union of their children, and nothing overlaps.
/// </summary>
public static class LatticeGridGenerator
{
    private readonly record struct Box(int I0, int J0, int I1, int J1)
    {
        public int Width => I1 - I0;
        public int Height => J1 - J0;
    }

    public static IReadOnlyList<Region> Generate(LatticeGridOptions o, DateTimeOffset now)
    {
        var rng = new Random(o.Seed);
        var lattice = new Lattice(o, rng);
        var plan = Enumerable.Range(0, o.Towns)
            .Select(_ => Enumerable.Range(0, rng.Next(o.MinCommunities, o.MaxCommunities + 1))
                .Select(_ => rng.Next(o.MinCells, o.MaxCells + 1)).ToArray())
            .ToArray();
        var names = new GridNameSource(o.Names, rng);
        var regions = new List<Region> { lattice.Make(o.DistrictCode, o.DistrictName, RegionLevel.District, null, o.DistrictCode, new Box(0, 0, o.Columns, o.Rows), now, 0) };
        var towns = Split(new Box(0, 0, o.Columns, o.Rows), plan.Select(t => t.Sum()).ToArray(), rng);
        for (var t = 0; t < towns.Length; t++)
        {
            var townCode = o.DistrictCode + (t + 1).ToString("D3");
            var (townName, isStreet) = names.Town(t);
            regions.Add(lattice.Make(townCode, townName, RegionLevel.Town, o.DistrictCode, o.DistrictCode, towns[t], now, t + 1));
            var communities = Split(towns[t], plan[t], rng);
            for (var c = 0; c < communities.Length; c++)
            {
                var communityCode = townCode + (c + 1).ToString("D3");
                var communityName = names.Community(isStreet, t, c);
                regions.Add(lattice.Make(communityCode, communityName, RegionLevel.Community, townCode, o.DistrictCode, communities[c], now, c + 1));
                var cells = Split(communities[c], Enumerable.Repeat(1, plan[t][c]).ToArray(), rng);
                for (var g = 0; g < cells.Length; g++)
                {
                    regions.Add(lattice.Make(communityCode + (g + 1).ToString("D3"), $"{communityName}第{g + 1}网格",
                        RegionLevel.Cell, communityCode, o.DistrictCode, cells[g], now, g + 1));
                }
            }
        }

        return regions;
    }

    /// <summary>Guillotine split of a box into one box per item, each area roughly proportional to its weight.</summary>
    private static Box[] Split(Box box, int[] weights, Random rng)
    {
        var result = new Box[weights.Length];
        SplitInto(box, weights, 0, weights.Length, result, rng);
        return result;
    }

    private static void SplitInto(Box box, int[] weights, int from, int to, Box[] result, Random rng)
    {
        var n = to - from;
        if (n == 1)
        {
            result[from] = box;
            return;
        }

        var preferred = from + (n / 2) + (n >= 4 ? rng.Next(-1, 2) : 0);
        var jitter = 1 + ((rng.NextDouble() - 0.5) * 0.3);
        var preferX = box.Width > box.Height || (box.Width == box.Height && rng.Next(2) == 0);
        var w = weights.AsSpan(from, n).ToArray().Sum();

        // Prefer two quads per weight unit and the preferred cut; relax until a cut fits.
        foreach (var quadsPerWeight in new[] { 2.0, 1.0 })
        {
            foreach (var mid in new[] { preferred }.Concat(Enumerable.Range(from + 1, n - 1).OrderBy(m => Math.Abs(m - preferred))))
            {
                var w1 = weights.AsSpan(from, mid - from).ToArray().Sum();
                var ratio = (double)w1 / w * jitter;
                if (TryCut(box, preferX, ratio, quadsPerWeight * w1, quadsPerWeight * (w - w1), out var first, out var second)
                    || TryCut(box, !preferX, ratio, quadsPerWeight * w1, quadsPerWeight * (w - w1), out first, out second))
                {
                    SplitInto(first, weights, from, mid, result, rng);
                    SplitInto(second, weights, mid, to, result, rng);
                    return;
                }
            }
        }

        throw new InvalidOperationException($"网格格点太少，无法切分 {n} 个区域（{box}）。");
    }

    /// <summary>Cuts across one axis, keeping at least the given number of quads on each side.</summary>
    private static bool TryCut(Box box, bool alongX, double ratio, double quads1, double quads2, out Box first, out Box second)
    {
        int length = alongX ? box.Width : box.Height, other = alongX ? box.Height : box.Width;
        var lo = Math.Max(1, (int)Math.Ceiling(quads1 / other));
        var hi = length - Math.Max(1, (int)Math.Ceiling(quads2 / other));
        first = second = box;
        if (lo > hi)
        {
            return false;
        }

        var cut = Math.Clamp((int)Math.Round(length * ratio), lo, hi);
        if (alongX)
        {
            first = box with { I1 = box.I0 + cut };
            second = box with { I0 = box.I0 + cut };
        }
        else
        {
            // Top part first, so codes run roughly north to south.
            first = box with { J0 = box.J1 - cut };
            second = box with { J1 = box.J1 - cut };
        }

        return true;
    }

    private sealed class Lattice
    {
        private readonly double[,] _x;
        private readonly double[,] _y;

        public Lattice(LatticeGridOptions o, Random rng)
        {
            int nx = o.Columns, ny = o.Rows;
            var u = Spacing(nx, rng);
            var v = Spacing(ny, rng);
            double w = o.MaxLon - o.MinLon, h = o.MaxLat - o.MinLat;
            double phase1 = rng.NextDouble() * 6.28, phase2 = rng.NextDouble() * 6.28;
            _x = new double[nx + 1, ny + 1];
            _y = new double[nx + 1, ny + 1];
            for (var i = 0; i <= nx; i++)
            {
                for (var j = 0; j <= ny; j++)
                {
                    // Smooth warp (bends long boundaries) plus per-vertex jitter; both vanish across the outer edge.
                    var dx = 0.025 * Math.Sin(Math.PI * u[i]) * Math.Sin((2 * Math.PI * 1.3 * v[j]) + phase1);
                    var dy = 0.025 * Math.Sin(Math.PI * v[j]) * Math.Sin((2 * Math.PI * 1.7 * u[i]) + phase2);
                    if (i > 0 && i < nx)
                    {
                        dx += (rng.NextDouble() - 0.5) * 0.55 * Math.Min(u[i] - u[i - 1], u[i + 1] - u[i]);
                    }

                    if (j > 0 && j < ny)
                    {
                        dy += (rng.NextDouble() - 0.5) * 0.55 * Math.Min(v[j] - v[j - 1], v[j + 1] - v[j]);
                    }

                    _x[i, j] = i == nx ? o.MaxLon : o.MinLon + ((u[i] + dx) * w);
                    _y[i, j] = j == ny ? o.MaxLat : o.MinLat + ((v[j] + dy) * h);
                }
            }
        }

        /// <summary>Lattice line positions 0..1 with spacings varying ±30% (smoothly), first 0, last 1.</summary>
        private static double[] Spacing(int n, Random rng)
        {
            var phase = rng.NextDouble() * 6.28;
            var steps = Enumerable.Range(0, n).Select(k => 1 + (0.3 * Math.Sin((k * 0.21) + phase)) + ((rng.NextDouble() - 0.5) * 0.2)).ToArray();
            var total = steps.Sum();
            var pos = new double[n + 1];
            for (var k = 0; k < n; k++)
            {
                pos[k + 1] = pos[k] + (steps[k] / total);
            }

            pos[n] = 1;
            return pos;
        }

        public Region Make(string code, string name, RegionLevel level, string? parent, string district, Box b, DateTimeOffset now, int order)
        {
            var ring = new List<Coordinate>(2 * (b.Width + b.Height) + 1);
            for (var i = b.I0; i < b.I1; i++)
            {
                ring.Add(new Coordinate(_x[i, b.J0], _y[i, b.J0]));
            }

            for (var j = b.J0; j < b.J1; j++)
            {
                ring.Add(new Coordinate(_x[b.I1, j], _y[b.I1, j]));
            }

            for (var i = b.I1; i > b.I0; i--)
            {
                ring.Add(new Coordinate(_x[i, b.J1], _y[i, b.J1]));
            }

            for (var j = b.J1; j > b.J0; j--)
            {
                ring.Add(new Coordinate(_x[b.I0, j], _y[b.I0, j]));
            }

            ring.Add(ring[0].Copy());
            var region = new Region
            {
                Code = code,
                Name = name,
                Level = level,
                ParentCode = parent,
                DistrictCode = district,
                SortOrder = order,
                UpdatedAt = now,
            };
            GridGeometry.ApplyBoundary(region, GridGeometry.Factory.CreatePolygon([.. ring]));
            return region;
        }
    }
}
