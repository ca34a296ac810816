using CivicGrid.Accounts;
using CivicGrid.Cases.Catalog;
using CivicGrid.Data;
using CivicGrid.Grid;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Cases.Responsibility;

public sealed record CreateResponsibilityRuleRequest(string? CategoryCode, string? RegionCode, int? UnitId, IReadOnlyList<int>? CoUnitIds = null, string? Note = null);

/// <summary>Adds a rule; a 镇街/村居管理员 only inside his own region, a 系统管理员 anywhere.</summary>
public sealed class CreateResponsibilityRule(AppDbContext db, ResponsibilityResolver resolver, TimeProvider clock)
{
    public const int MaxCoUnits = 10;

    public async Task<Outcome<ResponsibilityRule>> HandleAsync(AccessScope scope, CreateResponsibilityRuleRequest request, CancellationToken ct = default)
    {
        var draft = await PrepareAsync(db, scope, request, null, ct);
        if (!draft.Succeeded)
        {
            return draft;
        }

        var rule = draft.Value!;
        rule.CreatedBy = scope.UserName;
        rule.CreatedAt = clock.GetUtcNow();
        db.Add(rule);
        // The log row needs the rule's database-generated id: two saves, one transaction, so neither stands without the other.
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await db.SaveChangesAsync(ct);
            await RuleChangeRecorder.AddAsync(db, scope, clock, RuleChangeAction.Created, rule, null, RuleState.Of(rule), ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }

        resolver.Invalidate();
        return Outcome<ResponsibilityRule>.Created(rule);
    }

    /// <summary>
    /// Checks a rule as it would be saved (shared with <see cref="UpdateResponsibilityRule"/>): the region exists and lies in the
    /// caller's managed region, the category is active, the units are active and visible to him, and no other rule
    /// (other than <paramref name="exceptRuleId"/>) has the same category and region. The value is an unsaved rule.
    /// </summary>
    internal static async Task<Outcome<ResponsibilityRule>> PrepareAsync(AppDbContext db, AccessScope scope, CreateResponsibilityRuleRequest request,
        int? exceptRuleId, CancellationToken ct)
    {
        var problems = Validate(request);
        if (problems.Count > 0)
        {
            return Outcome<ResponsibilityRule>.Invalid(problems);
        }

        var categoryCode = CategoryCodes.Normalize(request.CategoryCode);
        var regionCode = request.RegionCode!.Trim();
        var region = await db.Regions.AsNoTracking().Where(r => r.Code == regionCode).Select(r => new { r.DistrictCode }).FirstOrDefaultAsync(ct);
        if (region is null)
        {
            return Outcome<ResponsibilityRule>.Invalid("regionCode", $"区域“{regionCode}”不存在。");
        }

        if (!scope.CanManageRegion(regionCode))
        {
            return Outcome<ResponsibilityRule>.Forbidden("您只能在本辖区内设置责任规则。");
        }

        if (!await db.Set<CaseCategory>().AnyAsync(c => c.Code == categoryCode && c.IsActive, ct))
        {
            return Outcome<ResponsibilityRule>.Invalid("categoryCode", $"分类“{categoryCode}”不存在或已停用。");
        }

        var coUnitIds = (request.CoUnitIds ?? []).Distinct().ToList();
        var unitIds = coUnitIds.Append(request.UnitId!.Value).ToList();
        // A unit the caller cannot see (e.g. another 镇街's office) counts as missing.
        var found = (await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id) && u.IsActive).Select(u => new { u.Id, u.RegionCode }).ToListAsync(ct))
            .Where(u => scope.CanReadUnit(u.Id, u.RegionCode)).Select(u => u.Id).ToList();
        if (!found.Contains(request.UnitId.Value))
        {
            return Outcome<ResponsibilityRule>.Invalid("unitId", $"责任单位 {request.UnitId} 不存在、已停用或不在您的可选范围内。");
        }

        if (coUnitIds.Except(found).ToList() is { Count: > 0 } missing)
        {
            return Outcome<ResponsibilityRule>.Invalid("coUnitIds", $"协办单位 {string.Join("、", missing)} 不存在、已停用或不在您的可选范围内。");
        }

        var except = exceptRuleId ?? 0;
        if (await db.Set<ResponsibilityRule>().Where(r => r.CategoryCode == categoryCode && r.RegionCode == regionCode && r.Id != except)
                .Select(r => (int?)r.Id).FirstOrDefaultAsync(ct) is { } existing)
        {
            return Outcome<ResponsibilityRule>.Conflict(exceptRuleId is null
                ? $"该分类在该区域已有责任规则（编号 {existing}），请先删除后再添加。"
                : $"该分类在该区域已有另一条责任规则（编号 {existing}），请修改那一条或先将其删除。");
        }

        return Outcome<ResponsibilityRule>.Ok(new ResponsibilityRule
        {
            CategoryCode = categoryCode,
            RegionCode = regionCode,
            DistrictCode = region.DistrictCode,
            UnitId = request.UnitId.Value,
            CoUnitIds = coUnitIds,
            Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(),
            CreatedBy = "",
        });
    }

    public static List<Problem> Validate(CreateResponsibilityRuleRequest r)
    {
        var problems = new List<Problem>();
        if (CategoryCodes.Check(CategoryCodes.Normalize(r.CategoryCode)) is { } codeProblem)
        {
            problems.Add(new("categoryCode", codeProblem));
        }

        if (string.IsNullOrWhiteSpace(r.RegionCode) || RegionLevels.FromCode(r.RegionCode.Trim()) is null)
        {
            problems.Add(new("regionCode", "区域编码必填，须为 6、9、12 或 15 位区域编码。"));
        }

        if (r.UnitId is null or <= 0)
        {
            problems.Add(new("unitId", "请选择责任单位（unitId）。"));
        }

        if (r.CoUnitIds is { } co && (co.Count > MaxCoUnits || (r.UnitId is { } lead && co.Contains(lead))))
        {
            problems.Add(new("coUnitIds", $"协办单位最多 {MaxCoUnits} 个，且不能包含牵头单位本身。"));
        }

        if (r.Note?.Trim().Length > 200)
        {
            problems.Add(new("note", "备注不超过 200 个字符。"));
        }

        return problems;
    }
}
