using System.Linq.Expressions;
using CivicGrid.Accounts;
using CivicGrid.Cases.Attachments;
using CivicGrid.Cases.Catalog;
using CivicGrid.Cases.Search;
using CivicGrid.Data;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Cases;

public sealed record CaseFilter(string? Status = null, string? RegionCode = null, string? CategoryCode = null, string? Q = null, int? Page = null, int? PageSize = null);

public sealed class CaseQueries(AppDbContext db, TimeProvider clock)
{
    /// <summary>How many keys of a list are read ahead: enough for its first 100 pages of 20.</summary>
    private const int FirstKeys = 2000;

    public IQueryable<Case> Visible(AccessScope scope) => db.Set<Case>().AsNoTracking().Where(CaseAccess.Visible(scope));

    /// <summary>
    /// A page of the cases the caller sees, newest first. Shaped for a million cases on PostgreSQL: the total and the
    /// page's ids come from the case indexes alone (see CaseConfiguration), each part of what the caller may see is
    /// queried on its own and the parts united (an OR across them would defeat the indexes), and only the page's rows
    /// are read in full.
    /// </summary>
    public async Task<Outcome<PagedList<CaseListItem>>> ListAsync(AccessScope scope, CaseFilter filter, CancellationToken ct = default)
    {
        var (page, size) = Paging.Normalize(filter.Page, filter.PageSize);
        List<CaseStatus>? statuses = null;
        if (!string.IsNullOrWhiteSpace(filter.Status))
        {
            statuses = [];
            foreach (var text in filter.Status.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!Enum.TryParse<CaseStatus>(text, true, out var status) || int.TryParse(text, out _))
                {
                    return Outcome<PagedList<CaseListItem>>.Invalid("status", $"状态“{text}”无效。");
                }

                if (!statuses.Contains(status))
                {
                    statuses.Add(status);
                }
            }
        }

        var region = filter.RegionCode?.Trim();
        // Full-text matches come from a bitmap of the word's GIN entries, in no order: one part per status would only
        // build that bitmap once per status.
        var split = string.IsNullOrWhiteSpace(filter.Q) ? statuses : null;

        // The filtered cases; town names the 镇街 all of them lie in, when known, for the full-text search to read only its entries.
        IQueryable<Case> Filtered(string? town)
        {
            var query = string.IsNullOrWhiteSpace(filter.Q) ? db.Set<Case>() : CaseSearch.Matching(db, filter.Q, town ?? TownOf(region));
            if (!string.IsNullOrEmpty(region))
            {
                query = query.Where(CaseRegions.Within(region));
            }

            if (!string.IsNullOrWhiteSpace(filter.CategoryCode))
            {
                var category = CategoryCodes.Normalize(filter.CategoryCode);
                query = query.Where(c => c.CategoryCode != null && c.CategoryCode.StartsWith(category));
            }

            return statuses is not null && split is null ? query.Where(c => statuses.Contains(c.Status)) : query;
        }

        // Asking for a region inside one of his areas, the caller sees all of it: no visibility condition is needed.
        var parts = !string.IsNullOrEmpty(region) && CaseAccess.SeesWholeRegion(scope, region)
            ? ByStatus(Filtered(null), split).ToList()
            : await VisiblePartsAsync(scope, Filtered, split, ct);
        var keys = parts.Select(part => part.Select(c => new { c.Id, c.ReportedAt })).Aggregate((a, b) => a.Concat(b));

        // The first keys in list order are read once: a small list is counted and paged from them; a large one is
        // counted by the database (from the indexes) and paged from them unless the page lies further back.
        var ordered = keys.OrderByDescending(k => k.ReportedAt).ThenByDescending(k => k.Id);
        // Each part brings its own first keys: PostgreSQL then merges a few short backward index scans (Merge Append),
        // where over the bare union it reads and sorts every match.
        var first = await parts
            .Select(part => part.Select(c => new { c.Id, c.ReportedAt }).OrderByDescending(k => k.ReportedAt).ThenByDescending(k => k.Id).Take(FirstKeys + 1))
            .Aggregate((a, b) => a.Concat(b))
            .OrderByDescending(k => k.ReportedAt).ThenByDescending(k => k.Id).Take(FirstKeys + 1).Select(k => k.Id).ToListAsync(ct);
        var skip = (page - 1) * size;
        var total = first.Count <= FirstKeys ? first.Count : await keys.CountAsync(ct);
        Expression<Func<Case, bool>> onPage;
        if (first.Count <= FirstKeys || skip + size <= first.Count)
        {
            var pageIds = first.Skip(skip).Take(size).ToList();
            onPage = c => pageIds.Contains(c.Id);
        }
        else
        {
            var pageIds = ordered.Skip(skip).Take(size).Select(k => k.Id);
            onPage = c => pageIds.Contains(c.Id);
        }

