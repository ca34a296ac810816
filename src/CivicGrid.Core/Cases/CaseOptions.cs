namespace CivicGrid.Cases;

/// <summary>Settings under <c>CivicGrid:Cases</c>.</summary>
public sealed class CaseOptions
{
    /// <summary>Citizen reports whose suggested category reaches this confidence are registered and dispatched automatically.</summary>
    public double AutoDispatchConfidence { get; set; } = 0.6;

    /// <summary>Minutes each dispatched unit has to report (报到) by default.</summary>
    public int AcknowledgeMinutes { get; set; } = 30;

    /// <summary>Share of the handling time after which a yellow supervision card (黄牌督办) is raised.</summary>
    public double YellowCardFraction { get; set; } = 0.8;

    /// <summary>A passed verification closes the case at once (核查通过即结案).</summary>
    public bool CloseOnVerify { get; set; } = true;

    public int MaxDescriptionLength { get; set; } = 2000;

    /// <summary>Group commit and duplicate window of the intake (<c>CivicGrid:Cases:Intake</c>).</summary>
    public Intake.IntakeOptions Intake { get; set; } = new();
}
