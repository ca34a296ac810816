namespace CivicGrid.Cases.Intake;

/// <summary>Settings under <c>CivicGrid:Cases:Intake</c>.</summary>
public sealed class IntakeOptions
{
    /// <summary>
    /// Writers working in parallel on PostgreSQL (each its own batches and connection); SQLite always has one. A batch's
    /// inserts use one database backend, so one writer leaves the other cores idle under a surge.
    /// </summary>
    public int Writers { get; set; } = 2;

    /// <summary>At most this many reports are written in one transaction.</summary>
    public int MaxBatch { get; set; } = 64;

    /// <summary>
    /// How long the writer waits for more reports once it has one, in microseconds. Zero writes what has queued up
    /// while the previous batch committed, which batches by itself under load and adds no delay when idle.
    /// </summary>
    public int LingerMicroseconds { get; set; }

    /// <summary>Reports waiting for the writer beyond this make callers wait (back-pressure).</summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>The same report (same reporter, text and place) again within this window answers the first case.</summary>
    public TimeSpan DuplicateWindow { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Two reports this close (metres) count as the same place.</summary>
    public double DuplicateRadiusMetres { get; set; } = 50;
}