        var rows = await db.Set<Case>().AsNoTracking().Where(onPage)
            .OrderByDescending(c => c.ReportedAt).ThenByDescending(c => c.Id)
            .Select(c => new
            {
                c.Id,
                c.ReportedAt,
                c.Status,
                c.CategoryCode,
                c.RegionCode,
                c.Description,
                c.Deadline,
                c.Card,
                CategoryName = db.Set<CaseCategory>().Where(k => k.Code == c.CategoryCode).Select(k => k.Name).FirstOrDefault(),
                Lead = c.Assignments.Where(a => a.IsActive && a.IsLead).Select(a => db.Units.Where(u => u.Id == a.UnitId).Select(u => u.Name).FirstOrDefault()).FirstOrDefault(),
            }).ToListAsync(ct);
        var items = rows.Select(r => new CaseListItem(r.Id, CaseNumbers.Format(r.ReportedAt, r.Id), r.Status.ToString(), CaseStatuses.ChineseName(r.Status),
            r.CategoryCode, r.CategoryName, r.RegionCode, Shorten(r.Description), r.ReportedAt, r.Deadline, CardName(r.Card), r.Lead)).ToList();
        return Outcome<PagedList<CaseListItem>>.Ok(new PagedList<CaseListItem>(items, total, page, size));
    }

    /// <summary>
    /// The filtered cases the caller sees, in parts that do not overlap. What an area role sees beyond his areas (his own
    /// reports, his units' cases elsewhere) is normally a handful of cases: their ids are read once here rather than in
    /// both the count and the page query.
    /// </summary>
    private async Task<List<IQueryable<Case>>> VisiblePartsAsync(AccessScope scope, Func<string?, IQueryable<Case>> filtered, List<CaseStatus>? statuses,
        CancellationToken ct)
    {
        const int MaxBeyond = 1000;
        var (areas, areaCodes, beyond, unitAssignmentsOutside) = CaseAccess.VisibleParts(scope);
        var parts = areas.SelectMany((a, i) => ByStatus(filtered(TownOf(areaCodes[i])).Where(a), statuses)).ToList();
        var query = filtered(null);
        var inStatus = statuses is null ? query : query.Where(c => statuses.Contains(c.Status));
        var others = beyond.Select(b => inStatus.Where(b)).ToList();
        if (parts.Count > 0)
        {
            if (unitAssignmentsOutside is not null)
            {
                // A 镇街 office's unit has tens of thousands of cases, nearly all in its own 镇街: the candidates for its
                // cases elsewhere come from ranges of the assignment index, not from reading every one of its cases.
                var candidates = await unitAssignmentsOutside.Select(p => db.Set<CaseAssignment>().Where(p).Select(a => a.CaseId))
                    .Aggregate((a, b) => a.Union(b)).OrderBy(id => id).Take(MaxBeyond + 1).ToListAsync(ct);
                if (candidates.Count <= MaxBeyond)
                {
                    others[^1] = others[^1].Where(c => candidates.Contains(c.Id));
                }
            }

            var ids = await others.Select(o => o.Select(c => c.Id)).Aggregate((a, b) => a.Concat(b)).OrderBy(id => id).Take(MaxBeyond + 1).ToListAsync(ct);
            if (ids.Count <= MaxBeyond)
            {
                others = ids.Count == 0 ? [] : [db.Set<Case>().Where(c => ids.Contains(c.Id))];
            }
        }

        parts.AddRange(others);
        return parts;
    }

    /// <summary>The 镇街 a region lies in, or null for the district and codes too short to name one.</summary>
    private static string? TownOf(string? region) => region is { Length: >= Case.TownCodeLength } ? region[..Case.TownCodeLength] : null;

    /// <summary>
    /// One part per asked status. <c>Status IN (…)</c> gives the matches in no useful order, so PostgreSQL would read and
    /// sort all of them (tens of thousands for a district's open cases); with one status a part each, every part comes
    /// newest first from a (place, status, reported) index and the database merges the parts, reading about one list's worth.
    /// </summary>
    private static IEnumerable<IQueryable<Case>> ByStatus(IQueryable<Case> query, List<CaseStatus>? statuses) =>
        statuses is null ? [query] : statuses.Select(s => query.Where(c => c.Status == s));

    public async Task<CaseView?> GetAsync(AccessScope scope, long id, CancellationToken ct = default)
    {
        var c = await db.Set<Case>().AsNoTracking().Include(x => x.Assignments).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || !CaseAccess.CanSee(scope, c))
        {
            return null;
        }

        var unitIds = c.Assignments.Select(a => a.UnitId).ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        var category = c.CategoryCode is null ? null : await db.Set<CaseCategory>().AsNoTracking().Where(k => k.Code == c.CategoryCode).Select(k => k.Name).FirstOrDefaultAsync(ct);
        var region = c.RegionCode is null ? null : await db.Regions.AsNoTracking().Where(r => r.Code == c.RegionCode).Select(r => r.Name).FirstOrDefaultAsync(ct);
        var events = await db.Set<CaseEvent>().AsNoTracking().Where(e => e.CaseId == id).OrderBy(e => e.Sequence).ToListAsync(ct);
        var files = await AttachmentRefs.ViewsAsync(db, events.Select(e => e.Attachments), ct);
        return View(c, id => (units[id].Code, units[id].Name), category, region, events, files, clock.GetUtcNow());
    }

    /// <summary>The detail view of a case from its loaded parts (also used by the intake for a case it has just written).</summary>
    public static CaseView View(Case c, Func<int, (string Code, string Name)> unit, string? categoryName, string? regionName,
        IEnumerable<CaseEvent> events, Dictionary<string, AttachmentView> files, DateTimeOffset now)
    {
        var responsible = c.Assignments.Where(a => a.IsActive).OrderByDescending(a => a.IsLead).ThenBy(a => a.Id)
            .Select(a => new ResponsibleUnitView(a.UnitId, unit(a.UnitId).Code, unit(a.UnitId).Name, a.IsLead, a.DispatchedAt, a.AcknowledgeBy,
                a.AcknowledgedAt, a.AcknowledgedAt is null && now > a.AcknowledgeBy)).ToList();
        return new CaseView(
            c.Id, c.Number, c.Status.ToString(), CaseStatuses.ChineseName(c.Status), c.Source.ToString().ToLowerInvariant(), CaseWorkflow.SourceName(c.Source),
            c.CategoryCode, categoryName, c.RegionCode, regionName, c.Description, c.Address, c.Lon, c.Lat, c.ReporterName, PersonalData.MaskPhone(c.ReporterPhone),
            responsible, c.ReportedAt, c.Deadline, c.HandledAt, c.ClosedAt, c.Evaluation is { } e ? CaseWorkflow.EvaluationName(e) : null,
            c.ReworkCount, CardName(c.Card), c.MergedIntoId, c.Version,
            CaseStateMachine.AllowedActions(c.Status).Where(a => a != CaseAction.Reopen).Select(a => a.ToString().ToLowerInvariant()).ToList(),
            events.OrderBy(e => e.Sequence).Select(e => ToView(e, files)).ToList());
    }

    public async Task<CaseEventChain.Verdict?> VerifyChainAsync(AccessScope scope, long id, CancellationToken ct = default)
    {
        var c = await db.Set<Case>().AsNoTracking().Include(x => x.Assignments).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || !CaseAccess.CanSee(scope, c))
        {
            return null;
        }

        var events = await db.Set<CaseEvent>().AsNoTracking().Where(e => e.CaseId == id).ToListAsync(ct);
        return CaseEventChain.Verify(events);
    }

    private static CaseEventView ToView(CaseEvent e, Dictionary<string, AttachmentView> files) => new(
        e.Sequence, e.Kind, e.Action is { } a ? CaseStatuses.ChineseName(a) : KindName(e.Kind), e.FromStatus?.ToString(), e.ToStatus.ToString(),
        CaseStatuses.ChineseName(e.ToStatus), e.ActorName, e.At, e.Comment,
        e.Attachments?.Split(',').Select(h => files.GetValueOrDefault(h)).OfType<AttachmentView>().ToList() ?? []);

    private static string KindName(string kind) => kind switch
    {
        "supervise" => "督办",
        "late-acknowledge" => "报到超时",
        "support" => "群众附议",
        _ => "上报",
    };

    private static string CardName(SupervisionCard card) => card switch
    {
        SupervisionCard.Yellow => "黄牌督办",
        SupervisionCard.Red => "红牌督办",
        _ => "无",
    };

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
