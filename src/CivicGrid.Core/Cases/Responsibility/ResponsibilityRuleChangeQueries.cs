using System.Linq.Expressions;
using CivicGrid.Accounts;
using CivicGrid.Cases.Catalog;
using CivicGrid.Data;
using CivicGrid.Grid;
using CivicGrid.Platform;
using CivicGrid.Platform.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace CivicGrid.Cases.Responsibility;

/// <summary>Which changes to list: of one rule, of a category (with its sub-categories) or region (with its sub-regions), in a time span.</summary>
public sealed record RuleChangeFilter(int? RuleId = null, string? CategoryCode = null, string? RegionCode = null, DateTimeOffset? From = null,
    DateTimeOffset? To = null, int? Page = null, int? PageSize = null)
{
    /// <summary>
    /// The filter from query-string values, or the problems with them (in Chinese). <paramref name="from"/> and
    /// <paramref name="to"/> are dates (<c>2026-11-27</c>, whole days in Beijing time, both included) or ISO 8601 instants.
    /// </summary>
    public static Outcome<RuleChangeFilter> Parse(int? ruleId, string? categoryCode, string? regionCode, string? from, string? to, int? page, int? pageSize)
    {
        var problems = new List<Problem>();
        string? category = null;
        if (!string.IsNullOrWhiteSpace(categoryCode) && CategoryCodes.Check(category = CategoryCodes.Normalize(categoryCode)) is { } codeProblem)
        {
            problems.Add(new("categoryCode", codeProblem));
        }

        var region = string.IsNullOrWhiteSpace(regionCode) ? null : regionCode.Trim();
        if (region is not null && (RegionLevels.FromCode(region) is null || !region.All(char.IsAsciiDigit)))
        {
            problems.Add(new("regionCode", $"区域编码“{region}”格式不正确：应为 6、9、12 或 15 位数字。"));
        }

        var start = Instant(from, false, "from", problems);
        var end = Instant(to, true, "to", problems);
        if (start > end)
        {
            problems.Add(new("from", "开始时间不能晚于结束时间。"));
        }

        if (ruleId is <= 0)
        {
            problems.Add(new("ruleId", "规则编号应为正整数。"));
        }

        return problems.Count > 0
            ? Outcome<RuleChangeFilter>.Invalid(problems, string.Join(" ", problems.Select(p => p.Message)))
            : Outcome<RuleChangeFilter>.Ok(new RuleChangeFilter(ruleId, category, region, start, end, page, pageSize));
    }

    private static DateTimeOffset? Instant(string? text, bool endOfDay, string field, List<Problem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (InstantText.Parse(text, endOfDay) is { } instant)
        {
            return instant;
        }

        problems.Add(new(field, $"时间“{text.Trim()}”格式不正确：应为日期（如 2026-11-27）或 ISO 8601 时间（如 2026-11-27T08:00:00+08:00）。"));
        return null;
    }
}

/// <summary>One 变更记录 as listed: who changed which rule when, a plain-Chinese summary, and the rule before and after.</summary>
public sealed record RuleChangeView(long Id, int RuleId, string Action, string ActionName, DateTimeOffset At, string ActorName,
    string? CategoryCode, string? CategoryName, string? RegionCode, string? RegionName, string Summary, RuleState? Before, RuleState? After);

/// <summary>
/// The change log of the responsibility rules, newest first; a change is visible to whoever may read the rule's region
/// before or after it (the same scope as the rule list), so a 镇街 never sees another 镇街's changes.
/// </summary>
public sealed class ResponsibilityRuleChangeQueries(AppDbContext db)
{
    /// <summary>The most rows an export holds.</summary>
    public const int MaxExportRows = 10_000;

    public async Task<PagedList<RuleChangeView>> ListAsync(AccessScope scope, RuleChangeFilter filter, CancellationToken ct = default)
    {
        var (page, size) = Paging.Normalize(filter.Page, filter.PageSize);
        var query = Filtered(scope, filter);
        var total = await query.CountAsync(ct);
        var rows = await Newest(query).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new PagedList<RuleChangeView>(await ViewsAsync(rows, ct), total, page, size);
    }

    /// <summary>All matching changes (at most <see cref="MaxExportRows"/>), newest first, for the Excel export.</summary>
    public async Task<IReadOnlyList<RuleChangeView>> AllAsync(AccessScope scope, RuleChangeFilter filter, CancellationToken ct = default) =>
        await ViewsAsync(await Newest(Filtered(scope, filter)).Take(MaxExportRows).ToListAsync(ct), ct);

    private IQueryable<ResponsibilityRuleChange> Filtered(AccessScope scope, RuleChangeFilter filter)
    {
        var query = db.Set<ResponsibilityRuleChange>().AsNoTracking().Where(Either(
            ScopeFilter.ReadableRegion<ResponsibilityRuleChange>(scope, c => c.RegionCodeBefore!),
            ScopeFilter.ReadableRegion<ResponsibilityRuleChange>(scope, c => c.RegionCodeAfter!)));
        if (filter.RuleId is { } ruleId)
        {
            query = query.Where(c => c.RuleId == ruleId);
        }

        if (filter.CategoryCode is { } category)
        {
            query = query.Where(c => c.CategoryCodeBefore!.StartsWith(category) || c.CategoryCodeAfter!.StartsWith(category));
        }

        if (filter.RegionCode is { } region)
        {
            query = query.Where(c => c.RegionCodeBefore!.StartsWith(region) || c.RegionCodeAfter!.StartsWith(region));
        }

        if (filter.From is { } from)
        {
            query = query.Where(c => c.At >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(c => c.At <= to);
        }

        return query;
    }

    private static IQueryable<ResponsibilityRuleChange> Newest(IQueryable<ResponsibilityRuleChange> query) =>
        query.OrderByDescending(c => c.At).ThenByDescending(c => c.Id);

    private static Expression<Func<T, bool>> Either<T>(Expression<Func<T, bool>> a, Expression<Func<T, bool>> b)
    {
        var parameter = a.Parameters[0];
        var other = ReplacingExpressionVisitor.Replace(b.Parameters[0], parameter, b.Body);
        return Expression.Lambda<Func<T, bool>>(Expression.OrElse(a.Body, other), parameter);
    }

    private async Task<IReadOnlyList<RuleChangeView>> ViewsAsync(List<ResponsibilityRuleChange> rows, CancellationToken ct)
    {
        var states = rows.SelectMany(r => new[] { r.Before, r.After }).OfType<RuleState>().ToList();
        var unitIds = states.SelectMany(s => s.CoUnitIds.Append(s.UnitId)).Distinct().ToList();
        var categoryCodes = states.Select(s => s.CategoryCode).Distinct().ToList();
        var regionCodes = states.Select(s => s.RegionCode).Distinct().ToList();
        var names = new RuleChangeNames(
            await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct),
            await db.Set<CaseCategory>().AsNoTracking().Where(c => categoryCodes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, c => c.Name, ct),
            await db.Regions.AsNoTracking().Where(r => regionCodes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct));
        return rows.Select(r =>
        {
            var (before, after) = (r.Before, r.After);
            var shown = after ?? before;
            return new RuleChangeView(r.Id, r.RuleId, r.Action.ToString().ToLowerInvariant(), ResponsibilityRuleChange.ActionName(r.Action), r.At,
                r.ActorName, shown?.CategoryCode, shown is null ? null : names.Categories.GetValueOrDefault(shown.CategoryCode),
                shown?.RegionCode, shown is null ? null : names.Regions.GetValueOrDefault(shown.RegionCode),
                RuleChangeSummary.Describe(before, after, names), before, after);
        }).ToList();
    }
}
