using CivicGrid.Accounts;
using CivicGrid.Data;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Safety;

public sealed record RecordViolationRequest(
    int? PersonId, DateTimeOffset? OccurredAt, string? Type, string? Grade, string? Rule, string? FoundBy,
    int? AreaId = null, string? Place = null, decimal? Fine = null, int? Points = null);

public sealed record RecordedViolation(int Id, int RepeatCount, int PointsWithinYear, bool RetrainingFlagged);

/// <summary>
/// Records a 三违. The repeat count is the person's number of records so far; when his points of the last twelve months
/// reach the enterprise's threshold he is flagged for retraining (待培训) on this record.
/// </summary>
public sealed class RecordViolation(AppDbContext db, TimeProvider clock)
{
    public async Task<Outcome<RecordedViolation>> HandleAsync(AccessScope scope, int enterpriseId, RecordViolationRequest request, CancellationToken ct = default)
    {
        var enterprise = await SafetyAccess.EnterpriseAsync(db, scope, enterpriseId, ct);
        if (!enterprise.Succeeded)
        {
            return enterprise.Fail<Organization.Unit, RecordedViolation>();
        }

        var now = clock.GetUtcNow();
        var problems = new List<Problem>();
        var type = ViolationRules.ParseType(request.Type);
        var grade = ViolationRules.ParseGrade(request.Grade);
        if (type is null)
        {
            problems.Add(new("type", "三违类型无效，可选：违章指挥、违章作业、违反劳动纪律。"));
        }

        if (grade is null)
        {
            problems.Add(new("grade", "三违等级无效，可选：一般、严重、特别严重。"));
        }

        if (request.OccurredAt is not { } at || at > now.AddMinutes(5))
        {
            problems.Add(new("occurredAt", "请填写发生时间（不能晚于现在）。"));
        }

        if (string.IsNullOrWhiteSpace(request.Rule) || request.Rule.Trim().Length > 500)
        {
            problems.Add(new("rule", "请填写所违反的规章条款（不超过 500 字）。"));
        }

        if (string.IsNullOrWhiteSpace(request.FoundBy) || request.FoundBy.Trim().Length > 100)
        {
            problems.Add(new("foundBy", "请填写查处人（不超过 100 字）。"));
        }

        if (request.Place?.Trim().Length > 100)
        {
            problems.Add(new("place", "地点不超过 100 字。"));
        }

        if (request.Fine is < 0 or > 1_000_000m || request.Points is < 0 or > 100)
        {
            problems.Add(new("fine", "罚款须在 0–1,000,000 元之间，积分须在 0–100 之间。"));
        }

        var units = await SafetyPeople.UnitIdsAsync(db, enterpriseId, ct);
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == request.PersonId && units.Contains(p.UnitId), ct);
        if (person is null)
        {
            problems.Add(new("personId", "人员不存在或不属于本企业。"));
        }

        if (request.AreaId is { } areaId && !await db.Set<SafetyArea>().AnyAsync(a => a.Id == areaId && a.EnterpriseId == enterpriseId, ct))
        {
            problems.Add(new("areaId", "区域不存在或不属于本企业。"));
        }

        if (problems.Count > 0)
        {
            return Outcome<RecordedViolation>.Invalid(problems);
        }

        var threshold = await db.Set<SafetySettings>().Where(s => s.EnterpriseId == enterpriseId).Select(s => (int?)s.RetrainingPoints).FirstOrDefaultAsync(ct)
            ?? ViolationRules.DefaultRetrainingPoints;
        var yearAgo = now.AddDays(-365);
        var earlier = await db.Set<Violation>().Where(v => v.PersonId == person!.Id).Select(v => new { v.OccurredAt, v.Points }).ToListAsync(ct);
        var points = request.Points ?? ViolationRules.DefaultPoints(grade!.Value);
        var pointsWithinYear = earlier.Where(v => v.OccurredAt >= yearAgo).Sum(v => v.Points) + points;
        var flagged = ViolationRules.NeedsRetraining(pointsWithinYear, threshold);
        var violation = new Violation
        {
            EnterpriseId = enterpriseId,
            PersonId = person!.Id,
            UnitId = person.UnitId,
            AreaId = request.AreaId,
            Place = string.IsNullOrWhiteSpace(request.Place) ? null : request.Place.Trim(),
            OccurredAt = request.OccurredAt!.Value,
            Type = type!.Value,
            Grade = grade!.Value,
            Rule = request.Rule!.Trim(),
            FoundBy = request.FoundBy!.Trim(),
            Fine = request.Fine ?? 0,
            Points = points,
            Retraining = flagged ? RetrainingStatus.Required : RetrainingStatus.None,
            RepeatCount = earlier.Count + 1,
            RecordedAt = now,
        };
        db.Add(violation);
        await db.SaveChangesAsync(ct);
        return Outcome<RecordedViolation>.Created(new RecordedViolation(violation.Id, violation.RepeatCount, pointsWithinYear, flagged));
    }
}
