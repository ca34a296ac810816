using System.Text.RegularExpressions;

namespace CivicGrid.Cases.Catalog;

/// <summary>
/// The category code scheme: a kind prefix (<c>BJ</c> 部件, <c>SJ</c> 事件) + 2-digit 大类 + 2-digit 小类
/// (+ optionally 2-digit 细类), after the 大类/小类 structure of GB/T 30428.2. Examples: <c>BJ01</c> 公用设施,
/// <c>BJ0101</c> 井盖缺失破损, <c>SJ04</c> 街面秩序, <c>SJ0401</c> 占道经营. A node's parent is its code without the
/// last two digits, so a class prefix matches its whole subtree (used by responsibility rules).
/// </summary>
public static partial class CategoryCodes
{
    public const string ComponentPrefix = "BJ", EventPrefix = "SJ";
    public const string ComponentName = "部件", EventName = "事件";
    public const int MaxLevel = 3;

    private static readonly char[] KeywordSeparators = ['、', ',', '，', ';', '；', ' ', '\u3000', '\n', '\r', '\t', '/', '|'];

    [GeneratedRegex(@"^(BJ|SJ)(\d{2}){1,3}$")]
    private static partial Regex Pattern();

    public static bool IsValid(string? code) => code is not null && Pattern().IsMatch(code);

    public static string Normalize(string? code) => (code ?? "").Trim().ToUpperInvariant();

    public static CategoryKind KindOf(string code) => code.StartsWith(ComponentPrefix, StringComparison.Ordinal) ? CategoryKind.Component : CategoryKind.Event;

    public static int LevelOf(string code) => (code.Length - 2) / 2;

    public static string? ParentOf(string code) => code.Length > 4 ? code[..^2] : null;

    public static string KindName(CategoryKind kind) => kind == CategoryKind.Component ? ComponentName : EventName;

    public static CategoryKind? ParseKind(string? text) => text?.Trim() switch
    {
        ComponentName or ComponentPrefix or "bj" or "component" => CategoryKind.Component,
        EventName or EventPrefix or "sj" or "event" => CategoryKind.Event,
        _ => null,
    };

    /// <summary>The format problem of a code in Chinese, or null when it is well-formed.</summary>
    public static string? Check(string? code) => IsValid(code)
        ? null
        : $"分类编码“{code}”格式不正确：应为 BJ（部件）或 SJ（事件）加 2 位大类、2 位小类（可再加 2 位细类），如 BJ01、SJ0401。";

    public static IReadOnlyList<string> SplitKeywords(string? text) =>
        (text ?? "").Split(KeywordSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();

    public static string JoinKeywords(IEnumerable<string>? keywords) =>
        string.Join("、", (keywords ?? []).SelectMany(k => SplitKeywords(k)).Distinct());
}
