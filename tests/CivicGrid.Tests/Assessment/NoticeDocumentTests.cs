using CivicGrid.Assessment;
using CivicGrid.Assessment.Notices;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace CivicGrid.Tests.Assessment;

public sealed class NoticeDocumentTests
{
    [Fact]
    public void The_notice_validates_and_lists_the_ranking_the_lists_and_the_problems()
    {
        var items = Enumerable.Range(1, 4).Select(i => new SubjectScore($"11019900{i}", $"第{i}镇", 100 - i, i,
            new() { ["结案率"] = 0.9, ["满意率"] = null }, new() { ["超期未结数"] = i }, null, null, i == 2 ? -1 : null)).ToList();
        var board = new ScoreBoard("2026-10", "2026年10月", "town", 1, "镇街月度考评（默认）", items);
        var bytes = NoticeDocument.Create(board, HonourList.From(items, new HonourRule(1, 1)),
            [new TypicalProblem("20261012000042", "第4镇", "路灯不亮", "超期未结")], new DateOnly(2026, 11, 2));

        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator().Validate(doc, TestContext.Current.CancellationToken).Select(e => $"{e.Description} @ {e.Path?.XPath}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var text = doc.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("关于2026年10月镇街考评结果的通报", text);
        Assert.Contains("红榜：第1镇（99分）", text);
        Assert.Contains("黑榜：第4镇（96分）", text);
        Assert.Contains("20261012000042", text);
        Assert.Contains("↓1", text);
        Assert.Contains("90%", text);
    }
}
