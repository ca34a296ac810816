using System.Globalization;
using CivicGrid.Platform;

namespace CivicGrid.Safety.Detections;

/// <summary>A point of a zone polygon in image fractions (x right, y down, 0–1).</summary>
public sealed record ZonePoint(double? X, double? Y);

/// <summary>One detection type a camera reports and its rule; a missing zone means the whole image.</summary>
public sealed record CameraRuleInput(
    string? Type, double? MinConfidence = null, IReadOnlyList<ZonePoint>? Zone = null, int? PersistenceSeconds = null, int? CooldownSeconds = null,
    bool WorkingHoursOnly = false, string? Action = null, bool Enabled = true);

/// <summary>Checks rule edits and turns them into <see cref="DetectionRule"/> rows; every message in Chinese.</summary>
public static class CameraRules
{
    public const int MaxSeconds = 24 * 3600;
    public const int MaxZonePoints = 50;

    private static readonly (RuleAction Action, string Code, string Name)[] Actions =
    [
        (RuleAction.WarningOnly, "warning", "仅预警"),
        (RuleAction.HiddenDanger, "hidden_danger", "立隐患"),
        (RuleAction.ViolationCandidate, "violation", "三违候选"),
    ];

    public static string ActionCode(RuleAction action) => Actions.First(a => a.Action == action).Code;

    public static string ActionName(RuleAction action) => Actions.First(a => a.Action == action).Name;

    public static RuleAction? ParseAction(string? text) =>
        string.IsNullOrWhiteSpace(text) ? RuleAction.WarningOnly
            : Actions.Where(a => a.Code == text.Trim() || a.Name == text.Trim()).Select(a => (RuleAction?)a.Action).FirstOrDefault();

    /// <summary>The rules as rows (without camera id), or the problems; each type at most once.</summary>
    public static List<DetectionRule> Build(IReadOnlyList<CameraRuleInput> inputs, List<Problem> problems)
    {
        var rules = new List<DetectionRule>();
        var seen = new HashSet<DetectionType>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var where = $"rules[{i}]";
            var type = DetectionTypes.Parse(input.Type?.Trim());
            if (type is null)
            {
                problems.Add(new($"{where}.type", $"第 {i + 1} 条规则的识别类型无效，可选：{DetectionTypes.CodeList}。"));
                continue;
            }

            var name = DetectionTypes.Name(type.Value);
            if (!seen.Add(type.Value))
            {
                problems.Add(new($"{where}.type", $"识别类型“{name}”重复设置了规则。"));
                continue;
            }

            var before = problems.Count;
            var confidence = input.MinConfidence ?? 0.6;
            if (double.IsNaN(confidence) || confidence is < 0 or > 1)
            {
                problems.Add(new($"{where}.minConfidence", $"“{name}”的最低置信度须在 0 到 1 之间。"));
            }

            var zone = ZoneText(input.Zone, name, $"{where}.zone", problems);
            var persistence = input.PersistenceSeconds ?? 2;
            if (persistence is < 0 or > MaxSeconds)
            {
                problems.Add(new($"{where}.persistenceSeconds", $"“{name}”的持续时间须在 0 到 {MaxSeconds} 秒之间。"));
            }

            var cooldown = input.CooldownSeconds ?? 60;
            if (cooldown is < 0 or > MaxSeconds)
            {
                problems.Add(new($"{where}.cooldownSeconds", $"“{name}”的冷却时间须在 0 到 {MaxSeconds} 秒之间。"));
            }

            var action = ParseAction(input.Action);
            if (action is null)
            {
                problems.Add(new($"{where}.action", $"“{name}”的处置方式无效，可选：warning（仅预警）、hidden_danger（立隐患）、violation（三违候选）。"));
            }

            if (problems.Count == before)
            {
                rules.Add(new DetectionRule
                {
                    Type = type.Value,
                    MinConfidence = confidence,
                    Zone = zone!,
                    PersistenceSeconds = persistence,
                    CooldownSeconds = cooldown,
                    WorkingHoursOnly = input.WorkingHoursOnly,
                    Action = action!.Value,
                    IsEnabled = input.Enabled,
                });
            }
        }

        return rules;
    }

    /// <summary>The zone as <see cref="ZonePolygon"/> text: at least three points inside the image, enclosing some area.</summary>
    private static string? ZoneText(IReadOnlyList<ZonePoint>? points, string name, string where, List<Problem> problems)
    {
        if (points is null || points.Count == 0)
        {
            return ZonePolygon.WholeImageText;
        }

        if (points.Count is < 3 or > MaxZonePoints)
        {
            problems.Add(new(where, $"“{name}”的识别区域须有 3 到 {MaxZonePoints} 个顶点。"));
            return null;
        }

        if (points.Any(p => p.X is not { } x || p.Y is not { } y || double.IsNaN(x) || double.IsNaN(y) || x is < 0 or > 1 || y is < 0 or > 1))
        {
            problems.Add(new(where, $"“{name}”的识别区域顶点须在画面内（x、y 为画面宽高的比例，0 到 1）。"));
            return null;
        }

        var area = 0.0;
        for (int i = 0, j = points.Count - 1; i < points.Count; j = i++)
        {
            area += (points[j].X!.Value * points[i].Y!.Value) - (points[i].X!.Value * points[j].Y!.Value);
        }

        if (Math.Abs(area) < 1e-6)
        {
            problems.Add(new(where, $"“{name}”的识别区域面积为零（顶点共线或重合）。"));
            return null;
        }

        var text = string.Join(" ", points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.X:0.####},{p.Y:0.####}")));
        return ZonePolygon.Parse(text)?.ToString();
    }
}
