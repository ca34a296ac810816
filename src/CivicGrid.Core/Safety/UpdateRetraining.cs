using CivicGrid.Accounts;
using CivicGrid.Data;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Safety;

public sealed record UpdateRetrainingRequest(string? Status);

/// <summary>Moves a 三违 record's retraining on (待培训 → 已培训待考试 → 考试合格/不合格).</summary>
public sealed class UpdateRetraining(AppDbContext db)
{
    public async Task<Outcome<int>> HandleAsync(AccessScope scope, int enterpriseId, int violationId, UpdateRetrainingRequest request, CancellationToken ct = default)
    {
        var enterprise = await SafetyAccess.EnterpriseAsync(db, scope, enterpriseId, ct);
        if (!enterprise.Succeeded)
        {
            return enterprise.Fail<Organization.Unit, int>();
        }

        if (ViolationRules.ParseRetraining(request.Status) is not { } status)
        {
            return Outcome<int>.Invalid("status", "培训状态无效，可选：无需培训、待培训、已培训待考试、考试合格、考试不合格。");
        }

        var violation = await db.Set<Violation>().FirstOrDefaultAsync(v => v.Id == violationId && v.EnterpriseId == enterpriseId, ct);
        if (violation is null)
        {
            return Outcome<int>.NotFound($"三违记录 {violationId} 不存在。");
        }

        violation.Retraining = status;
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(violation.Id);
    }
}
