using CivicGrid.Accounts;
using CivicGrid.Cases;
using CivicGrid.Cases.Catalog;
using CivicGrid.Data;
using CivicGrid.Platform.Calendar;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Components.Cases;

public sealed record CaseRow(long Id, string Number, string Status, string StatusName, string? CategoryName, string? RegionName,
    string Description, DateTimeOffset ReportedAt, DateTimeOffset? Deadline, bool Overdue, string? RemainingText, SupervisionCard Card,
    string? LeadUnitName, int Version);

public sealed record CaseRowPage(IReadOnlyList<CaseRow> Items, int Total);

public sealed record QueueFilter(string? Q, string? CategoryCode, string? RegionCode);

public sealed record PickItem(string Value, string Label);

public sealed record UnitPick(int Id, string Name, string KindName);

public sealed record EventExtra(IReadOnlyList<string> Attachments);

/// <summary>What the console needs beyond <see cref="CaseQueries"/>: queue counts and rows, pick lists, the caller's actions. Read-only.</summary>
public sealed class CaseConsoleQueries(IDbContextFactory<AppDbContext> dbFactory, WorkingCalendarProvider calendars, TimeProvider clock)
{
    private static readonly CaseStatus[] Final = [CaseStatus.Rejected, CaseStatus.Merged, CaseStatus.Closed, CaseStatus.Evaluated];

    public async Task<IReadOnlyDictionary<string, int>> CountsAsync(AccessScope scope, QueueFilter filter, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var counts = new Dictionary<string, int>();
        foreach (var queue in CaseQueues.All)
        {
            counts[queue.Key] = await Filtered(db, scope, filter).Where(queue.Filter(scope, now)).CountAsync(ct);
        }

        return counts;
    }

    public async Task<CaseRowPage> ListAsync(AccessScope scope, CaseQueue queue, QueueFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var query = Filtered(db, scope, filter).Where(queue.Filter(scope, now));
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(c => c.ReportedAt).ThenByDescending(c => c.Id)
            .Skip((Math.Max(page, 1) - 1) * pageSize).Take(pageSize)
            .Select(c => new
            {
                c.Id,
                c.ReportedAt,
                c.Status,
                c.Description,
                c.Deadline,
                c.Card,
                c.Version,
                Category = db.Set<CaseCategory>().Where(k => k.Code == c.CategoryCode).Select(k => k.Name).FirstOrDefault(),
                Region = db.Regions.Where(r => r.Code == c.RegionCode).Select(r => r.Name).FirstOrDefault(),
                Lead = c.Assignments.Where(a => a.IsActive && a.IsLead).Select(a => db.Units.Where(u => u.Id == a.UnitId).Select(u => u.Name).FirstOrDefault()).FirstOrDefault(),
            }).ToListAsync(ct);
        var calendar = await calendars.GetAsync(ct);
        var items = rows.Select(r =>
        {
            var open = !Final.Contains(r.Status) && r.Status != CaseStatus.Suspended;
            var overdue = open && r.Deadline < now;
            return new CaseRow(r.Id, CaseNumbers.Format(r.ReportedAt, r.Id), r.Status.ToString(), CaseStatuses.ChineseName(r.Status), r.Category,
                r.Region, r.Description.Length <= 60 ? r.Description : r.Description[..60] + "…", r.ReportedAt, r.Deadline, overdue,
                open && r.Deadline is { } d ? CaseTexts.Remaining(calendar, now, d) : null, r.Card, r.Lead, r.Version);
        }).ToList();
        return new CaseRowPage(items, total);
    }

    /// <summary>The actions the caller may take on the case now (API names), by state and by who he is.</summary>
    public async Task<IReadOnlyList<string>> ActionsAsync(AccessScope scope, long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await db.Set<Case>().AsNoTracking().Include(x => x.Assignments).FirstOrDefaultAsync(x => x.Id == id, ct);
        return c is null || !CaseAccess.CanSee(scope, c) ? [] : CaseActions.For(scope, c);
    }

