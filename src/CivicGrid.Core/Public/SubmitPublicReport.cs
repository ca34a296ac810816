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
/// citizen) under a pseudonymous identity, then gets a private tracking link. A repeated idempotency key answers the
/// first case (with a fresh link to it), so a double tap never makes two cases.
/// </summary>
public sealed class SubmitPublicReport(AppDbContext db, ReportCase intake, TimeProvider clock)
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
        var outcome = await intake.HandleAsync(scope, report, ct);
        if (!outcome.Succeeded)
        {
            return new Outcome<SubmittedReport>(outcome.Status, null, outcome.Message, outcome.Problems);
        }

        var reported = await db.Set<Case>().AsNoTracking().Where(c => c.Id == outcome.Value!.Id)
            .Select(c => new { c.Id, c.ReportedAt, c.ReporterUserId, c.Source }).SingleAsync(ct);

        // The reporter acts as the case's pseudonymous reporter; never as a real account (a key sent through the API).
        var reporterKey = reported.Source == CaseSource.Citizen && reported.ReporterUserId is { } id
                          && !await db.Users.AnyAsync(u => u.Id == id, ct) ? id : (Guid?)null;
        var token = TrackingTokens.New();
        db.Add(new TrackingLink
        {
            CaseId = reported.Id,
            TokenHash = TrackingTokens.Hash(token)!,
            Role = TrackingRole.Reporter,
            ReporterKey = reporterKey,
            CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        return new Outcome<SubmittedReport>(outcome.Status, new SubmittedReport(reported.Id, CaseNumbers.Format(reported.ReportedAt, reported.Id), token,
            outcome.Value!.IsNew), null, []);
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
