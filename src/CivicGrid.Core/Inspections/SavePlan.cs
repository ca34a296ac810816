using CivicGrid.Accounts;
using CivicGrid.Data;
using CivicGrid.Platform;
using CivicGrid.Standards;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Inspections;

public sealed record SavePlanRequest(
    string? Name, string? Cadence, DateOnly? StartDate, DateOnly? EndDate = null, IReadOnlyList<string>? RegionCodes = null,
    IReadOnlyList<string>? CategoryCodes = null, IReadOnlyList<string>? PointCodes = null, int? SamplePerCategory = null,
    IReadOnlyList<string>? Assignees = null);

public sealed record PlanView(
    int Id, string Name, string Cadence, string CadenceName, DateOnly StartDate, DateOnly? EndDate, IReadOnlyList<string> RegionCodes,
    IReadOnlyList<string> CategoryCodes, IReadOnlyList<string> PointCodes, int? SamplePerCategory, IReadOnlyList<string> Assignees, bool IsActive)
{
    public static PlanView Of(InspectionPlan p) => new(
        p.Id, p.Name, PlanCadences.ApiName(p.Cadence), PlanCadences.ChineseName(p.Cadence), p.StartDate, p.EndDate, InspectionPlan.Split(p.RegionCodes),
        InspectionPlan.Split(p.CategoryCodes), InspectionPlan.Split(p.PointCodes), p.SamplePerCategory, InspectionPlan.Split(p.Assignees), p.IsActive);
}

public static class PlanCadences
{
    public static PlanCadence? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "daily" or "每日" or "日调度" => PlanCadence.Daily,
        "weekly" or "每周" or "周督查" => PlanCadence.Weekly,
        "monthly" or "每月" => PlanCadence.Monthly,
        "campaign" or "once" or "专项" => PlanCadence.Campaign,
        _ => null,
    };

    public static string ApiName(PlanCadence c) => c.ToString().ToLowerInvariant();

    public static string ChineseName(PlanCadence c) => c switch
    {
        PlanCadence.Daily => "每日（日调度）",
        PlanCadence.Weekly => "每周（周督查）",
        PlanCadence.Monthly => "每月",
        _ => "专项行动（一次）",
    };
}

/// <summary>Creates an inspection plan (督查员, 系统管理员); assignees must be accounts, at most two (a two-person team).</summary>
public sealed class SavePlan(AppDbContext db, TimeProvider clock)
{
    public async Task<Outcome<PlanView>> HandleAsync(AccessScope scope, SavePlanRequest r, CancellationToken ct = default)
    {
        if (!InspectionAccess.CanPlan(scope))
        {
            return Outcome<PlanView>.Forbidden("只有督查员和系统管理员可以制定督查计划。");
        }

        var problems = new List<Problem>();
        var cadence = PlanCadences.Parse(r.Cadence);
        if (string.IsNullOrWhiteSpace(r.Name) || r.Name.Trim().Length > 100)
        {
            problems.Add(new("name", "请填写计划名称（不超过 100 字）。"));
        }

        if (cadence is null)
        {
            problems.Add(new("cadence", "频次无效，可选：daily（每日）、weekly（每周）、monthly（每月）、campaign（专项行动）。"));
        }

        if (r.StartDate is null)
        {
            problems.Add(new("startDate", "请填写开始日期。"));
        }
        else if (r.EndDate is { } end && end < r.StartDate)
        {
            problems.Add(new("endDate", "结束日期不能早于开始日期。"));
        }

        if (cadence == PlanCadence.Campaign && r.EndDate is null)
        {
            problems.Add(new("endDate", "专项行动须填写结束日期。"));
        }

        if (r.SamplePerCategory is < 1 or > 100)
        {
            problems.Add(new("samplePerCategory", "每类抽取点位数须在 1 到 100 之间。"));
        }

        var assignees = (r.Assignees ?? []).Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).Distinct().ToList();
        if (assignees.Count is < 1 or > 2)
        {
            problems.Add(new("assignees", "请指定 1 名督查员，或 2 人组成的督查小组。"));
        }
        else
        {
            var known = await db.Users.Where(u => assignees.Contains(u.UserName!)).Select(u => u.UserName!).ToListAsync(ct);
            if (assignees.Except(known, StringComparer.OrdinalIgnoreCase).ToList() is { Count: > 0 } missing)
            {
                problems.Add(new("assignees", $"账号不存在：{string.Join("、", missing)}。"));
            }
        }

        var categories = Clean(r.CategoryCodes);
        if (categories.Count > 0)
        {
            var known = await db.Set<PointCategory>().Where(c => categories.Contains(c.Code)).Select(c => c.Code).ToListAsync(ct);
            if (categories.Except(known).ToList() is { Count: > 0 } missing)
            {
                problems.Add(new("categoryCodes", $"点位类别不存在：{string.Join("、", missing)}。"));
            }
        }

        var regions = Clean(r.RegionCodes);
        if (regions.Any(code => !scope.CanReadSubtree(code)))
        {
            problems.Add(new("regionCodes", "范围超出您的管辖区域。"));
        }

        if (problems.Count > 0)
        {
            return Outcome<PlanView>.Invalid(problems);
        }

        var plan = new InspectionPlan
        {
            Name = r.Name!.Trim(),
            Cadence = cadence!.Value,
            StartDate = r.StartDate!.Value,
            EndDate = r.EndDate,
            RegionCodes = string.Join(',', regions),
            CategoryCodes = string.Join(',', categories),
            PointCodes = string.Join(',', Clean(r.PointCodes)),
            SamplePerCategory = r.SamplePerCategory,
            Assignees = string.Join(',', assignees),
            CreatedBy = scope.UserName,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Add(plan);
        await db.SaveChangesAsync(ct);
        return Outcome<PlanView>.Created(PlanView.Of(plan));
    }

    private static List<string> Clean(IReadOnlyList<string>? codes) =>
        (codes ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct().ToList();
}
