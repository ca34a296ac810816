using CivicGrid.Cases;
using CivicGrid.Cases.Intake;
using CivicGrid.Data;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Public;

/// <summary>What the 随手拍 page sends: the resident's report, its photos (already stored) and, from a 亮牌 sign, the point.</summary>
public sealed record PublicReportRequest(
    string? Description, string? CategoryCode = null, double? Lon = null, double? Lat = null, string? Address = null,
    string? Phone = null, string? IdempotencyKey = null, IReadOnlyList<string>? Attachments = null, string? PointName = null,
    string? PointCode = null);

/// <summary>The case the report became (or, for a repeated key, already was) and the resident's private tracking token.</summary>
public sealed record SubmittedReport(long CaseId, string Number, string Token, bool IsNew);

/// <summary>
/// A resident's report from the public page. It goes through the one intake path (<see cref="ReportCase"/>, source
/// citizen) under a pseudonymous identity, with a private tracking link written in the case's own transaction. A repeated
/// idempotency key or the same report within the duplicate window answers the first case (with a fresh link to it), so a
/// double tap never makes two cases.
/// </summary>
public sealed class SubmitPublicReport(ReportCase intake, TimeProvider clock)
{
    public const string KeyPrefix = "public:";

    public async Task<Outcome<SubmittedReport>> HandleAsync(PublicReportRequest request, CancellationToken ct = default)
    {
        var phone = string.IsNullOrWhiteSpace(request.Phone) ? null : request.Phone.Trim();
        var key = ResidentIdentity.CleanKey(request.IdempotencyKey) is { } k ? KeyPrefix + k : null;
        var scope = ResidentIdentity.Scope(Guid.NewGuid(), phone);
        var report = new ReportCaseRequest(
            request.Description, string.IsNullOrWhiteSpace(request.CategoryCode) ? null : request.CategoryCode.Trim(), request.Lon, request.Lat,
            AddressWithPoint(request), "citizen", key, null, phone, request.Attachments);
        var link = new TrackingCompanion(clock.GetUtcNow());
        var outcome = await intake.HandleAsync(scope, report, link, ct);
        if (!outcome.Succeeded)
        {
            return new Outcome<SubmittedReport>(outcome.Status, null, outcome.Message, outcome.Problems);
        }

        var id = outcome.Value!.Id;
        return new Outcome<SubmittedReport>(outcome.Status, new SubmittedReport(id, CaseNumbers.Format(link.ReportedAt, id), link.Token!,
            outcome.Value.IsNew), null, []);
    }

    /// <summary>The resident's tracking link, written by the intake in the report's own transaction.</summary>
    private sealed class TrackingCompanion(DateTimeOffset now) : IReportCompanion
    {
        public string? Token { get; private set; }

        public DateTimeOffset ReportedAt { get; private set; }

        public async Task AddAsync(AppDbContext db, ReportTarget target, CancellationToken ct)
        {
            var caseId = target.CaseId;
            var (reportedAt, reporter, source) = target.Written is { } written
                ? (written.ReportedAt, written.ReporterUserId, written.Source)
                : await EarlierAsync(db, caseId, ct);
            ReportedAt = reportedAt;
            // The reporter acts as the case's pseudonymous reporter; never as a real account (a key sent through the API).
            // A new case's reporter is the fresh pseudonymous identity of this very report.
            var reporterKey = target.IsNew
                ? reporter
                : source == CaseSource.Citizen && reporter is { } id && !await db.Users.AnyAsync(u => u.Id == id, ct) ? id : null;

            Token = TrackingTokens.New();
            db.Add(new TrackingLink
            {
                CaseId = caseId,
                TokenHash = TrackingTokens.Hash(Token)!,
                Role = TrackingRole.Reporter,
                ReporterKey = reporterKey,
                CreatedAt = now,
            });
        }

        private static async Task<(DateTimeOffset ReportedAt, Guid? Reporter, CaseSource Source)> EarlierAsync(AppDbContext db, long caseId,
            CancellationToken ct)
        {
            var earlier = await db.Set<Case>().AsNoTracking().Where(c => c.Id == caseId)
                .Select(c => new { c.ReportedAt, c.ReporterUserId, c.Source }).SingleAsync(ct);
            return (earlier.ReportedAt, earlier.ReporterUserId, earlier.Source);
        }
    }

    /// <summary>A report from a 亮牌 sign names its point, so the handler finds the place even without a typed address.</summary>
    private static string? AddressWithPoint(PublicReportRequest r)
    {
        var address = string.IsNullOrWhiteSpace(r.Address) ? null : r.Address.Trim();
        if (string.IsNullOrWhiteSpace(r.PointName))
        {
            return address;
        }

        var point = "点位：" + r.PointName.Trim() + (string.IsNullOrWhiteSpace(r.PointCode) ? "" : $"（{r.PointCode.Trim()}）");
        return address is null ? point : point + "，" + address;
    }
}
