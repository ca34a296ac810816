using System.Diagnostics;
using CivicGrid.Cases.Catalog;
using CivicGrid.Cases.Routing;
using CivicGrid.Data.Seed;
using CivicGrid.Platform.Text;

namespace CivicGrid.Bench;

/// <summary>
/// Routing quality and speed: generates the resident-text corpus, holds out 20%, trains on the rest plus the catalog,
/// and prints top-1/top-3 accuracy of the model and of keyword matching, then suggestion latency of both.
/// </summary>
public static class RoutingBenchmark
{
    public static int Run(string[] args)
    {
        var perLeaf = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 40;
        var catalog = StarterCatalog.Load(DateTimeOffset.UtcNow);
        var set = CategoryTrainingSet.FromCatalog(catalog);
        var leaves = KeywordLeaves(catalog);
        ChineseText.AddWords(set.Keywords);

        var corpus = DemoCasesCorpus.Generate(perLeaf);
        var random = new Random(7);
        var shuffled = corpus.OrderBy(_ => random.Next()).ToList();
        var heldOut = shuffled.Take(shuffled.Count / 5).ToList();
        var training = shuffled.Skip(heldOut.Count).Select(t => new CategoryExample(t.CategoryCode, t.Text));
        Console.WriteLine($"语料：{corpus.Count} 条居民描述（{DemoCasesCorpus.Codes.Count} 个分类 × {perLeaf}），留出 {heldOut.Count} 条（20%）测试。");

        var watch = Stopwatch.StartNew();
        var model = CategoryModel.Train(set.Examples.Concat(training).ToList(), set.Names);
        Console.WriteLine($"训练：{set.Examples.Count} 条目录样本 + {corpus.Count - heldOut.Count} 条案卷，用时 {watch.Elapsed.TotalSeconds:F1} 秒。");
        var catalogOnly = CategoryModel.Train(set.Examples, set.Names);

        Print("机器学习模型（目录+案卷）", heldOut, t => model.Suggest(t, 3));
        Print("机器学习模型（仅目录关键词）", heldOut, t => catalogOnly.Suggest(t, 3));
        Print("关键词匹配（基线）", heldOut, t => KeywordCategorySuggester.Score(leaves, t, 3));

        var texts = heldOut.Select(h => h.Text).ToList();
        Latency("机器学习模型", texts, t => model.Suggest(t, 3));
        Latency("其中 jieba 分词", texts, t => { _ = CategoryModel.Prepare(t); return []; });
        Latency("关键词匹配", texts, t => KeywordCategorySuggester.Score(leaves, t, 3));
        return 0;
    }

    private static List<(string Code, string Name, string[] Keywords)> KeywordLeaves(IReadOnlyList<CaseCategory> catalog)
    {
        var parents = catalog.Where(c => c.ParentCode is not null).Select(c => c.ParentCode!).ToHashSet();
        return catalog.Where(c => !parents.Contains(c.Code)).Select(c => (c.Code, c.Name, c.KeywordList.Append(c.Name).Distinct().ToArray())).ToList();
    }

    private static void Print(string name, IReadOnlyList<ResidentText> heldOut, Func<string, IReadOnlyList<CategorySuggestion>> suggest)
    {
        int top1 = 0, top3 = 0;
        foreach (var h in heldOut)
        {
            var s = suggest(h.Text);
            top1 += s.Count > 0 && s[0].Code == h.CategoryCode ? 1 : 0;
            top3 += s.Take(3).Any(x => x.Code == h.CategoryCode) ? 1 : 0;
        }

        Console.WriteLine($"{name}：top-1 {100.0 * top1 / heldOut.Count:F1}%，top-3 {100.0 * top3 / heldOut.Count:F1}%（{heldOut.Count} 条留出居民描述）");
    }

    private static void Latency(string name, IReadOnlyList<string> texts, Func<string, IReadOnlyList<CategorySuggestion>> suggest)
    {
        const int Calls = 20_000;
        for (var i = 0; i < 2_000; i++)
        {
            suggest(texts[i % texts.Count]);
        }

        var samples = new double[Calls];
        for (var i = 0; i < Calls; i++)
        {
            var start = Stopwatch.GetTimestamp();
            suggest(texts[i % texts.Count]);
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        Array.Sort(samples);
        Console.WriteLine($"{name}：{Calls} 次推荐，平均 {samples.Average():F1} µs，p50 {samples[Calls / 2]:F1} µs，p99 {samples[(int)(Calls * 0.99)]:F1} µs");
    }
}
