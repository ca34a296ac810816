using CivicGrid.Accounts;
using CivicGrid.Cases.Responsibility;
using CivicGrid.Data;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Cases.Catalog;

public sealed record CategoryImportResult(int Created, int Updated);

/// <summary>
/// Imports the catalog from Excel (the headers of <see cref="CategorySheet.Headers"/>), upserting by 编码.
/// Every row is checked first; if any row is wrong nothing is written and each problem is reported with its row.
/// </summary>
public sealed class ImportCategories(AppDbContext db, ResponsibilityResolver resolver, TimeProvider clock)
{
    public async Task<Outcome<CategoryImportResult>> HandleAsync(AccessScope scope, Stream xlsx, CancellationToken ct = default)
    {
        if (!scope.IsAdmin)
        {
            return Outcome<CategoryImportResult>.Forbidden("只有系统管理员可以维护问题分类。");
        }

        if (ExcelSheet.ReadForImport(xlsx, CategorySheet.Headers, out var rows) is { } unreadable)
        {
            return Outcome<CategoryImportResult>.Invalid("文件", unreadable);
        }

        var existing = await db.Set<CaseCategory>().ToDictionaryAsync(c => c.Code, ct);
        var unitCodes = (await db.Units.Where(u => u.IsActive).Select(u => u.Code).ToListAsync(ct)).ToHashSet();
        var sheetCodes = rows.Select(r => CategoryCodes.Normalize(r["编码"])).ToHashSet();
        var problems = new List<Problem>();
        var seen = new HashSet<string>();
        var valid = new List<ValidCategory>();
        foreach (var row in rows)
        {
            var where = $"第 {row.Number} 行";
            var rowProblems = new List<Problem>();
            var request = CategorySheet.ToRequest(row, rowProblems);
            rowProblems.AddRange(SaveCategory.Validate(request, out var v));
            var code = CategoryCodes.Normalize(request.Code);
            if (v is not null && CategoryCodes.ParentOf(code) is { } parent && !existing.ContainsKey(parent) && !sheetCodes.Contains(parent))
            {
                rowProblems.Add(new("code", $"上级分类“{parent}”不存在，也不在表格中。"));
            }

            if (v?.DefaultDepartmentCode is { } dept && !unitCodes.Contains(dept))
            {
                rowProblems.Add(new("defaultDepartmentCode", $"默认责任部门“{dept}”不存在或已停用。"));
            }

            if (code.Length > 0 && !seen.Add(code))
            {
                rowProblems.Add(new("code", $"编码“{code}”在表格中重复。"));
            }

            problems.AddRange(rowProblems.Select(p => new Problem(where, p.Message)));
            if (rowProblems.Count == 0 && v is not null)
            {
                valid.Add(v);
            }
        }

        if (problems.Count > 0)
        {
            return Outcome<CategoryImportResult>.Invalid(problems, $"共 {problems.Count} 处错误，未导入任何数据。请修改后重新上传。");
        }

        var now = clock.GetUtcNow();
        int created = 0, updated = 0;
        foreach (var v in valid.OrderBy(v => v.Code.Length))
        {
            if (!existing.TryGetValue(v.Code, out var category))
            {
                category = new CaseCategory { Code = v.Code, Name = v.Name };
                db.Add(category);
                created++;
            }
            else
            {
                updated++;
            }

            v.ApplyTo(category, now);
        }

        await db.SaveChangesAsync(ct);
        resolver.Invalidate();
        return Outcome<CategoryImportResult>.Ok(new CategoryImportResult(created, updated));
    }
}
