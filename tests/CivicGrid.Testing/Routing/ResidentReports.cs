namespace CivicGrid.Testing.Routing;

/// <summary>One hand-written report and the leaf a dispatcher would file it under.</summary>
public sealed record ResidentReport(string CategoryCode, string Text);

/// <summary>
/// The hand-written resident reports beside this file, <c>ResidentReports.tsv</c>: the evaluation set, never trained on
/// and never tuned against. (The former development set now trains the model: Core's <c>ExampleReports</c>.)
/// Lines are "code&lt;TAB&gt;text"; lines starting with # are comments.
/// </summary>
public static class ResidentReports
{
    public static IReadOnlyList<ResidentReport> Evaluation() => Read("ResidentReports.tsv");

    private static List<ResidentReport> Read(string file) =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Routing", file))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t', 2))
            .Select(parts => parts.Length == 2 ? new ResidentReport(parts[0].Trim(), parts[1].Trim()) : throw new FormatException("无法识别的行：" + parts[0]))
            .ToList();
}
