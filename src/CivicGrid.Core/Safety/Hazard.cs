namespace CivicGrid.Safety;

/// <summary>A hazard (危险源/风险点) identified in a work step or an area, assessed and with its controls.</summary>
public sealed class Hazard
{
    public int Id { get; set; }
    public int EnterpriseId { get; set; }
    public int? AreaId { get; set; }
    public int? TaskStepId { get; set; }
    public required string Name { get; set; }

    /// <summary>可能导致的事故类型 (冒顶片帮, 瓦斯爆炸, 机械伤害 …).</summary>
    public string? AccidentType { get; set; }

    public RiskMethod Method { get; set; }

    /// <summary>L of LEC (table value) or of the matrix (1–5).</summary>
    public double Likelihood { get; set; }

    public double? Exposure { get; set; }
    public double? Consequence { get; set; }
    public int? Severity { get; set; }
    public double Score { get; set; }
    public RiskLevel Level { get; set; }

    public string? EngineeringControls { get; set; }
    public string? ManagementControls { get; set; }
    public string? TrainingControls { get; set; }
    public string? PpeControls { get; set; }
    public string? EmergencyControls { get; set; }

    /// <summary>管控责任人.</summary>
    public string? Owner { get; set; }

    public DateOnly? ReviewDate { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
