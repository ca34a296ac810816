namespace CivicGrid.Assessment.Notices;

/// <summary>The columns of a ranking as officials read it, shared by the notice, the Excel export and the console.</summary>
public static class RankingTable
{
    public static IReadOnlyList<string> IndicatorColumns(ScoreBoard board) =>
        board.Items.SelectMany(i => i.Indicators.Keys).Distinct().ToList();

    public static string Percent(double? v) => v is { } x ? $"{x * 100:0.#}%" : "—";

    public static string Change(SubjectScore s) => s.RankChange switch
    {
        null => "—",
        > 0 => $"↑{s.RankChange}",
        < 0 => $"↓{-s.RankChange}",
        _ => "持平",
    };

    public static IEnumerable<IDictionary<string, object?>> Rows(ScoreBoard board)
    {
        var columns = IndicatorColumns(board);
        foreach (var s in board.Items.OrderBy(s => s.Rank))
        {
            var row = new Dictionary<string, object?>
            {
                ["排名"] = s.Rank,
                ["考评对象"] = s.SubjectName,
                ["编码"] = s.SubjectCode,
                ["得分"] = s.Score,
                ["排名变化"] = Change(s),
            };
            foreach (var c in columns)
            {
                row[c] = Percent(s.Indicators.GetValueOrDefault(c));
            }

            row["超期未结数"] = s.Figures.GetValueOrDefault("超期未结数");
            row["返工次数"] = s.Figures.GetValueOrDefault("返工次数");
            yield return row;
        }
    }

    public static byte[] Excel(ScoreBoard board) => Platform.ExcelSheet.Write(Rows(board));
}
