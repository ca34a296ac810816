using System.Diagnostics;
using CivicGrid.Cases.Catalog;
using CivicGrid.Cases.Routing;
using CivicGrid.Data.Seed;
using CivicGrid.Platform.Text;
using CivicGrid.Testing.Routing;

namespace CivicGrid.Bench;

/// <summary>
/// Routing quality and speed. Quality: trains as production does on the catalog (with its example reports) plus 80% of the
/// generated demo cases, then prints top-1/top-3 on the held-out 20% (same phrase lists as the training cases, so
/// optimistic) and on the hand-written resident reports (ResidentReports.tsv, never trained on), next to the same model
/// without the example reports, a catalog-only model and keyword matching; <c>--folds</c> adds a k-fold figure on the
/// example reports themselves. Speed: the compact model
/// against ML.NET's PredictionEngine scoring the same model in the same run, single-thread percentiles and
/// allocations, then throughput from several threads.
/// </summary>
public static class RoutingBenchmark
{
    private const int Calls = 20_000;

    public static int Run(string[] args)
    {
        var perLeaf = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 40;
        var catalog = StarterCatalog.Load(DateTimeOffset.UtcNow);
        var set = CategoryTrainingSet.FromCatalog(catalog);
        var catalogSet = CategoryTrainingSet.FromCatalog(catalog, withExampleReports: false);
        var leaves = KeywordLeaves(catalog);
        ChineseText.AddWords(set.Keywords);

        var corpus = DemoCasesCorpus.Generate(perLeaf);
        var random = new Random(7);
        var shuffled = corpus.OrderBy(_ => random.Next()).ToList();
        var heldOut = shuffled.Take(shuffled.Count / 5).Select(t => (t.CategoryCode, t.Text)).ToList();
        var training = shuffled.Skip(heldOut.Count).Select(t => new CategoryExample(t.CategoryCode, t.Text)).ToList();
        var residents = ResidentReports.Evaluation().Select(r => (r.CategoryCode, r.Text)).ToList();
        var examples = ExampleReports.All.Select(r => (r.CategoryCode, r.Text)).ToList();
        Console.WriteLine($"机器负载（/proc/loadavg）：{ThreadCpu.LoadAverage()}，{Environment.ProcessorCount} 核。墙钟分位数受同机其他进程影响，CPU 时间（本线程）不受。");
        Console.WriteLine($"演示案卷语料：{corpus.Count} 条（{DemoCasesCorpus.Codes.Count} 个分类 × {perLeaf}），留出 {heldOut.Count} 条（20%）；" +
                          $"手写居民评测集 {residents.Count} 条（{residents.Select(r => r.CategoryCode).Distinct().Count()} 个分类，不参与训练）；示例上报（参与训练）{examples.Count} 条。");

        var watch = Stopwatch.StartNew();
        var trained = CategoryModelTrainer.Train(set.Examples.Concat(training).ToList(), set.Names);
        var model = trained.Model;
        Console.WriteLine($"训练：{set.Examples.Count} 条目录样本（含示例上报）+ {training.Count} 条案卷，{model.Features:N0} 个特征，用时 {watch.Elapsed.TotalSeconds:F1} 秒。");
        var withoutExamples = CategoryModel.Train(catalogSet.Examples.Concat(training).ToList(), set.Names);
        var catalogOnly = CategoryModel.Train(catalogSet.Examples, set.Names);

        Console.WriteLine();
        Console.WriteLine("| 推荐方式 | 留出 20% 演示案卷 top-1 / top-3 | 手写居民评测集 top-1 / top-3 |");
        Console.WriteLine("|---|---|---|");
        Row("ML 模型（目录+示例上报+案卷）", t => model.Suggest(t, 3), heldOut, residents);
        Row("ML 模型（目录+案卷，不含示例上报）", t => withoutExamples.Suggest(t, 3), heldOut, residents);
        Row("ML 模型（仅目录关键词）", t => catalogOnly.Suggest(t, 3), heldOut, residents);
        Row("关键词匹配（基线）", t => KeywordCategorySuggester.Score(leaves, t, 3), heldOut, residents);
        Confident(model, residents, 0.6);
        if (args.Contains("--folds"))
        {
            ExampleFolds(catalogSet, training, examples);
        }

        if (args.Contains("--misses"))
        {
            Misses(withoutExamples, examples);
        }

        if (args.Contains("--quality"))
        {
            return 0;
        }

        Console.WriteLine();
        Equivalence(trained, heldOut.Concat(residents).Concat(examples).Select(t => t.Text).ToList());

        Console.WriteLine();
        var texts = heldOut.Concat(residents).Select(t => t.Text).ToList();
        var labels = model.Labels;
        var baseline = Latency("ML.NET PredictionEngine（同一模型，基线）", texts, t => MlNetTop3(trained, labels, t), null);
        Latency("紧凑模型 Suggest（线上路径）", texts, t => model.Suggest(t, 3), baseline);
        Latency("  其中特征提取（jieba 分词 + 哈希）", texts, t =>
        {
            var hashes = new List<ulong>(256);
            CategoryFeatures.Extract(t, hashes);
            return [];
        }, baseline);
        Latency("关键词匹配", texts, t => KeywordCategorySuggester.Score(leaves, t, 3), baseline);

        Console.WriteLine();
        Throughput(model, texts);
        return 0;
    }

