using CivicGrid.Accounts;
using CivicGrid.Data;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Safety;

/// <summary>Create (Id null) or update an area of an enterprise; the plan rectangle is in 0–100 plan units.</summary>
public sealed record SaveAreaRequest(int? Id, string? Name, string? Kind, int? ParentAreaId = null,
    int PlanX = 0, int PlanY = 0, int PlanWidth = 10, int PlanHeight = 10);

public sealed class SaveArea(AppDbContext db, TimeProvider clock)
{
    public static IReadOnlyList<string> SuggestedKinds { get; } = ["井口", "采区", "工作面", "掘进工作面", "巷道", "车间", "选煤厂", "变电所", "库房", "办公区"];

    public async Task<Outcome<SafetyArea>> HandleAsync(AccessScope scope, int enterpriseId, SaveAreaRequest request, CancellationToken ct = default)
    {
        var enterprise = await SafetyAccess.EnterpriseAsync(db, scope, enterpriseId, ct);
        if (!enterprise.Succeeded)
        {
            return enterprise.Fail<Organization.Unit, SafetyArea>();
        }

        var problems = new List<Problem>();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > 100)
        {
            problems.Add(new("name", "请填写区域名称（不超过 100 字）。"));
        }

        if (string.IsNullOrWhiteSpace(request.Kind) || request.Kind.Trim().Length > 20)
        {
            problems.Add(new("kind", "请填写区域类型（如：" + string.Join("、", SuggestedKinds) + "）。"));
        }

        if (request.PlanX is < 0 or > 100 || request.PlanY is < 0 or > 100 || request.PlanWidth is < 1 or > 100 || request.PlanHeight is < 1 or > 100)
        {
            problems.Add(new("plan", "平面图位置须在 0–100 之间，宽高 1–100。"));
        }

        if (request.ParentAreaId is { } parent && (parent == request.Id || !await db.Set<SafetyArea>().AnyAsync(a => a.Id == parent && a.EnterpriseId == enterpriseId, ct)))
        {
            problems.Add(new("parentAreaId", "上级区域不存在或不属于本企业。"));
        }

        if (problems.Count > 0)
        {
            return Outcome<SafetyArea>.Invalid(problems);
        }

        SafetyArea? area;
        if (request.Id is { } id)
        {
            area = await db.Set<SafetyArea>().FirstOrDefaultAsync(a => a.Id == id && a.EnterpriseId == enterpriseId, ct);
            if (area is null)
            {
                return Outcome<SafetyArea>.NotFound($"区域 {id} 不存在。");
            }
        }
        else
        {
            area = new SafetyArea { EnterpriseId = enterpriseId, Name = "", Kind = "" };
            db.Add(area);
        }

        area.Name = request.Name!.Trim();
        area.Kind = request.Kind!.Trim();
        area.ParentAreaId = request.ParentAreaId;
        (area.PlanX, area.PlanY, area.PlanWidth, area.PlanHeight) = (request.PlanX, request.PlanY, request.PlanWidth, request.PlanHeight);
        area.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return request.Id is null ? Outcome<SafetyArea>.Created(area) : Outcome<SafetyArea>.Ok(area);
    }
}
