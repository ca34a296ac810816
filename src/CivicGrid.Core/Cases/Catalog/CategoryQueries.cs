using CivicGrid.Data;
using CivicGrid.Organization;
using CivicGrid.Platform.Calendar;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Cases.Catalog;

public sealed record TimeLimitView(int Value, string Unit)
{
    public static TimeLimitView? From(TimeLimit? limit) => limit is null ? null : new(limit.Value, limit.UnitName);
}

/// <summary>One entry of <c>GET /api/v1/categories</c> (CONTRACT.md): timeLimit only on leaves.</summary>
public sealed record CategoryListItem(string Code, string Name, string? ParentCode, string Kind, TimeLimitView? TimeLimit);

public sealed record CategoryDetail(
    int Id, string Code, string Name, string? ParentCode, string Kind, int Level, bool IsLeaf, TimeLimitView? TimeLimit,
    string? RegisterCriteria, string? CloseCriteria, string? DefaultUnitKind, string? DefaultDepartmentCode, string? DefaultDepartmentName,
    IReadOnlyList<string> Keywords, bool AcceptsPublicReports, bool ReopenOnDissatisfied, bool IsActive, int SortOrder,
    DateTimeOffset UpdatedAt, int Version);

/// <summary>Read side of the catalog, for the API, the console and the case engine.</summary>
public sealed class CategoryQueries(AppDbContext db)
{
    /// <summary>The catalog in code order; disabled nodes (and their subtrees) only when asked.</summary>
    public async Task<IReadOnlyList<CategoryListItem>> ListAsync(bool includeDisabled = false, CancellationToken ct = default) =>
        (await AllAsync(includeDisabled, ct)).Select(d => new CategoryListItem(d.Code, d.Name, d.ParentCode, d.Kind, d.TimeLimit)).ToList();

    public async Task<IReadOnlyList<CategoryDetail>> AllAsync(bool includeDisabled = false, CancellationToken ct = default)
    {
        var query = db.Set<CaseCategory>().AsNoTracking();
        if (!includeDisabled)
        {
            query = query.Where(c => c.IsActive);
        }

        var all = await query.ToListAsync(ct);
        var parents = all.Select(c => c.ParentCode).OfType<string>().ToHashSet();
        var codes = all.Select(c => c.Code).ToHashSet();
        var departments = await DepartmentNamesAsync(all.Select(c => c.DefaultDepartmentCode), ct);
        return all.Where(c => AncestorsPresent(c.Code, codes))
            .OrderBy(c => c.Code, StringComparer.Ordinal)
            .Select(c => Detail(c, !parents.Contains(c.Code), departments))
            .ToList();
    }

    public async Task<CategoryDetail?> GetAsync(string code, CancellationToken ct = default)
    {
        code = CategoryCodes.Normalize(code);
        var c = await db.Set<CaseCategory>().AsNoTracking().FirstOrDefaultAsync(x => x.Code == code, ct);
        if (c is null)
        {
            return null;
        }

        var prefix = c.Code;
        var isLeaf = !await db.Set<CaseCategory>().AnyAsync(x => x.ParentCode == prefix && x.IsActive, ct);
        return Detail(c, isLeaf, await DepartmentNamesAsync([c.DefaultDepartmentCode], ct));
    }

    private async Task<Dictionary<string, string>> DepartmentNamesAsync(IEnumerable<string?> codes, CancellationToken ct)
    {
        var list = codes.OfType<string>().Distinct().ToList();
        return await db.Units.AsNoTracking().Where(u => list.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Name, ct);
    }

    private static bool AncestorsPresent(string code, HashSet<string> codes)
    {
        for (var p = CategoryCodes.ParentOf(code); p is not null; p = CategoryCodes.ParentOf(p))
        {
            if (!codes.Contains(p))
            {
                return false;
            }
        }

        return true;
    }

    private static CategoryDetail Detail(CaseCategory c, bool isLeaf, Dictionary<string, string> departments) => new(
        c.Id, c.Code, c.Name, c.ParentCode, c.KindName, c.Level, isLeaf, isLeaf ? TimeLimitView.From(c.TimeLimit) : null,
        c.RegisterCriteria, c.CloseCriteria, c.DefaultUnitKind is { } k ? UnitKinds.ChineseName(k) : null,
        c.DefaultDepartmentCode, c.DefaultDepartmentCode is { } d && departments.TryGetValue(d, out var n) ? n : null,
        c.KeywordList, c.AcceptsPublicReports, c.ReopenOnDissatisfied, c.IsActive, c.SortOrder, c.UpdatedAt, c.Version);
}
