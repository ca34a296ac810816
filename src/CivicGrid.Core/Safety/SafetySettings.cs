namespace CivicGrid.Safety;

/// <summary>An enterprise's own safety settings: its risk bands, the 三违 points threshold, where its safe-day count starts.</summary>
public sealed class SafetySettings
{
    public int EnterpriseId { get; set; }
    public double LecMajorAbove { get; set; } = RiskBands.Default.LecMajorAbove;
    public double LecLargeAbove { get; set; } = RiskBands.Default.LecLargeAbove;
    public double LecGeneralAbove { get; set; } = RiskBands.Default.LecGeneralAbove;
    public int MatrixMajorFrom { get; set; } = RiskBands.Default.MatrixMajorFrom;
    public int MatrixLargeFrom { get; set; } = RiskBands.Default.MatrixLargeFrom;
    public int MatrixGeneralFrom { get; set; } = RiskBands.Default.MatrixGeneralFrom;

    /// <summary>A person whose 三违 points within a year reach this is flagged for retraining.</summary>
    public int RetrainingPoints { get; set; } = ViolationRules.DefaultRetrainingPoints;

    /// <summary>Start of the safe-day count when there has been no recordable incident.</summary>
    public DateOnly? SafeSince { get; set; }

    public RiskBands Bands => new(LecMajorAbove, LecLargeAbove, LecGeneralAbove, MatrixMajorFrom, MatrixLargeFrom, MatrixGeneralFrom);
}
