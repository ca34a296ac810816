using System.Collections.Concurrent;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.RelateNG;

namespace CivicGrid.Grid;

public static partial class GridImportValidator
{
    /// <summary>DE-9IM pattern “interiors intersect” (a predicate object is stateful, so the pattern is passed each time).</summary>
    private const string InteriorsMeet = "T********";

    /// <summary>Boundaries of stored regions are decoded once, on first use.</summary>
    private sealed class ShapeCache
    {
        private readonly ConcurrentDictionary<string, Geometry?> _stored = new(StringComparer.Ordinal);

        public Geometry? Of(Item item) => item.Imported
            ? item.Shape
            : _stored.GetOrAdd(item.Code, _ => item.Region is null ? null : GridGeometry.ReadBoundary(item.Region));
    }

    /// <summary>One parent and its children in the final tree: inside the parent, no overlaps, and gaps as a warning.</summary>
    private static void CheckGroup(Item parent, List<Item> children, ShapeCache shapes, List<GridIssue> errors, List<GridIssue> warnings)
    {
        var parentShape = shapes.Of(parent);
        var complete = parentShape is not null;
        if (parentShape is not null)
        {
            var prepared = RelateNG.Prepare(parentShape);
            foreach (var child in children.Where(c => c.Imported || parent.Imported))
            {
                var shape = shapes.Of(child);
                if (shape is null || prepared.Evaluate(shape, RelatePredicate.Covers()))
                {
                    complete &= shape is not null;
                    continue;
                }

                var outside = SafeArea(() => shape.Difference(parentShape));
                if (outside > GridGeometry.AreaToleranceDeg2)
                {
                    errors.Add(new(child.Code, $"超出上级区域 {parent.Code}：超出部分约 {SquareMetres(outside, shape)} 平方米。"));
                    complete = false;
                }
            }
        }

        complete &= CheckOverlaps(children, shapes, errors);
        if (!complete || parentShape is null)
        {
            return;
        }

        // Children lie inside the parent and do not overlap, so the gap is the area difference.
        var parentArea = GridGeometry.AreaSquareMetres(parentShape);
        var gap = parentArea - children.Sum(c => GridGeometry.AreaSquareMetres(shapes.Of(c)!));
        if (gap > Math.Max(1.0, parentArea * 1e-9))
        {
            warnings.Add(new(parent.Code, $"存在空隙：下级区域未完全覆盖本区域，空隙约 {gap:N0} 平方米（占 {gap / parentArea:P2}）。"));
        }
    }

    /// <summary>Pairs of siblings whose envelopes meet (STRtree), at least one imported; touching boundaries are fine.</summary>
    private static bool CheckOverlaps(List<Item> children, ShapeCache shapes, List<GridIssue> errors)
    {
        var tree = new STRtree<Item>();
        var ok = true;
        foreach (var child in children)
        {
            if (shapes.Of(child) is { } shape)
            {
                tree.Insert(shape.EnvelopeInternal, child);
            }
            else
            {
                ok = false;
            }
        }

        tree.Build();
        foreach (var a in children.Where(c => c.Imported && c.Shape is not null))
        {
            RelateNG? relate = null;
            foreach (var b in tree.Query(a.Shape!.EnvelopeInternal))
            {
                if (ReferenceEquals(a, b) || (b.Imported && string.CompareOrdinal(b.Code, a.Code) < 0))
                {
                    continue; // the pair is checked once, from the smaller imported code
                }

                var other = shapes.Of(b)!;
                relate ??= RelateNG.Prepare(a.Shape);
                if (!relate.Evaluate(other, InteriorsMeet))
                {
                    continue;
                }

                var overlap = SafeArea(() => a.Shape.Intersection(other));
                if (overlap > GridGeometry.AreaToleranceDeg2)
                {
                    errors.Add(new(a.Code, $"与同级网格 {b.Code} 重叠：重叠面积约 {SquareMetres(overlap, a.Shape)} 平方米。"));
                    ok = false;
                }
            }
        }

        return ok;
    }

    /// <summary>Area in square degrees of an overlay result; an overlay that fails counts as a large area.</summary>
    private static double SafeArea(Func<Geometry> overlay)
    {
        try
        {
            return overlay().Area;
        }
        catch (TopologyException)
        {
            return double.PositiveInfinity;
        }
    }

    private static string SquareMetres(double deg2, Geometry near) =>
        double.IsPositiveInfinity(deg2) ? "（无法计算）" : GridGeometry.Deg2ToSquareMetres(deg2, near.EnvelopeInternal.Centre.Y).ToString("N0");
}
