using CivicGrid.Accounts;

namespace CivicGrid.Cases.Intake;

/// <summary>
/// A report located, classified and routed in its caller's task, waiting for the <see cref="IntakeWriter"/>.
/// Immutable: every write attempt (the batch, then alone after a batch failure) builds its entities afresh.
/// </summary>
internal sealed class PendingReport(
    Case template, DispatchPlan? plan, AccessScope reporter, string reporterName, IReadOnlyList<string> attachments, IReportCompanion? companion = null)
{
    public Case Template { get; } = template;
    public DispatchPlan? Plan { get; } = plan;
    public AccessScope Reporter { get; } = reporter;
    public string ReporterName { get; } = reporterName;
    public IReadOnlyList<string> Attachments { get; } = attachments;
    public IReportCompanion? Companion { get; } = companion;
    public ReportFingerprint Fingerprint { get; } = ReportFingerprint.Of(template);

    /// <summary>The case and history as committed, set by the writer before it answers a new report.</summary>
    public Case? Written { get; set; }

    public IReadOnlyList<CaseEvent> WrittenEvents { get; set; } = [];

    /// <summary>Completed only after the transaction holding the report has committed.</summary>
    public TaskCompletionSource<ReportedCase> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Case NewCase() => new()
    {
        Status = CaseStatus.Reported,
        Source = Template.Source,
        CategoryCode = Template.CategoryCode,
        DistrictCode = Template.DistrictCode,
        RegionCode = Template.RegionCode,
        Description = Template.Description,
        Address = Template.Address,
        Lon = Template.Lon,
        Lat = Template.Lat,
        ReporterUserId = Template.ReporterUserId,
        ReporterName = Template.ReporterName,
        ReporterPhone = Template.ReporterPhone,
        IdempotencyKey = Template.IdempotencyKey,
        ContentHash = Template.ContentHash,
        ReporterAddressHash = Template.ReporterAddressHash,
        ReportedAt = Template.ReportedAt,
        UpdatedAt = Template.UpdatedAt,
        SearchText = Template.SearchText,
    };
}
