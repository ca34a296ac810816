namespace CivicGrid.Cases;

public sealed record ResponsibleUnitView(int UnitId, string Code, string Name, bool IsLead, DateTimeOffset DispatchedAt,
    DateTimeOffset AcknowledgeBy, DateTimeOffset? AcknowledgedAt, bool IsOverdueToAcknowledge);

public sealed record CaseEventView(int Sequence, string Kind, string KindName, string? From, string To, string ToName,
    string Actor, DateTimeOffset At, string? Comment, IReadOnlyList<Attachments.AttachmentView> Attachments);

public sealed record CaseView(
    long Id, string Number, string Status, string StatusName, string Source, string SourceName,
    string? CategoryCode, string? CategoryName, string? RegionCode, string? RegionName, string Description, string? Address,
    double? Lon, double? Lat, string? ReporterName, string? ReporterPhone,
    IReadOnlyList<ResponsibleUnitView> ResponsibleUnits, DateTimeOffset ReportedAt, DateTimeOffset? Deadline,
    DateTimeOffset? HandledAt, DateTimeOffset? ClosedAt, string? Evaluation, int ReworkCount, string Card, long? MergedIntoId,
    int Version, IReadOnlyList<string> AllowedActions, IReadOnlyList<CaseEventView> History);

public sealed record CaseListItem(long Id, string Number, string Status, string StatusName, string? CategoryCode, string? CategoryName,
    string? RegionCode, string Description, DateTimeOffset ReportedAt, DateTimeOffset? Deadline, string Card, string? LeadUnitName);
