namespace CivicGrid.Web.Open311;

/// <summary>Settings under <c>CivicGrid:Open311</c>.</summary>
public sealed class Open311Options
{
    public const string Section = "CivicGrid:Open311";

    /// <summary>Requests a minute one client address may send to /open311/v2; unset: the public limit.</summary>
    public int? PerMinute { get; set; }

    /// <summary>Largest accepted POST body; a 2000-character description needs about 18 KB URL-encoded.</summary>
    public int MaxFormBytes { get; set; } = 256 * 1024;

    public string Contact { get; set; } = "示例区城市运行管理指挥中心（平台管理员）";

    public string KeyService { get; set; } = "接入密钥（api_key）由平台系统管理员在控制台“标准接口”页面签发，请联系指挥中心申请。";
}
