using CivicGrid.Cases.Catalog;
using CivicGrid.Cases.Routing;
using CivicGrid.Data.Seed;
using CivicGrid.Platform.Text;
using CivicGrid.Testing.Routing;
using JiebaNet.Segmenter;

namespace CivicGrid.Tests.Cases.Routing;

/// <summary>One model trained like production (catalog + person-classified cases, here 80% of generated demo cases).</summary>
public sealed class TrainedCategoryModelFixture
{
    public TrainedCategoryModelFixture()
    {
        var set = CategoryTrainingSet.FromCatalog(StarterCatalog.Load(DateTimeOffset.UnixEpoch));
        ChineseText.AddWords(set.Keywords);
        var corpus = DemoCasesCorpus.Generate(20, seed: 11);
        HeldOut = corpus.Where((_, i) => i % 5 == 0).Select(t => t.Text).ToList();
        var training = corpus.Where((_, i) => i % 5 != 0).Select(t => new CategoryExample(t.CategoryCode, t.Text));
        Trained = CategoryModelTrainer.Train(set.Examples.Concat(training).ToList(), set.Names);
    }

    public TrainedCategoryModel Trained { get; }

    public IReadOnlyList<string> HeldOut { get; }
}

public sealed class CategoryModelTests(TrainedCategoryModelFixture fixture) : IClassFixture<TrainedCategoryModelFixture>
{
    private CategoryModel Model => fixture.Trained.Model;

    [Theory]
    [InlineData("SJ0414", "隔壁单元有人天天把电瓶车推到楼梯拐角，从家里扯根插线板出来充一整夜")]
    [InlineData("SJ0413", "楼下那家面馆的排风口正对着我家卧室，一做饭满屋子都是油烟味")]
    [InlineData("BJ0101", "小区停车场有个井盖被压塌了一半，昨天一辆车的轮子陷进去了")]
    [InlineData("SJ0401", "早上菜贩子把菜筐一直摆到公交站台上，等车的人都没地方站")]
    [InlineData("SJ0302", "运土方的车从东门出来一路掉泥块，整条街都是黄泥")]
    [InlineData("BJ0201", "咱们胡同里的灯都坏了好些天了，晚上回家黑咕隆咚的")]
    [InlineData("SJ0411", "有户人家养的大黄狗每天在小区里乱跑，也不拴，还冲着孩子叫")]
    [InlineData("SJ0110", "一场大雨过后地下通道里的水到膝盖那么深，老人根本过不去")]
    public void The_top_three_of_a_resident_report_contain_its_category(string code, string text)
    {
        var suggestions = Model.Suggest(text, 3);

        Assert.Equal(3, suggestions.Count);
        Assert.Contains(code, suggestions.Select(s => s.Code));
        Assert.True(suggestions[0].Confidence >= suggestions[1].Confidence && suggestions[1].Confidence >= suggestions[2].Confidence);
    }

    [Fact]
    public void The_compact_model_ranks_every_text_exactly_as_ml_net_scores_it()
    {
        var texts = fixture.HeldOut.Concat(ResidentReports.Evaluation().Select(r => r.Text)).ToList();
        var compact = new float[Model.Classes];
        foreach (var text in texts)
        {
            var reference = fixture.Trained.MlNetProbabilities(text);
            Model.Probabilities(text, compact);

            Assert.Equal(Model.Classes, reference.Length);
            Assert.Equal(Top(reference, 3), Top(compact, 3));
            Assert.All(reference.Zip(compact), p => Assert.Equal(p.First, p.Second, 1e-4f));
        }
    }

    [Fact]
    public void Most_hand_written_resident_reports_get_their_category_first_and_nearly_all_in_the_top_three()
    {
        // The evaluation reports are never trained on nor tuned against. The routing benchmark scores 91.5% / 98.2% since the
        // example reports train the model too (88.1% / 98.5% without them); the bars leave room for another seed, and a
        // model that learnt only the catalog's keywords (about 74% top-1) or the model before the richer phrases (82.6%) fails them.
        var reports = ResidentReports.Evaluation();
        var top1 = reports.Count(r => Model.Suggest(r.Text, 1)[0].Code == r.CategoryCode) / (double)reports.Count;
        var top3 = reports.Count(r => Model.Suggest(r.Text, 3).Any(s => s.Code == r.CategoryCode)) / (double)reports.Count;

        Assert.True(top1 >= 0.86, $"top-1 {top1:P1}");
        Assert.True(top3 >= 0.95, $"top-3 {top3:P1}");
    }

    [Fact]
    public void Suggestions_from_many_threads_at_once_equal_the_ones_from_one_thread()
    {
        var texts = ExampleReports.All.Select(r => r.Text).ToList();
        var expected = texts.Select(t => Model.Suggest(t, 3)).ToList();

        var results = new IReadOnlyList<CategorySuggestion>[8][];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = results.Length }, thread =>
            results[thread] = texts.Select(t => Model.Suggest(t, 3)).ToArray());

        Assert.All(results, run => Assert.Equal(expected.Select(Codes), run.Select(Codes)));
    }

    [Fact]
    public void A_saved_model_loads_with_the_same_suggestions_and_a_foreign_file_is_refused()
    {
        var dir = Directory.CreateTempSubdirectory("cg-model-");
        try
        {
            var path = Path.Combine(dir.FullName, "category.zip");
            Model.Save(path);
            var loaded = CategoryModel.Load(path);

            Assert.Equal(Model.Labels, loaded.Labels);
            foreach (var text in fixture.HeldOut.Take(50))
            {
                Assert.Equal(Model.Suggest(text, 3), loaded.Suggest(text, 3));
            }

            var foreign = Path.Combine(dir.FullName, "foreign.zip");
            File.WriteAllBytes(foreign, [0x50, 0x4B, 0x03, 0x04, 1, 2, 3]);
            Assert.Throws<InvalidDataException>(() => CategoryModel.Load(foreign));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_allocation_free_cut_gives_the_same_words_as_jiebas_dictionary_cut()
    {
        var jieba = new JiebaSegmenter();
        var texts = fixture.HeldOut.Concat(ResidentReports.Evaluation().Select(r => r.Text))
            .Append("3号楼B座的WiFi坏了，ABC123 路灯不亮。C++ 和 a.b_c 都算词").ToList();
        foreach (var text in texts)
        {
            var ranges = new Range[text.Length];
            var count = ChineseText.CutWords(text, ranges);
            var ours = ranges[..count].Select(r => text[r]).ToList();
            var theirs = jieba.Cut(text, hmm: false).Where(w => w.Any(char.IsLetterOrDigit)).ToList();

            Assert.Equal(theirs, ours);
        }
    }

    private static IEnumerable<int> Top(float[] p, int n) => Enumerable.Range(0, p.Length).OrderByDescending(i => p[i]).ThenBy(i => i).Take(n);

    private static string Codes(IReadOnlyList<CategorySuggestion> s) => string.Join(",", s.Select(x => x.Code));
}
