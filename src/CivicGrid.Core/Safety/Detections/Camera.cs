namespace CivicGrid.Safety.Detections;

/// <summary>A camera (or edge-analytics channel) of an enterprise whose detections come in through the API.</summary>
public sealed class Camera
{
    public int Id { get; set; }

    /// <summary>The code the camera system sends (<c>CAM-001</c>), unique across the platform.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }
    public int EnterpriseId { get; set; }
    public int? AreaId { get; set; }

    /// <summary>The region it watches when that is narrower than the enterprise's (city cameras).</summary>
    public string? RegionCode { get; set; }

    public bool IsActive { get; set; } = true;
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>What a warning leads to besides appearing on the board.</summary>
public enum RuleAction
{
    /// <summary>仅预警.</summary>
    WarningOnly = 1,

    /// <summary>立隐患：confirming the warning opens a hidden-danger case.</summary>
    HiddenDanger = 2,

    /// <summary>三违候选：confirming the warning records a 三违 against a person.</summary>
    ViolationCandidate = 3,
}

/// <summary>When a detection of one type on one camera becomes a warning (see <see cref="DetectionRuleEngine"/>).</summary>
public sealed class DetectionRule
{
    public int Id { get; set; }
    public int CameraId { get; set; }
    public DetectionType Type { get; set; }
    public double MinConfidence { get; set; } = 0.6;

    /// <summary>The zone polygon in image fractions, as <see cref="ZonePolygon"/> text; the whole image by default.</summary>
    public string Zone { get; set; } = ZonePolygon.WholeImageText;

    public int PersistenceSeconds { get; set; } = 2;
    public int CooldownSeconds { get; set; } = 60;
    public bool WorkingHoursOnly { get; set; }
    public RuleAction Action { get; set; } = RuleAction.WarningOnly;
    public bool IsEnabled { get; set; } = true;
}

/// <summary>
/// A key camera systems send as <c>X-Api-Key</c> for one enterprise's cameras. Only its SHA-256 is stored
/// (as for Open311 integrations, <see cref="Open311.ApiKeys"/>).
/// </summary>
public sealed class CameraIntegrationKey
{
    public int Id { get; set; }
    public int EnterpriseId { get; set; }
    public required string Name { get; set; }
    public required string KeyHash { get; set; }
    public required string KeyPrefix { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>The demo mine's key (<c>demo-camera-key</c>), switched off with the demo accounts.</summary>
    public bool IsDemo { get; set; }

    public bool IsDisabled { get; set; }
}
