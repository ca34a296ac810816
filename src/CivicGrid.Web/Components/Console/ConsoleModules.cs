using CivicGrid.Accounts;
using CivicGrid.Web.Components.Configuration;

namespace CivicGrid.Web.Components.Console;

/// <summary>
/// An entry of the console menu: a page (with <see cref="Href"/>) or a group of pages; <see cref="VisibleTo"/> hides it
/// from roles it is not for (the pages check again themselves).
/// </summary>
public sealed record ConsoleMenuEntry(string Key, string Title, string Icon, string? Href = null, IReadOnlyList<ConsoleMenuEntry>? Children = null,
    Func<AccessScope, bool>? VisibleTo = null)
{
    public IReadOnlyList<ConsoleMenuEntry> Items => Children ?? [];

    public bool IsVisibleTo(AccessScope scope) => VisibleTo?.Invoke(scope) ?? true;
}

/// <summary>
/// The console's modules in menu order. A module that lands adds one line here
/// (the menu, the breadcrumb and the workbench links all read this list).
/// </summary>
public static class ConsoleModules
{
    public static IReadOnlyList<ConsoleMenuEntry> Menu { get; } =
    [
        new("home", "工作台", "dashboard", "/"),
        new("grid", "区域网格", "global", "/grid"),
        new("cases", "问题案卷", "file-search", "/cases"),
        new("standards", "测评点位", "environment", Children: [new("standards-index", "测评体系", "ordered-list", "/standards/index"), new("points", "点位", "pushpin", "/standards/points"), new("points-map", "点位地图", "global", "/standards/map"), new("inspect", "现场督查", "audit", "/inspect")]),
        new("organization", "组织机构", "apartment", Children:
        [
            new("units", "单位", "bank", "/organization/units"),
            new("people", "人员", "user", "/organization/people"),
            new("teams", "指挥体系", "cluster", "/organization/teams"),
        ]),
        new("dashboard", "数据大屏", "fund", "/dashboard", VisibleTo: CivicGrid.Assessment.AssessmentAccess.CanRead),
        new("assessment", "考评排名", "trophy", "/assessment", VisibleTo: CivicGrid.Assessment.AssessmentAccess.CanRead),
        new("reports", "调度与督查报告", "file-text", "/reports", VisibleTo: CivicGrid.Assessment.AssessmentAccess.CanRead),
        new("safety", "安全风险", "safety-certificate", VisibleTo: CivicGrid.Safety.SafetyAccess.UsesSafety, Children: [new("safety-enterprises", "企业与岗位", "bank", "/safety/enterprises"), new("safety-risk", "风险四色图", "heat-map", "/safety/risk"), new("safety-dangers", "隐患与三违", "alert", "/safety/dangers"), new("safety-warnings", "AI 识别预警", "video-camera", "/safety/warnings"), new("safety-audits", "NOSA 安全审核", "audit", "/safety/audits"), new("safety-cameras", "摄像头与规则", "camera", "/safety/cameras")]),
        new("notifications", "通知与督办", "bell", "/notifications"),
        new("configuration", "配置", "setting", VisibleTo: ConfigurationAccess.CanRead, Children:
        [
            new("categories", "问题分类", "partition", "/configuration/categories"),
            new("responsibility", "责任规则", "node-index", "/configuration/responsibility"),
            new("calendar", "工作日历", "calendar", "/configuration/calendar"),
        ]),
        new("open311", "标准接口", "api", "/open311", VisibleTo: scope => scope.IsAdmin),
    ];

    /// <summary>The menu as the user sees it: entries he may not use left out, groups without visible pages dropped.</summary>
    public static IReadOnlyList<ConsoleMenuEntry> MenuFor(AccessScope scope) =>
        Menu.Where(e => e.IsVisibleTo(scope))
            .Select(e => e.Items.Count == 0 ? e : e with { Children = e.Items.Where(c => c.IsVisibleTo(scope)).ToList() })
            .Where(e => e.Href is not null || e.Items.Count > 0)
            .ToList();

    /// <summary>The menu path (group, then page) of a console address, or empty when it is no menu page.</summary>
    public static IReadOnlyList<ConsoleMenuEntry> PathOf(string relativePath)
    {
        var path = "/" + relativePath.Split('?', '#')[0].Trim('/');
        foreach (var entry in Menu)
        {
            if (entry.Href == path)
            {
                return [entry];
            }

            var child = entry.Items.FirstOrDefault(c => c.Href == path || (c.Href is not null && path.StartsWith(c.Href + "/", StringComparison.Ordinal)));
            if (child is not null)
            {
                return [entry, child];
            }

            if (entry.Href is not null && entry.Href != "/" && path.StartsWith(entry.Href + "/", StringComparison.Ordinal))
            {
                return [entry];
            }
        }

        return [];
    }
}
