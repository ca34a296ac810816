using System.Text.Json;
using System.Text.Json.Serialization;

namespace CivicGrid.Assessment;

public enum ScoringRule
{
    /// <summary>Points = weight × rate (for a lower-is-better rate, weight × (1 − rate)).</summary>
    Linear = 1,

    /// <summary>"≥70% 得满分, 每低1个百分点扣1分": full weight at or beyond the threshold, minus a penalty per point short, not below 0.</summary>
    Threshold = 2,

    /// <summary>"每返工一次扣0.2分": points per counted unit (negative for a penalty), optionally capped.</summary>
    PerCount = 3,
}

/// <summary>One indicator of a scheme with its weight and rule.</summary>
public sealed record SchemeItem(
    string Indicator, double Weight, ScoringRule Rule, double? Threshold = null, double? PenaltyPerPercent = null,
    double? PointsPerCount = null, double? Cap = null)
{
    /// <summary>The points this item gives; an indicator with nothing to measure (no cases) earns the full weight.</summary>
    public double Score(double? value, bool higherIsBetter)
    {
        switch (Rule)
        {
            case ScoringRule.PerCount:
                var points = (value ?? 0) * (PointsPerCount ?? 0);
                return Cap is { } cap ? Math.Sign(points) * Math.Min(Math.Abs(points), cap) : points;
            case ScoringRule.Threshold when value is { } v:
                var shortBy = higherIsBetter ? (Threshold ?? 1) - v : v - (Threshold ?? 0);
                return shortBy <= 0 ? Weight : Math.Max(0, Weight - Math.Round(shortBy * 100, 6) * (PenaltyPerPercent ?? 1));
            case ScoringRule.Linear when value is { } v:
                return Weight * Math.Clamp(higherIsBetter ? v : 1 - v, 0, 1);
            default:
                return Weight;
        }
    }
}

/// <summary>An assessment scheme (考评方案): which indicators count how, for which subjects and periods.</summary>
public sealed class Scheme
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public SubjectKind SubjectKind { get; set; }
    public PeriodKind PeriodKind { get; set; }

    /// <summary>For monthly periods: the day of the month a period starts on (1 = calendar month).</summary>
    public int MonthStartDay { get; set; } = 1;

    public double BasicallySatisfiedWeight { get; set; } = 0.9;

    /// <summary>The default scheme of its subject kind answers the public API.</summary>
    public bool IsDefault { get; set; }

    /// <summary>The items as JSON (see <see cref="Items"/>).</summary>
    public string ItemsJson { get; set; } = "[]";

    public DateTimeOffset UpdatedAt { get; set; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public IReadOnlyList<SchemeItem> Items
    {
        get => JsonSerializer.Deserialize<List<SchemeItem>>(ItemsJson, Json) ?? [];
        set => ItemsJson = JsonSerializer.Serialize(value, Json);
    }
}

/// <summary>The default schemes seeded for every subject kind: monthly, calendar months.</summary>
public static class DefaultSchemes
{
    public static IReadOnlyList<SchemeItem> Items(SubjectKind kind) => kind == SubjectKind.Department
        ?
        [
            new("按期结案率", 30, ScoringRule.Threshold, Threshold: 0.9, PenaltyPerPercent: 1),
            new("按时报到率", 20, ScoringRule.Linear),
            new("结案率", 20, ScoringRule.Linear),
            new("满意率", 30, ScoringRule.Threshold, Threshold: 0.7, PenaltyPerPercent: 1),
            new("返工次数", 0, ScoringRule.PerCount, PointsPerCount: -0.2, Cap: 10),
            new("超期未结数", 0, ScoringRule.PerCount, PointsPerCount: -0.5, Cap: 10),
        ]
        :
        [
            new("结案率", 20, ScoringRule.Linear),
            new("按期结案率", 25, ScoringRule.Threshold, Threshold: 0.9, PenaltyPerPercent: 1),
            new("满意率", 25, ScoringRule.Threshold, Threshold: 0.7, PenaltyPerPercent: 1),
            new("点位达标率", 15, ScoringRule.Linear),
            new("问题整改率", 15, ScoringRule.Linear),
            new("返工次数", 0, ScoringRule.PerCount, PointsPerCount: -0.2, Cap: 10),
        ];

    public static Scheme Create(SubjectKind kind, DateTimeOffset now) => new()
    {
        Name = $"{SubjectKinds.ChineseName(kind)}月度考评（默认）",
        SubjectKind = kind,
        PeriodKind = PeriodKind.Month,
        IsDefault = true,
        Items = Items(kind),
        UpdatedAt = now,
    };
}

public static class SubjectKinds
{
    public static SubjectKind? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "town" or "镇街" => SubjectKind.Town,
        "community" or "村居" => SubjectKind.Community,
        "department" or "职能部门" => SubjectKind.Department,
        _ => null,
    };

    public static string ApiName(SubjectKind kind) => kind switch
    {
        SubjectKind.Town => "town",
        SubjectKind.Community => "community",
        _ => "department",
    };

    public static string ChineseName(SubjectKind kind) => kind switch
    {
        SubjectKind.Town => "镇街",
        SubjectKind.Community => "村居",
        _ => "职能部门",
    };
}
