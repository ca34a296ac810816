namespace CivicGrid.Standards;

/// <summary>Settings of the public signs (<c>CivicGrid:Standards:…</c>, environment <c>CivicGrid__Standards__…</c>).</summary>
public sealed class StandardsOptions
{
    public const string Section = "CivicGrid:Standards";

    /// <summary>The supervision hotline printed on every sign (监督电话), e.g. the district's 12345.</summary>
    public string SupervisionPhone { get; set; } = "12345";

    /// <summary>What the hotline is, shown beside the number.</summary>
    public string SupervisionPhoneName { get; set; } = "政务服务便民热线";

    /// <summary>Who issues the signs, printed at their foot.</summary>
    public string SignIssuer { get; set; } = "创建全国文明城区指挥部办公室";

    /// <summary>
    /// The public address residents reach the platform at (e.g. https://wm.example.gov.cn), used in the QR codes of
    /// printed signs; when empty, the address of the console request that prints them.
    /// </summary>
    public string? PublicBaseUrl { get; set; }
}
