using CivicGrid.Accounts;
using CivicGrid.Cases.Responsibility;
using CivicGrid.Data;
using CivicGrid.Organization;
using CivicGrid.Platform;
using CivicGrid.Platform.Calendar;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Cases.Catalog;

public sealed record TimeLimitInput(int? Value, string? Unit);

/// <summary>Create (route code null) or update a category; the code is fixed once created. Administrators only.</summary>
public sealed record SaveCategoryRequest(
    string? Code, string? Name, TimeLimitInput? TimeLimit = null,
    string? RegisterCriteria = null, string? CloseCriteria = null,
    string? DefaultUnitKind = null, string? DefaultDepartmentCode = null,
    IReadOnlyList<string>? Keywords = null,
    bool AcceptsPublicReports = true, bool ReopenOnDissatisfied = true, bool IsActive = true,
    int SortOrder = 0, int? Version = null);

/// <summary>A request that passed the checks that need no database.</summary>
public sealed record ValidCategory(string Code, string Name, TimeLimit? TimeLimit, string? RegisterCriteria, string? CloseCriteria,
    UnitKind? DefaultUnitKind, string? DefaultDepartmentCode, string Keywords, bool AcceptsPublicReports, bool ReopenOnDissatisfied,
    bool IsActive, int SortOrder)
{
    public void ApplyTo(CaseCategory c, DateTimeOffset now)
    {
        c.Code = Code;
        c.Name = Name;
        c.ParentCode = CategoryCodes.ParentOf(Code);
        c.Kind = CategoryCodes.KindOf(Code);
        c.Level = CategoryCodes.LevelOf(Code);
        c.TimeLimitValue = TimeLimit?.Value;
        c.TimeLimitUnit = TimeLimit?.Unit;
        c.RegisterCriteria = RegisterCriteria;
        c.CloseCriteria = CloseCriteria;
        c.DefaultUnitKind = DefaultUnitKind;
        c.DefaultDepartmentCode = DefaultDepartmentCode;
        c.Keywords = Keywords;
        c.AcceptsPublicReports = AcceptsPublicReports;
        c.ReopenOnDissatisfied = ReopenOnDissatisfied;
        c.IsActive = IsActive;
        c.SortOrder = SortOrder;
        c.UpdatedAt = now;
        c.Version++;
    }
}

public sealed class SaveCategory(AppDbContext db, ResponsibilityResolver resolver, TimeProvider clock)
{
    public async Task<Outcome<CaseCategory>> HandleAsync(AccessScope scope, string? routeCode, SaveCategoryRequest request, CancellationToken ct = default)
    {
        if (!scope.IsAdmin)
        {
            return Outcome<CaseCategory>.Forbidden("只有系统管理员可以维护问题分类。");
        }

        if (routeCode is not null)
        {
            var bodyCode = CategoryCodes.Normalize(request.Code);
            if (bodyCode.Length > 0 && bodyCode != CategoryCodes.Normalize(routeCode))
            {
                return Outcome<CaseCategory>.Invalid("code", "分类编码创建后不能修改；如需调整请新建分类并停用旧分类。");
            }

            request = request with { Code = routeCode };
        }

        var problems = Validate(request, out var valid);
        if (problems.Count > 0)
        {
            return Outcome<CaseCategory>.Invalid(problems);
        }

        var category = await db.Set<CaseCategory>().FirstOrDefaultAsync(c => c.Code == valid!.Code, ct);
        if (routeCode is null && category is not null)
        {
            return Outcome<CaseCategory>.Invalid("code", $"分类编码“{valid!.Code}”已存在。");
        }

        if (routeCode is not null && category is null)
        {
            return Outcome<CaseCategory>.NotFound($"分类“{routeCode}”不存在。");
        }

        if (category is not null && request.Version is { } version && version != category.Version)
        {
            return Outcome<CaseCategory>.Conflict("该分类已被他人修改，请刷新后重试。");
        }

        var parent = CategoryCodes.ParentOf(valid!.Code);
        if (parent is not null && !await db.Set<CaseCategory>().AnyAsync(c => c.Code == parent, ct))
        {
            return Outcome<CaseCategory>.Invalid("code", $"上级分类“{parent}”不存在，请先创建上级分类。");
        }

        if (valid.DefaultDepartmentCode is { } dept && !await db.Units.AnyAsync(u => u.Code == dept && u.IsActive, ct))
        {
            return Outcome<CaseCategory>.Invalid("defaultDepartmentCode", $"默认责任部门“{dept}”不存在或已停用。");
        }

        if (category is null)
        {
            category = new CaseCategory { Code = valid.Code, Name = valid.Name };
            db.Add(category);
        }

        valid.ApplyTo(category, clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<CaseCategory>.Conflict("该分类已被他人修改，请刷新后重试。");
        }

        resolver.Invalidate();
        return routeCode is null ? Outcome<CaseCategory>.Created(category) : Outcome<CaseCategory>.Ok(category);
    }

