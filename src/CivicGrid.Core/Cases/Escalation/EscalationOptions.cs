namespace CivicGrid.Cases.Escalation;

/// <summary>Settings under <c>CivicGrid:Escalation</c>.</summary>
public sealed class EscalationOptions
{
    public const string Section = "CivicGrid:Escalation";

    /// <summary>Run the supervision sweep on a schedule at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Minutes between two sweeps (the first one runs one interval after start).</summary>
    public int IntervalMinutes { get; set; } = 5;
}
