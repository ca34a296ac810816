using CivicGrid.Data;

namespace CivicGrid.Cases.Intake;

/// <summary>
/// Rows a front door keeps beside the case (Open311's token and form, the public page's tracking link), written by the
/// <see cref="IntakeWriter"/> in the same transaction as the report, so an acknowledged report is never half-written.
/// </summary>
public interface IReportCompanion
{
    /// <summary>
    /// Adds the rows to <paramref name="db"/> (the writer saves them). <paramref name="written"/> is the case just
    /// inserted, or null when the report repeats the earlier case <paramref name="caseId"/>. Called again from scratch
    /// when a failed batch is retried report by report, so it must build its rows anew each time.
    /// </summary>
    Task AddAsync(AppDbContext db, long caseId, Case? written, CancellationToken ct);
}
