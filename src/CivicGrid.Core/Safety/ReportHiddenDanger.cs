using CivicGrid.Accounts;
using CivicGrid.Cases.Intake;
using CivicGrid.Data;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Safety;

/// <summary>A hidden danger found in an enterprise; the 五落实 may be given now or later.</summary>
public sealed record ReportHiddenDangerRequest(
    string? Description, string? Grade, int? AreaId = null, int? HazardId = null, string? CategoryCode = null,
    double? Lon = null, double? Lat = null, string? IdempotencyKey = null,
    string? ResponsiblePerson = null, string? Measures = null, decimal? Funds = null, DateOnly? RectifyBy = null, string? ContingencyPlan = null);

/// <summary>
/// Opens a case of source <c>safety</c> through the case loop's own intake, then records its safety side. An idempotency
/// key (one is made when none is given) makes a retry after a failure between the two writes finish the same hidden danger.
/// </summary>
public sealed class ReportHiddenDanger(AppDbContext db, ReportCase report, TimeProvider clock)
{
    public async Task<Outcome<int>> HandleAsync(AccessScope scope, int enterpriseId, ReportHiddenDangerRequest request, CancellationToken ct = default)
    {
        var enterprise = await SafetyAccess.EnterpriseAsync(db, scope, enterpriseId, ct);
        if (!enterprise.Succeeded)
        {
            return enterprise.Fail<Organization.Unit, int>();
        }

        var problems = new List<Problem>();
        var grade = HiddenDangerRules.ParseGrade(request.Grade);
        if (grade is null)
        {
            problems.Add(new("grade", "隐患等级无效，可选：一般、重大。"));
        }

        if (string.IsNullOrWhiteSpace(request.Description) || request.Description.Trim().Length > 2000)
        {
            problems.Add(new("description", "请描述隐患（不超过 2000 字）。"));
        }

        if (request.AreaId is { } areaId && !await db.Set<SafetyArea>().AnyAsync(a => a.Id == areaId && a.EnterpriseId == enterpriseId, ct))
        {
            problems.Add(new("areaId", "区域不存在或不属于本企业。"));
        }

        if (request.HazardId is { } hazardId && !await db.Set<Hazard>().AnyAsync(h => h.Id == hazardId && h.EnterpriseId == enterpriseId, ct))
        {
            problems.Add(new("hazardId", "危险源不存在或不属于本企业。"));
        }

        var five = new FiveImplementationsRequest(request.ResponsiblePerson, request.Measures, request.Funds, request.RectifyBy, request.ContingencyPlan);
        problems.AddRange(FillFiveImplementations.Validate(five));
        if (problems.Count > 0)
        {
            return Outcome<int>.Invalid(problems);
        }

        var key = string.IsNullOrWhiteSpace(request.IdempotencyKey) ? "safety-" + Guid.NewGuid().ToString("N") : request.IdempotencyKey.Trim();
        var area = request.AreaId is { } a ? await db.Set<SafetyArea>().Where(x => x.Id == a).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        var reported = await report.HandleAsync(scope, new ReportCaseRequest(
            request.Description!.Trim(), request.CategoryCode, request.Lon, request.Lat,
            Address: enterprise.Value!.Name + (area is null ? "" : " " + area), Source: "safety", IdempotencyKey: key), ct);
        if (!reported.Succeeded)
        {
            return reported.Fail<ReportedCase, int>();
        }

        var caseId = reported.Value!.Id;
        var existing = await db.Set<HiddenDanger>().FirstOrDefaultAsync(d => d.CaseId == caseId, ct);
        if (existing is not null)
        {
            return existing.EnterpriseId == enterpriseId ? Outcome<int>.Ok(existing.Id) : Outcome<int>.Conflict("该幂等键已用于其他企业的隐患。");
        }

        var danger = new HiddenDanger
        {
            CaseId = caseId,
            EnterpriseId = enterpriseId,
            AreaId = request.AreaId,
            HazardId = request.HazardId,
            Grade = grade!.Value,
            Description = request.Description.Trim(),
            ReportedAt = clock.GetUtcNow(),
        };
        FillFiveImplementations.Apply(danger, five);
        db.Add(danger);
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Created(danger.Id);
    }
}