    private static List<(string Code, string Name, string[] Keywords)> KeywordLeaves(IReadOnlyList<CaseCategory> catalog)
    {
        var parents = catalog.Where(c => c.ParentCode is not null).Select(c => c.ParentCode!).ToHashSet();
        return catalog.Where(c => !parents.Contains(c.Code)).Select(c => (c.Code, c.Name, c.KeywordList.Append(c.Name).Distinct().ToArray())).ToList();
    }

    private static void Row(string name, Func<string, IReadOnlyList<CategorySuggestion>> suggest, params List<(string Code, string Text)>[] sets) =>
        Console.WriteLine($"| {name} | " + string.Join(" | ", sets.Select(s => Accuracy(s, suggest))) + " |");

    private static string Accuracy(IReadOnlyList<(string Code, string Text)> set, Func<string, IReadOnlyList<CategorySuggestion>> suggest)
    {
        int top1 = 0, top3 = 0;
        foreach (var (code, text) in set)
        {
            var s = suggest(text);
            top1 += s.Count > 0 && s[0].Code == code ? 1 : 0;
            top3 += s.Take(3).Any(x => x.Code == code) ? 1 : 0;
        }

        return $"{100.0 * top1 / set.Count:F1}% / {100.0 * top3 / set.Count:F1}%";
    }

    /// <summary>What auto-dispatch would do at the default threshold (Cases:AutoDispatchConfidence).</summary>
    private static void Confident(CategoryModel model, IReadOnlyList<(string Code, string Text)> set, double threshold)
    {
        var best = set.Select(r => (r.Code, Top: model.Suggest(r.Text, 1)[0])).ToList();
        var confident = best.Where(b => b.Top.Confidence >= threshold).ToList();
        var right = confident.Count(b => b.Top.Code == b.Code);
        Console.WriteLine($"手写居民评测集中置信度 ≥ {threshold} 的（会自动派遣）：{confident.Count} 条（{100.0 * confident.Count / set.Count:F1}%），" +
                          $"其中分类正确 {100.0 * right / Math.Max(1, confident.Count):F1}%。");
    }

    /// <summary>
    /// The example reports' own figure, which training on them would make meaningless: five folds, each scored by a model
    /// trained on the catalog, the cases and the other four folds. Only an estimate of text like theirs: they were written,
    /// and the demo phrases and keywords extended, while looking at their mistakes.
    /// </summary>
    private static void ExampleFolds(CategoryTrainingSet catalogSet, List<CategoryExample> training, List<(string Code, string Text)> examples)
    {
        const int Folds = 5;
        int top1 = 0, top3 = 0;
        for (var fold = 0; fold < Folds; fold++)
        {
            var f = fold;
            var others = examples.Where((_, i) => i % Folds != f).Select(e => new CategoryExample(e.Code, e.Text));
            var m = CategoryModel.Train(catalogSet.Examples.Concat(training).Concat(others).ToList(), catalogSet.Names);
            foreach (var (code, text) in examples.Where((_, i) => i % Folds == f))
            {
                var s = m.Suggest(text, 3);
                top1 += s[0].Code == code ? 1 : 0;
                top3 += s.Any(x => x.Code == code) ? 1 : 0;
            }
        }

        Console.WriteLine($"示例上报 {Folds} 折交叉（每折由其余 4 折 + 目录 + 案卷训练的模型打分）：top-1 {100.0 * top1 / examples.Count:F1}% / top-3 {100.0 * top3 / examples.Count:F1}%");
    }

