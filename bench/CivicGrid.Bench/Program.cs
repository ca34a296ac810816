using CivicGrid.Bench;

// Each benchmark is a file of its own; add it here by name.
var benchmarks = new Dictionary<string, Func<string[], int>>(StringComparer.OrdinalIgnoreCase)
{
    ["locate"] = LocateBenchmark.Run,
    ["import"] = ImportBenchmark.Run,
    ["routing"] = RoutingBenchmark.Run,
    ["intake"] = IntakeBenchmark.Run,
    ["cases"] = CaseQueryBenchmark.Run,
    ["detections"] = DetectionBenchmark.Run,
    ["assessment"] = AssessmentBenchmark.Run,
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var run))
{
    Console.WriteLine("用法：dotnet run -c Release --project bench/CivicGrid.Bench -- <benchmark>");
    Console.WriteLine("可用：" + string.Join("、", benchmarks.Keys));
    return args.Length == 0 ? 0 : 2;
}

return run(args[1..]);
