namespace CivicGrid.Public;

public enum TrackingRole
{
    /// <summary>The resident who reported the case: follows it and evaluates it once closed.</summary>
    Reporter = 1,

    /// <summary>A resident who added a +1 (我也遇到了): follows the case, does not evaluate it.</summary>
    Supporter = 2,
}

/// <summary>
/// A resident's private link to a case (/track/{token}). Only the SHA-256 of the token is kept, so a copy of the
/// database does not open anybody's link; the token itself is shown to the resident once.
/// </summary>
public sealed class TrackingLink
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public required string TokenHash { get; set; }
    public TrackingRole Role { get; set; }

    /// <summary>
    /// The pseudonymous identity the case was reported under (its ReporterUserId, not an account): the reporter acts
    /// as this identity when he evaluates. Null for supporters.
    /// </summary>
    public Guid? ReporterKey { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
