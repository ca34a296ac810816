using System.Globalization;
using System.Text.Json;
using CivicGrid.Cases;
using CivicGrid.Platform.Calendar;

namespace CivicGrid.Public;

/// <summary>How a step looks to residents: a plain title, an optional detail, and whether its photos are shown.</summary>
public sealed record PublicStep(string Title, string? Detail, string Tone, bool ShowsPhotos);

/// <summary>
/// The case's history told to residents in plain Chinese: no state names, no staff, no other resident. Internal steps
/// (督办, a co-unit's 报到, reasons a unit returned a case) are left out; only a handler's feedback and a refusal's
/// reason keep the words staff wrote, because they are written for the resident.
/// </summary>
public static class PublicTimeline
{
    public static PublicStep? Describe(CaseEvent e, IReadOnlyDictionary<int, string> unitNames)
    {
        if (!e.IsPublic)
        {
            return null;
        }

        return e.Kind switch
        {
            "report" => new("问题已提交", "反映的问题已进入受理流程。", "info", true),
            "register" => new("已受理", "问题已登记受理，正在安排责任部门。", "info", false),
            "reject" => new("未予受理", e.Comment ?? "经审核，该问题不属于受理范围。", "warn", false),
            "merge" => new("已合并处理", "该问题与其他群众反映的同一问题合并办理。", "info", false),
            "dispatch" => new("已交办", Dispatched(e, unitNames), "info", false),
            "acknowledge" when e.FromStatus != e.ToStatus => new("责任部门已接单", "正在组织处理。", "info", false),
            "return" => new("重新交办", "正在为该问题重新安排责任部门。", "info", false),
            "handle" => new("已处理", e.Comment is null ? "责任部门已处理，等待核查。" : "处理情况：" + e.Comment, "ok", true),
            "verify" => new("核查通过", "经核查，问题已处理到位。", "ok", false),
            "rework" => new("重新处理", "核查发现尚未处理到位，已要求重新处理。", "warn", false),
            "close" => new("已办结", "问题已办结。", "ok", false),
            "evaluate" => new("已评价", Evaluation(e), "ok", false),
            "reopen" => new("重新办理", "根据群众的评价，问题重新办理。", "warn", false),
            "postpone" => new("办理期限延长", "因处理需要，办理期限已延长" + Deadline(e) + "。", "info", false),
            "suspend" => new("长期跟踪", "该问题需要较长时间解决，已列入长期跟踪办理。", "info", false),
            SupportCase.Kind => new("又有群众反映", Supporters(e), "info", false),
            _ => null,
        };
    }

    /// <summary>Where the case stands, in the words of the five steps residents see (提交 → 受理 → 处理 → 办结 → 评价).</summary>
    public static (int Stage, string Text) Status(CaseStatus status) => status switch
    {
        CaseStatus.Reported => (1, "已提交，等待受理"),
        CaseStatus.Registered or CaseStatus.Returned => (2, "已受理，正在安排处理"),
        CaseStatus.Dispatched or CaseStatus.Acknowledged or CaseStatus.Rework or CaseStatus.Postponed => (3, "处理中"),
        CaseStatus.Suspended => (3, "长期跟踪办理中"),
        CaseStatus.Handled or CaseStatus.Verified => (3, "已处理，等待核查"),
        CaseStatus.Closed => (4, "已办结"),
        CaseStatus.Evaluated => (5, "已评价"),
        CaseStatus.Rejected => (0, "未予受理"),
        CaseStatus.Merged => (0, "已合并处理"),
        _ => (1, "处理中"),
    };

    public static readonly IReadOnlyList<string> Stages = ["提交", "受理", "处理", "办结", "评价"];

    private static string Dispatched(CaseEvent e, IReadOnlyDictionary<int, string> unitNames)
    {
        var unit = LeadUnit(e) is { } id && unitNames.TryGetValue(id, out var name) ? name : "责任部门";
        return $"已交由{unit}办理" + Deadline(e) + "。";
    }

    private static string Deadline(CaseEvent e) =>
        Parse(e.Data) is { } d && d.TryGetProperty("deadline", out var value) && value.ValueKind == JsonValueKind.String
                               && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var deadline)
            ? "，预计 " + TimeZoneInfo.ConvertTime(deadline, WorkingCalendar.ChinaTimeZone).ToString("M月d日 HH:mm", CultureInfo.InvariantCulture) + " 前办结"
            : "";

    private static string Evaluation(CaseEvent e) =>
        Parse(e.Data) is { } d && d.TryGetProperty("evaluation", out var value) && value.ValueKind == JsonValueKind.String
            ? "评价：" + value.GetString()
            : "已收到评价。";

    private static string Supporters(CaseEvent e) =>
        Parse(e.Data) is { } d && d.TryGetProperty("supporters", out var value) && value.TryGetInt32(out var n)
            ? $"又有群众反映了同一问题（我也遇到了），累计 {n} 人。"
            : "又有群众反映了同一问题（我也遇到了）。";

    /// <summary>A unit id from a dispatch step, to look its name up.</summary>
    public static int? LeadUnit(CaseEvent e) =>
        e.Kind == "dispatch" && Parse(e.Data) is { } d && d.TryGetProperty("lead", out var lead) && lead.TryGetInt32(out var id) ? id : null;

    private static JsonElement? Parse(string? data)
    {
        if (string.IsNullOrEmpty(data))
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(data);
            return doc.RootElement.ValueKind == JsonValueKind.Object ? doc.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
