namespace CivicGrid.Open311;

/// <summary>
/// What arrived with a case through Open311 beyond the case itself: the integration that sent it, the
/// token, the media URL and the attribute answers. The reporter's e-mail is kept for contact only and never
/// leaves the platform through Open311.
/// </summary>
public sealed class Open311Report
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public required string Token { get; set; }
    public int IntegrationId { get; set; }
    public string? MediaUrl { get; set; }
    public string? ReporterEmail { get; set; }

    /// <summary>Attribute answers as JSON: {"code": ["value", …]}.</summary>
    public string? Attributes { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }
}
