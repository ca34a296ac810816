using CivicGrid.Accounts;
using CivicGrid.Data;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Safety;

public sealed record HazardView(int Id, string Name, int? AreaId, string? AreaName, int? TaskStepId, string? TaskName, string? StepName,
    string? AccidentType, string Method, double Likelihood, double? Exposure, double? Consequence, int? Severity, double Score,
    string Level, string Colour, string? EngineeringControls, string? ManagementControls, string? TrainingControls, string? PpeControls,
    string? EmergencyControls, string? Owner, DateOnly? ReviewDate, bool ReviewDue);

public sealed record RiskMapArea(int Id, string Name, string Kind, int PlanX, int PlanY, int PlanWidth, int PlanHeight, int Hazards, string? Level, string? Colour);

/// <summary>The risk register of an enterprise: its list, the Excel export and the four-colour map of its areas.</summary>
public sealed class HazardQueries(AppDbContext db, TimeProvider clock)
{
    public static IReadOnlyList<string> SheetHeaders { get; } =
        ["区域", "作业任务", "作业步骤", "危险源", "事故类型", "评价方法", "L", "E", "C", "S", "工程技术措施", "管理措施", "培训教育措施", "个体防护措施", "应急处置措施", "责任人", "复评日期"];

    public async Task<Outcome<PagedList<HazardView>>> ListAsync(AccessScope scope, int enterpriseId, string? level, int? areaId, int? page, int? pageSize, CancellationToken ct = default)
    {
        var found = await SafetyAccess.EnterpriseAsync(db, scope, enterpriseId, ct);
        if (!found.Succeeded)
        {
            return found.Fail<Organization.Unit, PagedList<HazardView>>();
        }

        RiskLevel? parsed = null;
        if (!string.IsNullOrWhiteSpace(level) && (parsed = RiskLevels.Parse(level)) is null)
        {
            return Outcome<PagedList<HazardView>>.Invalid("level", "风险等级无效，可选：重大、较大、一般、低。");
        }

        var query = db.Set<Hazard>().AsNoTracking().Where(h => h.EnterpriseId == enterpriseId);
        if (parsed is { } l)
        {
            query = query.Where(h => h.Level == l);
        }

        if (areaId is { } a)
        {
            query = query.Where(h => h.AreaId == a || db.Set<SafetyTaskStep>().Any(s => s.Id == h.TaskStepId && db.Set<SafetyTask>().Any(t => t.Id == s.TaskId && t.AreaId == a)));
        }

        var (p, size) = Paging.Normalize(page, pageSize);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(h => h.Level).ThenByDescending(h => h.Score).ThenBy(h => h.Id).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return Outcome<PagedList<HazardView>>.Ok(new PagedList<HazardView>(await ViewsAsync(enterpriseId, rows, ct), total, p, size));
    }

