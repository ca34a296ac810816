namespace CivicGrid.Cases.Routing;

/// <summary>
/// Hand-written reports in residents' own words for the starter catalog's leaves (embedded <c>ExampleReports.tsv</c>,
/// lines "code&lt;TAB&gt;text"). The category model learns from them next to the catalog's keywords, so before a district
/// has classified cases of its own it has already seen how people describe a problem, not only what it is called.
/// A leaf whose code is not in the catalog (edited away) simply gets none.
/// </summary>
public static class ExampleReports
{
    private const string Resource = "CivicGrid.Cases.ExampleReports.tsv";

    private static readonly Lazy<IReadOnlyList<CategoryExample>> s_all = new(Read);

    public static IReadOnlyList<CategoryExample> All => s_all.Value;

    private static List<CategoryExample> Read()
    {
        using var stream = typeof(ExampleReports).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException("缺少内置示例上报资源 " + Resource);
        using var reader = new StreamReader(stream);
        var examples = new List<CategoryExample>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split('\t', 2);
            examples.Add(parts.Length == 2 ? new CategoryExample(parts[0].Trim(), parts[1].Trim()) : throw new FormatException("无法识别的示例上报：" + line));
        }

        return examples;
    }
}
