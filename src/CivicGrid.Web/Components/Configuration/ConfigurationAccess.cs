using CivicGrid.Accounts;

namespace CivicGrid.Web.Components.Configuration;

/// <summary>
/// Who uses the 配置 pages (问题分类, 责任规则, 工作日历): the district's command roles read them, only a 系统管理员 changes
/// them. 镇街/村居 staff, handling units and the public have no menu entry (the HTTP API keeps its own, finer rules).
/// </summary>
public static class ConfigurationAccess
{
    public static bool CanRead(AccessScope scope) =>
        scope.HasAny(AppRole.Admin, AppRole.Dispatcher, AppRole.Leader, AppRole.Inspector);

    public static bool CanEdit(AccessScope scope) => scope.IsAdmin;
}
