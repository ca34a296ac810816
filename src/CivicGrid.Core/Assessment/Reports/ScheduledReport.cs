namespace CivicGrid.Assessment.Reports;

public enum ScheduledReportKind
{
    /// <summary>日调度: one day's new, closed, supervised and overdue cases per 镇街 and department, with the month so far.</summary>
    Daily = 1,

    /// <summary>周督查: one week's indicators per 镇街 and department.</summary>
    Weekly = 2,
}

/// <summary>A generated report, kept: generated on schedule (or on demand, replacing the same period's).</summary>
public sealed class ScheduledReport
{
    public long Id { get; set; }
    public ScheduledReportKind Kind { get; set; }

    /// <summary><c>2026-11-26</c> for a day, <c>2026-W48</c> for a week.</summary>
    public required string PeriodKey { get; set; }

    public required string Title { get; set; }
    public DateTimeOffset GeneratedAt { get; set; }

    /// <summary>The <see cref="ReportContent"/> as JSON, exactly as generated.</summary>
    public required string ContentJson { get; set; }
}

/// <summary>A column of a report section; rates are fractions 0–1.</summary>
public sealed record ReportColumn(string Name, bool IsRate = false);

/// <summary>One subject's line: a 镇街 (region code) or a department (unit code).</summary>
public sealed record ReportRow(string Code, string Name, IReadOnlyList<double?> Values);

/// <summary>A table of the report: 各镇街 or 各职能部门.</summary>
public sealed record ReportSection(string Title, string SubjectKind, IReadOnlyList<ReportColumn> Columns, IReadOnlyList<ReportRow> Rows);

public sealed record ReportContent(string Title, string PeriodName, string Summary, IReadOnlyList<ReportSection> Sections);

public sealed record ScheduledReportSummary(long Id, string Kind, string KindName, string PeriodKey, string Title, DateTimeOffset GeneratedAt);

public sealed record ScheduledReportView(long Id, string Kind, string KindName, string PeriodKey, DateTimeOffset GeneratedAt, ReportContent Content);

public static class ScheduledReportKinds
{
    public static string ApiName(ScheduledReportKind kind) => kind == ScheduledReportKind.Daily ? "daily" : "weekly";

    public static string ChineseName(ScheduledReportKind kind) => kind == ScheduledReportKind.Daily ? "日调度" : "周督查";

    public static ScheduledReportKind? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "daily" or "日调度" => ScheduledReportKind.Daily,
        "weekly" or "周督查" => ScheduledReportKind.Weekly,
        _ => null,
    };
}
