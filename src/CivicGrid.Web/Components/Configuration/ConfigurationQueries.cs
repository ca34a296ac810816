using CivicGrid.Accounts;
using CivicGrid.Cases.Catalog;
using CivicGrid.Cases.Responsibility;
using CivicGrid.Data;
using CivicGrid.Grid;
using CivicGrid.Organization;
using CivicGrid.Platform;
using CivicGrid.Web.Components.Cases;
using CivicGrid.Web.Components.Console;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Components.Configuration;

/// <summary>A node of the category tree: the category as the API describes it, with its sub-categories.</summary>
public sealed record CategoryNode(CategoryDetail Category, List<CategoryNode> Children)
{
    public string DefaultUnitText => Category.DefaultDepartmentName is { } dept
        ? dept
        : Category.DefaultUnitKind is { } kind ? kind + "（按区域就近）" : "—";
}

/// <summary>
/// Read side of the 配置 pages over the Core queries (<see cref="CategoryQueries"/>, <see cref="ResponsibilityRuleQueries"/>),
/// each call in its own DI scope so a circuit never holds a DbContext between clicks; plus the pick lists of the dialogs.
/// </summary>
public sealed class ConfigurationQueries(IServiceScopeFactory scopes, IDbContextFactory<AppDbContext> dbFactory)
{
    /// <summary>The catalog as a tree (部件 before 事件, codes in order); disabled nodes only when asked.</summary>
    public async Task<List<CategoryNode>> CategoryTreeAsync(bool includeDisabled, CancellationToken ct = default)
    {
        var all = await WithAsync<CategoryQueries, IReadOnlyList<CategoryDetail>>(q => q.AllAsync(includeDisabled, ct));
        var nodes = all.ToDictionary(c => c.Code, c => new CategoryNode(c, []));
        var roots = new List<CategoryNode>();
        foreach (var c in all)
        {
            if (c.ParentCode is { } parent && nodes.TryGetValue(parent, out var p))
            {
                p.Children.Add(nodes[c.Code]);
            }
            else
            {
                roots.Add(nodes[c.Code]);
            }
        }

        return roots;
    }

    public Task<CategoryDetail?> CategoryAsync(string code, CancellationToken ct = default) =>
        WithAsync<CategoryQueries, CategoryDetail?>(q => q.GetAsync(code, ct));

    /// <summary>Active categories, classes and leaves, labelled with their place in the tree (rules may name a whole class).</summary>
    public async Task<IReadOnlyList<PickItem>> CategoryPicksAsync(bool leavesOnly, CancellationToken ct = default)
    {
        var all = await WithAsync<CategoryQueries, IReadOnlyList<CategoryDetail>>(q => q.AllAsync(false, ct));
        var names = all.ToDictionary(c => c.Code, c => c.Name);
        return all.Where(c => !leavesOnly || c.IsLeaf)
            .Select(c => new PickItem(c.Code, $"{c.Kind} › {(c.ParentCode is { } p && names.TryGetValue(p, out var pn) ? pn + " › " : "")}{c.Name}（{c.Code}）"))
            .ToList();
    }

    /// <summary>Departments by code, for a category's default responsible department.</summary>
    public async Task<IReadOnlyList<PickItem>> DepartmentPicksAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Units.AsNoTracking().Where(u => u.IsActive && u.Kind == UnitKind.Department).OrderBy(u => u.Code)
            .Select(u => new PickItem(u.Code, u.Name + "（" + u.Code + "）")).ToListAsync(ct);
    }

    /// <summary>The readable districts, 镇街 and 村居 (grid cells are too many for a pick list), labelled by their path.</summary>
    public async Task<IReadOnlyList<PickItem>> RegionPicksAsync(AccessScope scope, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var regions = await db.Regions.AsNoTracking().WhereRegionReadable(scope, r => r.Code)
            .Where(r => r.Level == RegionLevel.District || r.Level == RegionLevel.Town || r.Level == RegionLevel.Community)
            .OrderBy(r => r.Code).Select(r => new { r.Code, r.Name, r.ParentCode }).ToListAsync(ct);
        var byCode = regions.ToDictionary(r => r.Code);
        string PathOf(string code) => byCode.TryGetValue(code, out var r)
            ? (r.ParentCode is { } p && byCode.ContainsKey(p) ? PathOf(p) + " › " : "") + r.Name
            : code;
        return regions.Select(r => new PickItem(r.Code, $"{PathOf(r.Code)}（{r.Code}）")).ToList();
    }

    public Task<PagedList<RuleView>> RulesAsync(AccessScope scope, RuleFilter filter, CancellationToken ct = default) =>
        WithAsync<ResponsibilityRuleQueries, PagedList<RuleView>>(q => q.ListAsync(scope, filter, ct));

    /// <summary>The rule as stored (for the edit dialog), when the caller can read it.</summary>
    public async Task<ResponsibilityRule?> RuleAsync(AccessScope scope, int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rule = await db.Set<ResponsibilityRule>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        return rule is not null && scope.CanReadRegion(rule.RegionCode) ? rule : null;
    }

    /// <summary>Runs a Core service (query or use case) in its own DI scope.</summary>
    public async Task<T> WithAsync<TService, T>(Func<TService, Task<T>> use)
        where TService : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
