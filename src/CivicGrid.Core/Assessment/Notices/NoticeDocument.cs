using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CivicGrid.Assessment.Notices;

/// <summary>A problem to cite in a notice (典型问题).</summary>
public sealed record TypicalProblem(string CaseNumber, string SubjectName, string Description, string Why);

/// <summary>
/// The notice (通报) of a ranking as a Word document officials edit before issuing: title, period, ranking table,
/// red/black list, typical problems and the rectifications demanded of the black list.
/// </summary>
public static class NoticeDocument
{
    private const string Font = "仿宋";

    public static byte[] Create(ScoreBoard board, HonourList honours, IReadOnlyList<TypicalProblem> problems, DateOnly issued)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            var kind = board.SubjectKind switch { "town" => "镇街", "community" => "村居", _ => "职能部门" };
            body.Append(Paragraph($"关于{board.PeriodName}{kind}考评结果的通报", bold: true, size: 36, centred: true));
            body.Append(Paragraph($"考评周期：{board.PeriodName}　　考评方案：{board.SchemeName}　　印发日期：{issued:yyyy年M月d日}", centred: true));
            body.Append(Paragraph($"根据{board.SchemeName}，现将{board.PeriodName}各{kind}考评结果通报如下。"));

            body.Append(Heading("一、考评排名"));
            body.Append(RankingTableOf(board));

            body.Append(Heading("二、红黑榜"));
            body.Append(Paragraph("红榜：" + (honours.Red.Count == 0 ? "无" : string.Join("、", honours.Red.Select(s => $"{s.SubjectName}（{s.Score:0.##}分）")))));
            body.Append(Paragraph("黑榜：" + (honours.Black.Count == 0 ? "无" : string.Join("、", honours.Black.Select(s => $"{s.SubjectName}（{s.Score:0.##}分）")))));

            body.Append(Heading("三、典型问题"));
            if (problems.Count == 0)
            {
                body.Append(Paragraph("本期无需通报的典型问题。"));
            }

            foreach (var (p, i) in problems.Select((p, i) => (p, i)))
            {
                body.Append(Paragraph($"{i + 1}. {p.SubjectName}，案卷{p.CaseNumber}：{p.Description}（{p.Why}）"));
            }

            body.Append(Heading("四、整改要求"));
            body.Append(Paragraph(honours.Black.Count == 0
                ? "各单位要对照考评指标查漏补缺，巩固提升。"
                : $"{string.Join("、", honours.Black.Select(s => s.SubjectName))}要认真分析原因，对超期未结和返工案卷逐件整改，于通报印发之日起5个工作日内将整改情况书面报区指挥部办公室。"));
            body.Append(Paragraph("各单位要对照考评指标查漏补缺，确保问题按期处置、群众满意。"));
            body.Append(new SectionProperties(new PageSize { Width = 11906U, Height = 16838U }, new PageMargin { Top = 1440, Bottom = 1440, Left = 1588, Right = 1474 }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static Table RankingTableOf(ScoreBoard board)
    {
        var indicators = RankingTable.IndicatorColumns(board);
        string[] headers = ["排名", "考评对象", "得分", "排名变化", .. indicators];
        var table = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
        table.Append(new TableGrid(headers.Select(_ => new GridColumn { Width = (9000 / headers.Length).ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        table.Append(Row(headers, bold: true));
        foreach (var s in board.Items.OrderBy(s => s.Rank))
        {
            table.Append(Row([s.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture), s.SubjectName, s.Score.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
                RankingTable.Change(s), .. indicators.Select(c => RankingTable.Percent(s.Indicators.GetValueOrDefault(c)))], bold: false));
        }

        return table;
    }

    private static TableRow Row(IEnumerable<string> cells, bool bold) =>
        new(cells.Select(c => new TableCell(Paragraph(c, bold, size: 21, centred: true))));

    private static Paragraph Heading(string text) => Paragraph(text, bold: true, size: 32);

    private static Paragraph Paragraph(string text, bool bold = false, int size = 28, bool centred = false)
    {
        var runProperties = new RunProperties(new RunFonts { Ascii = Font, HighAnsi = Font, EastAsia = Font });
        if (bold)
        {
            runProperties.Append(new Bold());
        }

        runProperties.Append(new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var paragraph = new Paragraph();
        if (centred)
        {
            paragraph.Append(new ParagraphProperties(new Justification { Val = JustificationValues.Center }));
        }

        paragraph.Append(new Run(runProperties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }
}
