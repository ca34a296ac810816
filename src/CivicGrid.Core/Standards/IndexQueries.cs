using CivicGrid.Cases.Catalog;
using CivicGrid.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Standards;

public sealed record CodeName(string Code, string Name);

public sealed record StandardView(
    string Code, string Text, decimal Points, string Observation, string ObservationName, string HowObserved, string? CountBasis,
    string? CountSubject, int? Threshold, int? MaxScore, int? PassScore, IReadOnlyList<CodeName> PointCategories, string? CaseCategoryCode,
    string? CaseCategoryName, bool IsActive, int SortOrder);

public sealed record IndexContentView(int Id, string Name, IReadOnlyList<StandardView> Standards);

public sealed record IndexProjectView(int Id, string Name, IReadOnlyList<IndexContentView> Contents)
{
    public int StandardCount => Contents.Sum(c => c.Standards.Count);

    public decimal Points => Contents.Sum(c => c.Standards.Sum(s => s.Points));
}

/// <summary>A standard under its 测评项目 and 测评内容, as the sheet and the sign list it.</summary>
public sealed record StandardRow(string Project, string Content, StandardView Standard);

/// <summary>Reads the assessment index: the tree, the flat list for Excel, the standards of a point category.</summary>
public sealed class IndexQueries(AppDbContext db)
{
    /// <summary>The tree 测评项目 → 测评内容 → 测评标准, optionally only the standards of one point category.</summary>
    public async Task<List<IndexProjectView>> TreeAsync(string? pointCategoryCode = null, bool includeInactive = false, CancellationToken ct = default)
    {
        var rows = await RowsAsync(pointCategoryCode, includeInactive, ct);
        var sections = await db.Set<IndexSection>().AsNoTracking().ToListAsync(ct);
        var filtered = !string.IsNullOrWhiteSpace(pointCategoryCode);
        var byContent = rows.GroupBy(r => r.ContentId).ToDictionary(g => g.Key, g => g.Select(r => r.View).ToList());
        return sections.Where(s => s.ParentId is null).OrderBy(s => s.SortOrder).ThenBy(s => s.Id)
            .Select(p => new IndexProjectView(p.Id, p.Name, sections.Where(c => c.ParentId == p.Id).OrderBy(c => c.SortOrder).ThenBy(c => c.Id)
                .Select(c => new IndexContentView(c.Id, c.Name, byContent.GetValueOrDefault(c.Id) ?? []))
                .Where(c => !filtered || c.Standards.Count > 0).ToList()))
            .Where(p => !filtered || p.Contents.Count > 0).ToList();
    }

    /// <summary>Every standard with its 项目 and 内容 in tree order (the Excel export).</summary>
    public async Task<List<StandardRow>> FlatAsync(bool includeInactive = true, CancellationToken ct = default)
    {
        var tree = await TreeAsync(null, includeInactive, ct);
        return tree.SelectMany(p => p.Contents.SelectMany(c => c.Standards.Select(s => new StandardRow(p.Name, c.Name, s)))).ToList();
    }

    /// <summary>The active standards that apply to a point category, in tree order (the sign and, later, checklists).</summary>
    public async Task<List<StandardRow>> ForCategoryAsync(string pointCategoryCode, CancellationToken ct = default)
    {
        var tree = await TreeAsync(pointCategoryCode, false, ct);
        return tree.SelectMany(p => p.Contents.SelectMany(c => c.Standards.Select(s => new StandardRow(p.Name, c.Name, s)))).ToList();
    }

    private async Task<List<(int ContentId, StandardView View)>> RowsAsync(string? pointCategoryCode, bool includeInactive, CancellationToken ct)
    {
        var query = db.Set<Standard>().AsNoTracking().Include(s => s.PointCategories).ThenInclude(p => p.PointCategory).AsQueryable();
        if (!includeInactive)
        {
            query = query.Where(s => s.IsActive);
        }

        if (!string.IsNullOrWhiteSpace(pointCategoryCode))
        {
            var code = pointCategoryCode.Trim();
            query = query.Where(s => s.PointCategories.Any(p => p.PointCategory!.Code == code || p.PointCategory.Name == code));
        }

        var standards = await query.OrderBy(s => s.SortOrder).ThenBy(s => s.Code).ToListAsync(ct);
        var caseCodes = standards.Select(s => s.CaseCategoryCode).OfType<string>().Distinct().ToList();
        var caseNames = await db.Set<CaseCategory>().AsNoTracking().Where(c => caseCodes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, c => c.Name, ct);
        return standards.Select(s => (s.SectionId, ToView(s, caseNames))).ToList();
    }

    private static StandardView ToView(Standard s, IReadOnlyDictionary<string, string> caseNames) => new(
        s.Code, s.Text, s.Points, ApiName(s.Observation), ObservationKinds.ChineseName(s.Observation), s.Rule.Describe(s.CountBasis, s.CountSubject),
        s.CountBasis, s.CountSubject, s.Threshold, s.MaxScore, s.Observation == ObservationKind.Score ? s.Rule.EffectivePassScore : s.PassScore,
        s.PointCategories.Where(p => p.PointCategory is not null).OrderBy(p => p.PointCategory!.SortOrder)
            .Select(p => new CodeName(p.PointCategory!.Code, p.PointCategory.Name)).ToList(),
        s.CaseCategoryCode, s.CaseCategoryCode is null ? null : caseNames.GetValueOrDefault(s.CaseCategoryCode), s.IsActive, s.SortOrder);

    public static string ApiName(ObservationKind kind) => kind switch
    {
        ObservationKind.Count => "count",
        ObservationKind.Score => "score",
        _ => "passFail",
    };
}