    /// <summary>The example reports a model trained without them gets wrong (what the examples were written to cover).</summary>
    private static void Misses(CategoryModel model, IReadOnlyList<(string Code, string Text)> examples)
    {
        foreach (var (code, text) in examples)
        {
            var s = model.Suggest(text, 3);
            if (s[0].Code != code)
            {
                Console.WriteLine($"  {code} → {string.Join(" ", s.Select(x => $"{x.Code}{x.Name}:{x.Confidence:F2}"))}  {text}");
            }
        }
    }

    private static void Equivalence(TrainedCategoryModel trained, IReadOnlyList<string> texts)
    {
        var sameTop3 = 0;
        var maxDiff = 0.0;
        var compact = new float[trained.Model.Classes];
        foreach (var text in texts)
        {
            var reference = trained.MlNetProbabilities(text);
            trained.Model.Probabilities(text, compact);
            maxDiff = Math.Max(maxDiff, reference.Zip(compact, (a, b) => Math.Abs(a - b)).Max());
            sameTop3 += Top3(reference).SequenceEqual(Top3(compact)) ? 1 : 0;
        }

        Console.WriteLine($"与 ML.NET 一致性：{texts.Count} 条文本中 {sameTop3} 条 top-3 排序相同，概率最大差 {maxDiff:E1}。");
    }

    private static IEnumerable<int> Top3(float[] p) => Enumerable.Range(0, p.Length).OrderByDescending(i => p[i]).ThenBy(i => i).Take(3);

    private static IReadOnlyList<CategorySuggestion> MlNetTop3(TrainedCategoryModel trained, IReadOnlyList<(string Code, string Name)> labels, string text)
    {
        var p = trained.MlNetProbabilities(text);
        return Top3(p).Select(i => new CategorySuggestion(labels[i].Code, labels[i].Name, p[i])).ToList();
    }

    private static double Latency(string name, IReadOnlyList<string> texts, Func<string, IReadOnlyList<CategorySuggestion>> suggest, double? baselineMean)
    {
        for (var i = 0; i < 3_000; i++)
        {
            suggest(texts[i % texts.Count]);
        }

        var wall = new double[Calls];
        var cpu = new double[Calls];
        var gcBefore = GC.CollectionCount(0);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Calls; i++)
        {
            var cpuStart = ThreadCpu.Microseconds();
            var start = Stopwatch.GetTimestamp();
            suggest(texts[i % texts.Count]);
            wall[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            cpu[i] = ThreadCpu.Microseconds() - cpuStart;
        }

        var allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / Calls;
        var collections = GC.CollectionCount(0) - gcBefore;
        Array.Sort(wall);
        Array.Sort(cpu);
        var mean = cpu.Average();
        var ratio = baselineMean is { } b ? $"；比基线快 {b / mean:F1} ×" : "";
        Console.WriteLine($"{name}：{Calls} 次；CPU 时间 平均 {mean:F1} µs，p50 {Pct(cpu, 0.50):F1}，p99 {Pct(cpu, 0.99):F1}，p99.9 {Pct(cpu, 0.999):F1} µs；" +
                          $"墙钟 平均 {wall.Average():F1} µs，p50 {Pct(wall, 0.50):F1}，p99 {Pct(wall, 0.99):F1} µs；每次分配 {allocated:N0} B，gen0 回收 {collections} 次{ratio}");
        return mean;
    }

    private static double Pct(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * p))];

    private static void Throughput(CategoryModel model, IReadOnlyList<string> texts)
    {
        Console.WriteLine($"多线程吞吐（紧凑模型，机器 {Environment.ProcessorCount} 核，每线程 {Calls} 次）：");
        double? single = null;
        foreach (var threads in new[] { 1, 2, 4 })
        {
            var samples = new double[threads][];
            var watch = Stopwatch.StartNew();
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
            {
                var mine = samples[t] = new double[Calls];
                for (var i = 0; i < Calls; i++)
                {
                    var start = Stopwatch.GetTimestamp();
                    model.Suggest(texts[(i + t * 97) % texts.Count], 3);
                    mine[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
                }
            });
            var perSecond = threads * Calls / watch.Elapsed.TotalSeconds;
            single ??= perSecond;
            var all = samples.SelectMany(s => s).Order().ToArray();
            Console.WriteLine($"  {threads} 线程：{perSecond:N0} 次/秒（单线程的 {perSecond / single.Value:F2} 倍），p50 {Pct(all, 0.5):F1} µs，p99 {Pct(all, 0.99):F1} µs");
        }
    }
}
