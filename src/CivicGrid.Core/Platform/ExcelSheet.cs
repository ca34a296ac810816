using MiniExcelLibs;

namespace CivicGrid.Platform;

/// <summary>Reads and writes the simple one-sheet tables officials exchange (first row = Chinese headers).</summary>
public static class ExcelSheet
{
    public sealed record Row(int Number, IReadOnlyDictionary<string, string?> Cells)
    {
        public string? this[string header] => Cells.TryGetValue(header, out var v) ? v : null;

        /// <summary>The cell as a number; null when blank, and null with a problem added when it is not a number.</summary>
        public double? ParseNumber(string header, List<Problem> problems)
        {
            var text = this[header];
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            problems.Add(new(header, $"“{header}”列的“{text}”不是数字。"));
            return null;
        }
    }

    /// <summary>Rows with their Excel row numbers (header is row 1); blank rows are skipped.</summary>
    /// <exception cref="InvalidDataException">The stream is not a readable .xlsx workbook.</exception>
    public static List<Row> Read(Stream stream)
    {
        try
        {
            return ReadRows(stream);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not InvalidDataException)
        {
            throw new InvalidDataException("无法读取该文件，请上传 .xlsx 格式的 Excel 表格。", ex);
        }
    }

    /// <summary>Reads an uploaded sheet; answers why it cannot be imported (in Chinese), or null with its rows.</summary>
    public static string? ReadForImport(Stream stream, IReadOnlyList<string> headers, out List<Row> rows)
    {
        try
        {
            rows = Read(stream);
        }
        catch (InvalidDataException)
        {
            rows = [];
            return "无法读取该文件，请上传 .xlsx 格式的 Excel 表格。";
        }

        return rows.Count == 0 ? "表格中没有数据行。表头应为：" + string.Join("、", headers) + "。" : null;
    }

    private static List<Row> ReadRows(Stream stream)
    {
        var rows = new List<Row>();
        var number = 1;
        foreach (IDictionary<string, object?> raw in stream.Query(useHeaderRow: true, excelType: ExcelType.XLSX))
        {
            number++;
            var cells = raw.ToDictionary(kv => kv.Key.Trim(), kv => Text(kv.Value));
            if (cells.Values.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            rows.Add(new Row(number, cells));
        }

        return rows;
    }

    public static byte[] Write(IEnumerable<IDictionary<string, object?>> rows)
    {
        var list = rows.ToList();
        var headers = list.SelectMany(r => r.Keys).Distinct().ToList();
        var uniform = list.Select(r => headers.ToDictionary(h => h, h => r.TryGetValue(h, out var v) ? v : null));
        using var stream = new MemoryStream();
        stream.SaveAs(uniform, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => ((long)d).ToString(System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture).Trim(),
        _ => value.ToString()?.Trim(),
    };
}
