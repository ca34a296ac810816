using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;

namespace CivicGrid.Grid;

/// <summary>A problem found in an import, named by the feature's code (or its position).</summary>
public sealed record GridIssue(string Code, string Message);

/// <summary>What an import would change: regions to insert or update, codes to delete, and every problem found.</summary>
public sealed record GridImportPlan(
    IReadOnlyList<GridIssue> Errors, IReadOnlyList<GridIssue> Warnings, IReadOnlyList<Region> Upserts, IReadOnlyList<string> Deletes)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Checks an import against itself and the regions already stored, reporting EVERY problem.
/// <para>
/// Merge rule (the "subtree" of an import): every feature is inserted or updated by its code. A region
/// in the file that also has children in the file gets exactly those children: its stored children
/// missing from the file are deleted with their whole subtrees. A region in the file without children
/// in the file keeps its stored children (which must then lie inside its new boundary). So importing a
/// 镇街 with all its 村居 and 单元网格 replaces that 镇街; importing one cell only updates that cell.
/// </para>
/// </summary>
public static partial class GridImportValidator
{
    private sealed class Item(string code, RegionLevel level, string? parent, Region? region, Geometry? shape, bool imported)
    {
        public string Code { get; } = code;
        public RegionLevel Level { get; } = level;
        public string? Parent { get; } = parent;
        public Region? Region { get; } = region;
        public Geometry? Shape { get; } = shape;   // null when missing or invalid
        public bool Imported { get; } = imported;
    }

    public static GridImportPlan Validate(IReadOnlyList<GridFeature> features, IReadOnlyCollection<Region> existing, DateTimeOffset now)
    {
        var errors = new List<GridIssue>();
        var warnings = new List<GridIssue>();
        if (features.Count == 0)
        {
            errors.Add(new("", "文件中没有任何要素，未导入任何数据。"));
        }

        var imported = CheckFeatures(features, errors, now);
        var stored = existing.ToDictionary(r => r.Code, StringComparer.Ordinal);

        // The final tree: stored regions (minus deletions) overlaid with the file.
        var replacedParents = imported.Values.Where(i => i.Parent is not null && imported.ContainsKey(i.Parent)).Select(i => i.Parent!).ToHashSet(StringComparer.Ordinal);
        var deletes = stored.Keys.Where(c => !imported.ContainsKey(c) && IsDeleted(c, imported, replacedParents)).OrderBy(c => c, StringComparer.Ordinal).ToList();
        var deleted = deletes.ToHashSet(StringComparer.Ordinal);
        var final = new Dictionary<string, Item>(StringComparer.Ordinal);
        foreach (var r in stored.Values.Where(r => !deleted.Contains(r.Code) && !imported.ContainsKey(r.Code)))
        {
            final[r.Code] = new Item(r.Code, r.Level, r.ParentCode, r, null, false);
        }

        foreach (var item in imported.Values)
        {
            final[item.Code] = item;
        }

        foreach (var item in imported.Values.Where(i => i.Parent is not null && !final.ContainsKey(i.Parent)))
        {
            errors.Add(new(item.Code, $"上级编码不存在：{item.Parent}（既不在文件中，也不在系统中）。"));
        }

        var children = final.Values.Where(i => i.Parent is not null && final.ContainsKey(i.Parent))
            .GroupBy(i => i.Parent!).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var groups = imported.Values.Where(i => i.Parent is not null).Select(i => i.Parent!)
            .Concat(imported.Keys.Where(children.ContainsKey)).Distinct().Where(children.ContainsKey).OrderBy(c => c, StringComparer.Ordinal);
        // Groups are independent: check them on all cores, report in code order.
        var shapes = new ShapeCache();
        var found = groups.AsParallel().AsOrdered().Select(parentCode =>
        {
            List<GridIssue> groupErrors = [], groupWarnings = [];
            CheckGroup(final[parentCode], children[parentCode], shapes, groupErrors, groupWarnings);
            return (groupErrors, groupWarnings);
        }).ToList();
        errors.AddRange(found.SelectMany(f => f.groupErrors));
        warnings.AddRange(found.SelectMany(f => f.groupWarnings));

        var upserts = errors.Count == 0 ? imported.Values.Select(i => i.Region!).OrderBy(r => r.Code, StringComparer.Ordinal).ToList() : [];
        return new GridImportPlan(errors, warnings, upserts, errors.Count == 0 ? deletes : []);
    }

    /// <summary>A stored region is deleted when it, or an ancestor, is missing from the file under a parent whose children the file replaces.</summary>
    private static bool IsDeleted(string code, Dictionary<string, Item> imported, HashSet<string> replacedParents)
    {
        for (var c = code; RegionLevels.ParentCodeOf(c) is { } parent; c = parent)
        {
            if (imported.ContainsKey(c))
            {
                return false;
            }

            if (replacedParents.Contains(parent))
            {
                return true;
            }
        }

        return false;
    }

