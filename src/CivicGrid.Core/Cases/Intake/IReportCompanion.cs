using CivicGrid.Data;

namespace CivicGrid.Cases.Intake;

/// <summary>
/// Rows a front door keeps beside the case (Open311's token and form, the public page's tracking link), written by the
/// <see cref="IntakeWriter"/> in the same transaction as the report, so an acknowledged report is never half-written.
/// </summary>
public interface IReportCompanion
{
    /// <summary>
    /// Adds the rows to <paramref name="db"/> (the writer writes them; it may not call SaveChanges, so nothing may be read
    /// back from them). Called again from scratch when a failed batch is retried report by report, so it must build its
    /// rows anew each time.
    /// </summary>
    Task AddAsync(AppDbContext db, ReportTarget target, CancellationToken ct);
}

/// <summary>
/// The case a report ended up with: its own new case (<see cref="IsNew"/>), or the earlier case it repeats.
/// <see cref="Written"/> is the case object when it is written in this very batch (always for a new case; for a repeat,
/// when the first of the identical reports is in the same batch) — it is not in the database yet, so read it from here.
/// </summary>
public sealed record ReportTarget(long CaseId, bool IsNew, Case? Written);
