namespace CivicGrid.Web.Components.Console;

/// <summary>An entry of the console menu: a page (with <see cref="Href"/>) or a group of pages.</summary>
public sealed record ConsoleMenuEntry(string Key, string Title, string Icon, string? Href = null, IReadOnlyList<ConsoleMenuEntry>? Children = null)
{
    public IReadOnlyList<ConsoleMenuEntry> Items => Children ?? [];
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
        new("organization", "组织机构", "apartment", Children:
        [
            new("units", "单位", "bank", "/organization/units"),
            new("people", "人员", "user", "/organization/people"),
            new("teams", "指挥体系", "cluster", "/organization/teams"),
        ]),
        new("open311", "标准接口", "api", "/open311"),
    ];

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