    /// <summary>The region's path from the district down (示例区 / 镇街 / 村居 / 网格).</summary>
    public async Task<string?> RegionPathAsync(string? code, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var names = new List<string>();
        for (var current = code; current is not null && names.Count < 8;)
        {
            var region = await db.Regions.AsNoTracking().Where(r => r.Code == current).Select(r => new { r.Name, r.ParentCode }).FirstOrDefaultAsync(ct);
            if (region is null)
            {
                break;
            }

            names.Insert(0, region.Name);
            current = region.ParentCode;
        }

        return names.Count == 0 ? code : string.Join(" / ", names);
    }

    /// <summary>Attachment references per event sequence, read from the stored history (shown as thumbnails when present).</summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<string>>> AttachmentsAsync(long caseId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Set<CaseEvent>().AsNoTracking().Where(e => e.CaseId == caseId && e.Attachments != null && e.Attachments != "")
            .Select(e => new { e.Sequence, e.Attachments }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Sequence, r => CaseTexts.ParseAttachments(r.Attachments!));
    }

    /// <summary>Display names of the given user names (history shows 指挥中心派遣员 rather than dispatcher).</summary>
    public async Task<IReadOnlyDictionary<string, string>> DisplayNamesAsync(IEnumerable<string> userNames, CancellationToken ct = default)
    {
        var names = userNames.Where(n => !string.IsNullOrWhiteSpace(n)).Distinct().ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Users.AsNoTracking().Where(u => u.UserName != null && names.Contains(u.UserName))
            .Select(u => new { u.UserName, u.DisplayName }).ToListAsync(ct);
        return rows.Where(r => !string.IsNullOrWhiteSpace(r.DisplayName)).ToDictionary(r => r.UserName!, r => r.DisplayName!);
    }

    public async Task<IReadOnlyList<PickItem>> LeafCategoriesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var active = await db.Set<CaseCategory>().AsNoTracking().Where(c => c.IsActive)
            .Select(c => new { c.Code, c.Name, c.ParentCode, c.Kind, c.SortOrder }).ToListAsync(ct);
        var parents = active.Where(c => c.ParentCode is not null).Select(c => c.ParentCode!).ToHashSet();
        var names = active.ToDictionary(c => c.Code, c => c.Name);
        return active.Where(c => !parents.Contains(c.Code)).OrderBy(c => c.Code, StringComparer.Ordinal)
            .Select(c => new PickItem(c.Code, $"{(c.ParentCode is { } p && names.TryGetValue(p, out var pn) ? pn + " › " : "")}{c.Name}（{c.Code}）")).ToList();
    }

    public async Task<IReadOnlyList<UnitPick>> UnitsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var units = await db.Units.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.Code).Select(u => new { u.Id, u.Name, u.Kind }).ToListAsync(ct);
        return units.Select(u => new UnitPick(u.Id, u.Name, CivicGrid.Organization.UnitKinds.ChineseName(u.Kind))).ToList();
    }

    public async Task<WorkingCalendar> CalendarAsync(CancellationToken ct = default) => await calendars.GetAsync(ct);

    public DateTimeOffset Now => clock.GetUtcNow();

    private static IQueryable<Case> Filtered(AppDbContext db, AccessScope scope, QueueFilter filter)
    {
        var query = db.Set<Case>().AsNoTracking().Where(CaseAccess.Visible(scope));
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            var id = CaseNumbers.ParseId(q) ?? -1;
            query = query.Where(c => c.Id == id || c.SearchText!.Contains(q) || c.Description.Contains(q) || (c.Address != null && c.Address.Contains(q)));
        }

        if (!string.IsNullOrWhiteSpace(filter.CategoryCode))
        {
            var category = CategoryCodes.Normalize(filter.CategoryCode);
            query = query.Where(c => c.CategoryCode != null && c.CategoryCode.StartsWith(category));
        }

        if (!string.IsNullOrWhiteSpace(filter.RegionCode))
        {
            var region = filter.RegionCode.Trim();
            query = region.Length <= 6 ? query.Where(c => c.DistrictCode == region) : query.Where(c => c.RegionCode != null && c.RegionCode.StartsWith(region));
        }

        return query;
    }
}
