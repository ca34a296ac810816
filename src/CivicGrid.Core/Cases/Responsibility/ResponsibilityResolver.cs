using CivicGrid.Cases.Catalog;
using CivicGrid.Data;
using CivicGrid.Grid;
using CivicGrid.Organization;
using CivicGrid.Platform.Calendar;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Cases.Responsibility;

/// <summary>
/// Finds the responsible unit of a case from its category and region. Works on an in-memory snapshot of the rules,
/// the categories and the active units; changes through this instance invalidate it, other changes (units edited in
/// the organization module, other instances) are picked up within <see cref="RefreshAfter"/>.
/// </summary>
public sealed class ResponsibilityResolver(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromMinutes(2);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private Snapshot? _snapshot;

    /// <summary>
    /// The most specific rule for the category (or one of its ancestor classes) whose region subtree contains the region;
    /// without one, the category's default department, else its default unit kind nearest above the region.
    /// Null for an unknown or disabled category, or when nothing applies.
    /// </summary>
    public async Task<ResponsibilityMatch?> ResolveAsync(string categoryCode, string regionCode, CancellationToken ct = default)
    {
        var s = await GetSnapshotAsync(ct);
        categoryCode = CategoryCodes.Normalize(categoryCode);
        regionCode = regionCode.Trim();
        if (!s.Categories.TryGetValue(categoryCode, out var category))
        {
            return null;
        }

        var rule = s.Rules
            .Where(r => categoryCode.StartsWith(r.CategoryCode, StringComparison.Ordinal) && RegionLevels.IsWithin(regionCode, r.RegionCode)
                        && s.Units.ContainsKey(r.UnitId))
            .OrderByDescending(r => r.RegionCode.Length).ThenByDescending(r => r.CategoryCode.Length).ThenByDescending(r => r.Id)
            .FirstOrDefault();
        if (rule is not null)
        {
            var co = rule.CoUnitIds.Where(id => id != rule.UnitId && s.Units.ContainsKey(id)).Distinct().Select(id => s.Units[id].Ref).ToList();
            return new ResponsibilityMatch(s.Units[rule.UnitId].Ref, co, MatchBasis.Rule, rule.Id, rule.CategoryCode, rule.RegionCode);
        }

        for (var c = category; c is not null; c = c.ParentCode is { } p && s.Categories.TryGetValue(p, out var parent) ? parent : null)
        {
            if (c.DefaultDepartmentCode is { } dept && s.UnitsByCode.TryGetValue(dept, out var d))
            {
                return new ResponsibilityMatch(d.Ref, [], MatchBasis.DefaultDepartment, null, null, null);
            }

            if (c.DefaultUnitKind is { } kind)
            {
                var nearest = s.Units.Values.Where(u => u.Kind == kind && RegionLevels.IsWithin(regionCode, u.RegionCode))
                    .OrderByDescending(u => u.RegionCode.Length).ThenBy(u => u.Ref.Id).FirstOrDefault();
                if (nearest is not null)
                {
                    return new ResponsibilityMatch(nearest.Ref, [], MatchBasis.DefaultUnitKind, null, null, null);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// An active category from the same snapshot (name, whether it takes cases — no active children — and its time
    /// limit), sparing the intake a query per report; null for an unknown or disabled category.
    /// </summary>
    public async ValueTask<ActiveCategory?> CategoryAsync(string categoryCode, CancellationToken ct = default)
    {
        var s = await GetSnapshotAsync(ct);
        return s.Categories.TryGetValue(CategoryCodes.Normalize(categoryCode), out var c)
            ? new ActiveCategory(c.Code, c.Name, !s.Parents.Contains(c.Code), c.TimeLimit)
            : null;
    }

    /// <summary>Forgets the snapshot; the next resolution reloads rules, categories and units.</summary>
    public void Invalidate() => _snapshot = null;

    private async ValueTask<Snapshot> GetSnapshotAsync(CancellationToken ct)
    {
        if (_snapshot is { } s && clock.GetUtcNow() - s.LoadedAt < RefreshAfter)
        {
            return s;
        }

        await _loading.WaitAsync(ct);
        try
        {
            if (_snapshot is { } again && clock.GetUtcNow() - again.LoadedAt < RefreshAfter)
            {
                return again;
            }

            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var rules = await db.Set<ResponsibilityRule>().AsNoTracking().ToListAsync(ct);
            var categories = await db.Set<CaseCategory>().AsNoTracking().Where(c => c.IsActive)
                .Select(c => new { c.Code, c.ParentCode, c.DefaultDepartmentCode, c.DefaultUnitKind, c.Name, c.TimeLimitValue, c.TimeLimitUnit })
                .ToListAsync(ct);
            var units = await db.Units.AsNoTracking().Where(u => u.IsActive)
                .Select(u => new UnitEntry(new ResponsibleUnit(u.Id, u.Code, u.Name), u.Kind, u.RegionCode)).ToListAsync(ct);
            var entries = categories.Select(c => new CategoryEntry(c.Code, c.ParentCode, c.DefaultDepartmentCode, c.DefaultUnitKind, c.Name,
                c.TimeLimitValue is { } v && c.TimeLimitUnit is { } u ? new TimeLimit(v, u) : null)).ToDictionary(c => c.Code);
            var snapshot = new Snapshot(rules, entries, [.. categories.Select(c => c.ParentCode).OfType<string>()], units.ToDictionary(u => u.Ref.Id),
                units.GroupBy(u => u.Ref.Code).ToDictionary(g => g.Key, g => g.First()), clock.GetUtcNow());
            _snapshot = snapshot;
            return snapshot;
        }
        finally
        {
            _loading.Release();
        }
    }

    private sealed record CategoryEntry(string Code, string? ParentCode, string? DefaultDepartmentCode, UnitKind? DefaultUnitKind, string Name,
        TimeLimit? TimeLimit);

    private sealed record UnitEntry(ResponsibleUnit Ref, UnitKind Kind, string RegionCode);

    private sealed record Snapshot(List<ResponsibilityRule> Rules, Dictionary<string, CategoryEntry> Categories, HashSet<string> Parents,
        Dictionary<int, UnitEntry> Units, Dictionary<string, UnitEntry> UnitsByCode, DateTimeOffset LoadedAt);
}

/// <summary>An active category as the intake needs it.</summary>
public sealed record ActiveCategory(string Code, string Name, bool IsLeaf, TimeLimit? TimeLimit);
