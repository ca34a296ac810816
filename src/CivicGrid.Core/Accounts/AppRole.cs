namespace CivicGrid.Accounts;

public enum AppRole
{
    /// <summary>系统管理员</summary>
    Admin = 1,

    /// <summary>指挥中心(受理/派遣)</summary>
    Dispatcher = 2,

    /// <summary>区领导(只读)</summary>
    Leader = 3,

    /// <summary>督查员</summary>
    Inspector = 4,

    /// <summary>镇街管理员</summary>
    TownAdmin = 5,

    /// <summary>村居管理员</summary>
    CommunityAdmin = 6,

    /// <summary>网格员</summary>
    GridWorker = 7,

    /// <summary>部门办理人</summary>
    Handler = 8,

    /// <summary>志愿者</summary>
    Volunteer = 9,

    /// <summary>居民</summary>
    Resident = 10,

    /// <summary>企业安全管理员</summary>
    SafetyOfficer = 11,
}

public static class AppRoles
{
    public static string ChineseName(AppRole role) => role switch
    {
        AppRole.Admin => "系统管理员",
        AppRole.Dispatcher => "指挥中心受理派遣员",
        AppRole.Leader => "区领导",
        AppRole.Inspector => "督查员",
        AppRole.TownAdmin => "镇街管理员",
        AppRole.CommunityAdmin => "村居管理员",
        AppRole.GridWorker => "网格员",
        AppRole.Handler => "部门办理人",
        AppRole.Volunteer => "志愿者",
        AppRole.Resident => "居民",
        AppRole.SafetyOfficer => "企业安全管理员",
        _ => "未知角色",
    };

    /// <summary>Roles that may change organization and grid data within their scope.</summary>
    public static bool ManagesOrganization(AppRole role) =>
        role is AppRole.Admin or AppRole.TownAdmin or AppRole.CommunityAdmin;

    /// <summary>Roles that see the grid and organization of their scope at all.</summary>
    public static bool SeesOrganization(AppRole role) =>
        role is not (AppRole.Volunteer or AppRole.Resident);
}
