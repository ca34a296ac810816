namespace CivicGrid.Open311;

/// <summary>
/// A system allowed to submit service requests (12345 hotline, a third-party app…), identified by its
/// <c>api_key</c>. Only a hash of the key is stored; the key itself is shown once, when it is issued.
/// </summary>
public sealed class Open311Integration
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>SHA-256 of the key, lowercase hex (see <see cref="ApiKeys"/>).</summary>
    public required string KeyHash { get; set; }

    /// <summary>The first characters of the key, so an administrator can tell keys apart.</summary>
    public required string KeyPrefix { get; set; }

    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }

    /// <summary>The demo district's integration (<c>demo-open311-key</c>), switched with the demo accounts.</summary>
    public bool IsDemo { get; set; }

    public bool IsDisabled { get; set; }

    public bool IsUsable => RevokedAt is null && !IsDisabled;
}