    public async Task<Outcome<byte[]>> ExportAsync(AccessScope scope, int enterpriseId, CancellationToken ct = default)
    {
        var found = await SafetyAccess.EnterpriseAsync(db, scope, enterpriseId, ct);
        if (!found.Succeeded)
        {
            return found.Fail<Organization.Unit, byte[]>();
        }

        var rows = await db.Set<Hazard>().AsNoTracking().Where(h => h.EnterpriseId == enterpriseId).OrderByDescending(h => h.Level).ThenByDescending(h => h.Score).ThenBy(h => h.Id).ToListAsync(ct);
        var views = await ViewsAsync(enterpriseId, rows, ct);
        return Outcome<byte[]>.Ok(ExcelSheet.Write(views.Select(v => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["区域"] = v.AreaName,
            ["作业任务"] = v.TaskName,
            ["作业步骤"] = v.StepName,
            ["危险源"] = v.Name,
            ["事故类型"] = v.AccidentType,
            ["评价方法"] = v.Method,
            ["L"] = v.Likelihood,
            ["E"] = v.Exposure,
            ["C"] = v.Consequence,
            ["S"] = v.Severity,
            ["风险值"] = v.Score,
            ["风险等级"] = v.Level,
            ["工程技术措施"] = v.EngineeringControls,
            ["管理措施"] = v.ManagementControls,
            ["培训教育措施"] = v.TrainingControls,
            ["个体防护措施"] = v.PpeControls,
            ["应急处置措施"] = v.EmergencyControls,
            ["责任人"] = v.Owner,
            ["复评日期"] = v.ReviewDate?.ToString("yyyy-MM-dd"),
        })));
    }

    /// <summary>Every area with the highest level among its hazards (its own and those of the task steps done there).</summary>
    public async Task<Outcome<IReadOnlyList<RiskMapArea>>> MapAsync(AccessScope scope, int enterpriseId, CancellationToken ct = default)
    {
        var found = await SafetyAccess.EnterpriseAsync(db, scope, enterpriseId, ct);
        if (!found.Succeeded)
        {
            return found.Fail<Organization.Unit, IReadOnlyList<RiskMapArea>>();
        }

        var areas = await db.Set<SafetyArea>().AsNoTracking().Where(a => a.EnterpriseId == enterpriseId).OrderBy(a => a.Id).ToListAsync(ct);
        var stepAreas = await StepAreasAsync(enterpriseId, ct);
        var hazards = await db.Set<Hazard>().AsNoTracking().Where(h => h.EnterpriseId == enterpriseId).Select(h => new { h.AreaId, h.TaskStepId, h.Level }).ToListAsync(ct);
        var byArea = hazards.Select(h => (Area: h.AreaId ?? (h.TaskStepId is { } s ? stepAreas.GetValueOrDefault(s).AreaId : null), h.Level))
            .Where(h => h.Area is not null).ToLookup(h => h.Area!.Value, h => h.Level);
        return Outcome<IReadOnlyList<RiskMapArea>>.Ok(areas.Select(a =>
        {
            var levels = byArea[a.Id].ToList();
            RiskLevel? top = levels.Count == 0 ? null : levels.Max();
            return new RiskMapArea(a.Id, a.Name, a.Kind, a.PlanX, a.PlanY, a.PlanWidth, a.PlanHeight, levels.Count,
                top is { } t ? RiskLevels.ChineseName(t) : null, top is { } c ? RiskLevels.Colour(c) : null);
        }).ToList());
    }

    private async Task<Dictionary<int, (int? AreaId, string Task, string Step)>> StepAreasAsync(int enterpriseId, CancellationToken ct) =>
        await db.Set<SafetyTaskStep>().Join(db.Set<SafetyTask>().Where(t => t.EnterpriseId == enterpriseId), s => s.TaskId, t => t.Id,
                (s, t) => new { s.Id, t.AreaId, Task = t.Name, Step = s.Name })
            .ToDictionaryAsync(x => x.Id, x => (x.AreaId, x.Task, x.Step), ct);

    private async Task<List<HazardView>> ViewsAsync(int enterpriseId, List<Hazard> rows, CancellationToken ct)
    {
        var areas = await db.Set<SafetyArea>().Where(a => a.EnterpriseId == enterpriseId).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var steps = await StepAreasAsync(enterpriseId, ct);
        var today = SafetyClock.Today(clock);
        return rows.Select(h =>
        {
            (int? AreaId, string? Task, string? Step) step = h.TaskStepId is { } s && steps.TryGetValue(s, out var st) ? st : default;
            var areaId = h.AreaId ?? step.AreaId;
            return new HazardView(h.Id, h.Name, areaId, areaId is { } a ? areas.GetValueOrDefault(a) : null, h.TaskStepId, step.Task, step.Step,
                h.AccidentType, RiskLevels.MethodName(h.Method), h.Likelihood, h.Exposure, h.Consequence, h.Severity, h.Score,
                RiskLevels.ChineseName(h.Level), RiskLevels.Colour(h.Level), h.EngineeringControls, h.ManagementControls, h.TrainingControls,
                h.PpeControls, h.EmergencyControls, h.Owner, h.ReviewDate, h.ReviewDate is { } r && r <= today);
        }).ToList();
    }
}
