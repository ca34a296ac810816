using CivicGrid.Cases.Catalog;
using CivicGrid.Cases.Routing;
using CivicGrid.Data.Seed;
using CivicGrid.Platform.Text;

namespace CivicGrid.Tests.Cases.Routing;

public sealed class CategoryModelTests
{
    [Fact]
    public void The_model_files_held_out_resident_text_correctly_at_least_nine_times_in_ten()
    {
        var set = CategoryTrainingSet.FromCatalog(StarterCatalog.Load(DateTimeOffset.UnixEpoch));
        ChineseText.AddWords(set.Keywords);
        var corpus = DemoCasesCorpus.Generate(40, seed: 11);
        var heldOut = corpus.Where((_, i) => i % 5 == 0).ToList();
        var training = corpus.Where((_, i) => i % 5 != 0).Select(t => new CategoryExample(t.CategoryCode, t.Text));
        var model = CategoryModel.Train(set.Examples.Concat(training).ToList(), set.Names);

        var top1 = heldOut.Count(h => model.Suggest(h.Text, 3)[0].Code == h.CategoryCode) / (double)heldOut.Count;
        Assert.True(top1 >= 0.9, $"top-1 {top1:P1}");
        var suggestions = model.Suggest("楼下有人用拖线板从三楼拉电线给电动车充电，太危险了", 3);
        Assert.Equal(3, suggestions.Count);
        Assert.Equal("SJ0414", suggestions[0].Code);
        Assert.True(suggestions[0].Confidence >= suggestions[1].Confidence);
    }
}
