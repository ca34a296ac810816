using CivicGrid.Accounts;
using CivicGrid.Cases.Responsibility;
using CivicGrid.Data;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Cases.Catalog;

/// <summary>
/// Disables a category with its whole subtree (existing cases keep their code; new reports cannot use it),
/// or enables one again (its parent must be enabled). Administrators only.
/// </summary>
public sealed class SetCategoryActive(AppDbContext db, ResponsibilityResolver resolver, TimeProvider clock)
{
    public async Task<Outcome<int>> HandleAsync(AccessScope scope, string code, bool active, CancellationToken ct = default)
    {
        if (!scope.IsAdmin)
        {
            return Outcome<int>.Forbidden("只有系统管理员可以维护问题分类。");
        }

        code = CategoryCodes.Normalize(code);
        var category = await db.Set<CaseCategory>().FirstOrDefaultAsync(c => c.Code == code, ct);
        if (category is null)
        {
            return Outcome<int>.NotFound($"分类“{code}”不存在。");
        }

        var now = clock.GetUtcNow();
        int changed;
        if (active)
        {
            if (category.ParentCode is { } parent && !await db.Set<CaseCategory>().AnyAsync(c => c.Code == parent && c.IsActive, ct))
            {
                return Outcome<int>.Invalid("code", $"上级分类“{parent}”已停用，请先启用上级分类。");
            }

            category.IsActive = true;
            category.UpdatedAt = now;
            category.Version++;
            await db.SaveChangesAsync(ct);
            changed = 1;
        }
        else
        {
            changed = await db.Set<CaseCategory>().Where(c => c.Code.StartsWith(code) && c.IsActive)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.IsActive, false).SetProperty(c => c.UpdatedAt, now).SetProperty(c => c.Version, c => c.Version + 1), ct);
        }

        resolver.Invalidate();
        return Outcome<int>.Ok(changed);
    }
}
