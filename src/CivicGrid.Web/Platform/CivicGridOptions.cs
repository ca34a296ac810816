namespace CivicGrid.Web.Platform;

/// <summary>Settings under <c>CivicGrid:</c> (environment: <c>CivicGrid__Xxx</c>).</summary>
public sealed class CivicGridOptions
{
    public const string Section = "CivicGrid";

    /// <summary>Folder for the SQLite file, uploaded files and keys; relative to the working directory.</summary>
    public string DataDir { get; set; } = "data";

    /// <summary>Seed the demo district and keep the demo accounts enabled.</summary>
    public bool Demo { get; set; } = true;

    public bool MigrateOnStart { get; set; } = true;

    /// <summary>Optional tile URL template for the console map; none means GeoJSON only.</summary>
    public string? MapTileUrl { get; set; }

    public RateLimitOptions RateLimits { get; set; } = new();

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);
}

public sealed class RateLimitOptions
{
    /// <summary>Requests a minute one client address may send to a public endpoint.</summary>
    public int PublicPerMinute { get; set; } = 120;

    /// <summary>Token requests a minute one client address may send.</summary>
    public int TokenPerMinute { get; set; } = 30;
}
