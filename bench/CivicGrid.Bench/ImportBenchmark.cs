using System.Diagnostics;
using CivicGrid.Grid;

namespace CivicGrid.Bench;

/// <summary>Validation time of a whole 30,000-cell district import (parse-free: features from the generator).</summary>
public static class ImportBenchmark
{
    public static int Run(string[] args)
    {
        var regions = LatticeGridGenerator.Generate(DemoGridGenerator.Large(30_000), DateTimeOffset.UnixEpoch);
        var features = regions.Select((r, i) => new GridFeature(i, r.Code, r.Name, RegionLevels.ApiName(r.Level), r.ParentCode, GridGeometry.ReadBoundary(r))).ToList();
        var sw = Stopwatch.StartNew();
        var plan = GridImportValidator.Validate(features, [], DateTimeOffset.UnixEpoch);
        Console.WriteLine($"== 导入校验：{features.Count:N0} 个要素（{regions.Count(r => r.Level == RegionLevel.Cell):N0} 个单元网格），{sw.Elapsed.TotalSeconds:N2} 秒，错误 {plan.Errors.Count} 个，警告 {plan.Warnings.Count} 个");

        // The same file with one cell pushed onto its neighbour: found, with both codes.
        var cell = features.First(f => f.Code!.Length == 15);
        features[cell.Index] = cell with { Geometry = NetTopologySuite.Geometries.Utilities.AffineTransformation.TranslationInstance(0.0005, 0).Transform(cell.Geometry!) };
        sw.Restart();
        plan = GridImportValidator.Validate(features, [], DateTimeOffset.UnixEpoch);
        Console.WriteLine($"   含一个重叠网格：{sw.Elapsed.TotalSeconds:N2} 秒，{string.Join("；", plan.Errors.Take(3).Select(e => e.Code + " " + e.Message))}");
        return 0;
    }
}