    private static Dictionary<string, Item> CheckFeatures(IReadOnlyList<GridFeature> features, List<GridIssue> errors, DateTimeOffset now)
    {
        var items = new Dictionary<string, Item>(StringComparer.Ordinal);
        // Geometry validation is the costly part of a feature's checks: run it on all cores first.
        var geometryErrors = features.AsParallel().AsOrdered().Select(f => CheckGeometry(f.Geometry, out var shape) is { } e ? (e, shape) : (null, shape)).ToArray();
        var firstIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var position = 0; position < features.Count; position++)
        {
            var f = features[position];
            var label = f.Label;
            var code = f.Code?.Trim();
            if (string.IsNullOrEmpty(code))
            {
                errors.Add(new(label, "缺少编码（code）。"));
                continue;
            }

            if (!code.All(char.IsAsciiDigit))
            {
                errors.Add(new(label, "编码只能由数字组成。"));
                continue;
            }

            if (RegionLevels.FromCode(code) is not { } codeLevel)
            {
                errors.Add(new(label, $"编码长度与层级不符：编码应为 6（区）、9（镇街）、12（村居）或 15（单元网格）位，实为 {code.Length} 位。"));
                continue;
            }

            if (firstIndex.TryGetValue(code, out var first))
            {
                errors.Add(new(label, $"重复编码：第 {first + 1} 个与第 {f.Index + 1} 个要素编码相同。"));
                continue;
            }

            firstIndex[code] = f.Index;
            var ok = true;
            var level = codeLevel;
            if (f.Level is not null)
            {
                if (RegionLevels.FromApiName(f.Level) is not { } declared)
                {
                    errors.Add(new(label, $"层级“{f.Level}”无法识别，应为 district/town/community/cell、区/镇街/村居/单元网格 或 1–4。"));
                    ok = false;
                }
                else if (declared != codeLevel)
                {
                    errors.Add(new(label, $"编码长度与层级不符：{RegionLevels.ChineseName(declared)}的编码应为 {RegionLevels.CodeLength(declared)} 位，实为 {code.Length} 位。"));
                    ok = false;
                }
            }

            var parent = RegionLevels.ParentCodeOf(code);
            var declaredParent = f.ParentCode?.Trim();
            if (level == RegionLevel.District && declaredParent is not null)
            {
                errors.Add(new(label, "区级区域不应有上级编码（parentCode）。"));
                ok = false;
            }
            else if (declaredParent is not null && declaredParent != parent)
            {
                errors.Add(new(label, code.StartsWith(declaredParent, StringComparison.Ordinal)
                    ? $"上级编码 {declaredParent} 与编码层级不符：{code} 的上级应为 {parent}。"
                    : $"编码不以上级编码开头：上级编码为 {declaredParent}，编码为 {code}。"));
                ok = false;
            }

            if (string.IsNullOrWhiteSpace(f.Name))
            {
                errors.Add(new(label, "缺少名称（name）。"));
                ok = false;
            }
            else if (f.Name.Trim().Length > 100)
            {
                errors.Add(new(label, "名称过长（最多 100 个字）。"));
                ok = false;
            }

            var (geometryError, shape) = geometryErrors[position];
            if (geometryError is not null)
            {
                errors.Add(new(label, geometryError));
            }

            Region? region = null;
            if (ok && shape is not null)
            {
                region = new Region
                {
                    Code = code,
                    Name = f.Name!.Trim(),
                    Level = level,
                    ParentCode = parent,
                    DistrictCode = code[..6],
                    SortOrder = int.Parse(code[^3..], System.Globalization.CultureInfo.InvariantCulture),
                    UpdatedAt = now,
                };
                GridGeometry.ApplyBoundary(region, shape);
            }

            items[code] = new Item(code, level, parent, region, shape, true);
        }

        return items;
    }

    /// <summary>The problem with a feature's boundary, or null (then <paramref name="shape"/> is the usable boundary).</summary>
    private static string? CheckGeometry(Geometry? geometry, out Geometry? shape)
    {
        shape = null;
        if (geometry is null || geometry.IsEmpty)
        {
            return "缺少边界（geometry）。";
        }

        if (geometry is not (Polygon or MultiPolygon))
        {
            return $"边界须为 Polygon 或 MultiPolygon，实为 {geometry.GeometryType}。";
        }

        var env = geometry.EnvelopeInternal;
        if (env.MinX < -180 || env.MaxX > 180 || env.MinY < -90 || env.MaxY > 90)
        {
            return "坐标超出经纬度范围（须为 WGS84 经度、纬度，经度在前）。";
        }

        var validation = new IsValidOp(geometry).ValidationError;
        if (validation is not null)
        {
            var at = validation.Coordinate is { } c ? $"，位置约（{c.X:0.######}, {c.Y:0.######}）" : "";
            return $"多边形无效（{Describe(validation.ErrorType)}{at}）。";
        }

        shape = geometry;
        return null;
    }

    private static string Describe(TopologyValidationErrors error) => error switch
    {
        TopologyValidationErrors.SelfIntersection or TopologyValidationErrors.RingSelfIntersection => "自相交",
        TopologyValidationErrors.HoleOutsideShell => "内环在外环之外",
        TopologyValidationErrors.NestedHoles => "内环相互嵌套",
        TopologyValidationErrors.DisconnectedInteriors => "内部不连通",
        TopologyValidationErrors.NestedShells => "多个外环相互嵌套",
        TopologyValidationErrors.DuplicateRings => "环重复",
        TopologyValidationErrors.TooFewPoints => "点数太少",
        TopologyValidationErrors.InvalidCoordinate => "坐标无效",
        TopologyValidationErrors.RingNotClosed => "环未闭合",
        _ => "拓扑错误",
    };
}
