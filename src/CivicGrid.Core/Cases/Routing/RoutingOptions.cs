namespace CivicGrid.Cases.Routing;

/// <summary>Settings under <c>CivicGrid:Routing</c>; the Web layer sets <see cref="ModelPath"/> under the data folder.</summary>
public sealed class RoutingOptions
{
    /// <summary>Where the trained category model is kept (<c>{DataDir}/models/category.zip</c>).</summary>
    public string? ModelPath { get; set; }

    /// <summary>Train in the background on start when no model file exists yet.</summary>
    public bool TrainOnStart { get; set; } = true;

    /// <summary>Daily retraining time, Beijing time; null turns the schedule off.</summary>
    public TimeOnly? DailyRetrainAt { get; set; } = new(2, 0);

    /// <summary>At most this many person-classified cases (the newest) are learnt from.</summary>
    public int MaxTrainingCases { get; set; } = 100_000;

    /// <summary>Radius for duplicate suggestions, metres.</summary>
    public double DuplicateRadiusMetres { get; set; } = 200;

    /// <summary>How far back duplicate suggestions look, days.</summary>
    public int DuplicateDays { get; set; } = 7;
}