    /// <summary>The checks that need no database, shared with the Excel import.</summary>
    public static List<Problem> Validate(SaveCategoryRequest r, out ValidCategory? valid)
    {
        valid = null;
        var problems = new List<Problem>();
        var code = CategoryCodes.Normalize(r.Code);
        if (CategoryCodes.Check(code) is { } codeProblem)
        {
            problems.Add(new("code", codeProblem));
        }

        var name = r.Name?.Trim() ?? "";
        if (name.Length is 0 or > 50)
        {
            problems.Add(new("name", "分类名称必填，且不超过 50 个字符。"));
        }

        var isClass = CategoryCodes.IsValid(code) && CategoryCodes.LevelOf(code) == 1;
        TimeLimit? limit = null;
        var hasLimit = r.TimeLimit is { Value: not null } || !string.IsNullOrWhiteSpace(r.TimeLimit?.Unit);
        if (hasLimit || !isClass)
        {
            if (!hasLimit)
            {
                problems.Add(new("timeLimit", "小类必须填写处置时限（数值和单位：工作时或工作日）。"));
            }
            else if (TimeLimitUnits.Check(r.TimeLimit!.Value, r.TimeLimit.Unit) is { } limitProblem)
            {
                problems.Add(new("timeLimit", limitProblem));
            }
            else
            {
                limit = new TimeLimit(r.TimeLimit.Value!.Value, TimeLimitUnits.Parse(r.TimeLimit.Unit)!.Value);
            }
        }

        UnitKind? unitKind = null;
        if (!string.IsNullOrWhiteSpace(r.DefaultUnitKind) && (unitKind = UnitKinds.Parse(r.DefaultUnitKind)) is null)
        {
            problems.Add(new("defaultUnitKind", "默认责任单位类型无效，可选：" + string.Join("、", UnitKinds.All.Select(k => k.Name)) + "。"));
        }

        var dept = string.IsNullOrWhiteSpace(r.DefaultDepartmentCode) ? null : r.DefaultDepartmentCode.Trim();
        if (dept?.Length > 32)
        {
            problems.Add(new("defaultDepartmentCode", "默认责任部门编码不超过 32 个字符。"));
        }

        if (!isClass && dept is null && unitKind is null && string.IsNullOrWhiteSpace(r.DefaultUnitKind))
        {
            problems.Add(new("defaultUnitKind", "小类须指定默认责任部门编码或默认责任单位类型，以便无规则时也能派遣。"));
        }

        foreach (var (text, where, label) in new[] { (r.RegisterCriteria, "registerCriteria", "立案条件"), (r.CloseCriteria, "closeCriteria", "结案条件") })
        {
            if (text?.Trim().Length > 500)
            {
                problems.Add(new(where, label + "不超过 500 个字符。"));
            }
        }

        var keywords = CategoryCodes.JoinKeywords(r.Keywords);
        if (keywords.Length > 1000 || CategoryCodes.SplitKeywords(keywords).Any(k => k.Length > 20))
        {
            problems.Add(new("keywords", "关键词每个不超过 20 个字符，合计不超过 1000 个字符。"));
        }

        if (problems.Count == 0)
        {
            valid = new ValidCategory(code, name, limit, Clean(r.RegisterCriteria), Clean(r.CloseCriteria), unitKind, dept, keywords,
                r.AcceptsPublicReports, r.ReopenOnDissatisfied, r.IsActive, r.SortOrder);
        }

        return problems;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
