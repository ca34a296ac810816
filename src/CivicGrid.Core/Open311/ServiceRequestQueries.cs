using CivicGrid.Cases;
using CivicGrid.Cases.Catalog;
using CivicGrid.Data;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Open311;

/// <summary>
/// A case as Open311 publishes it: <c>service_request_id</c> is the case number (案卷号); nothing about the
/// reporter, and phone or ID numbers typed into the text are masked.
/// </summary>
public sealed record ServiceRequestView(
    string ServiceRequestId, string Status, string? StatusNotes, string? ServiceName, string ServiceCode, string? Description,
    string? AgencyResponsible, string? ServiceNotice, DateTimeOffset RequestedAt, DateTimeOffset UpdatedAt, DateTimeOffset? ExpectedAt,
    string? Address, double? Lat, double? Long, string? MediaUrl);

/// <summary>The query string of <c>GET requests</c>, as sent.</summary>
public sealed record ServiceRequestFilter(
    string? JurisdictionId = null, string? ServiceRequestId = null, string? ServiceCode = null, string? StartDate = null,
    string? EndDate = null, string? Status = null);

public sealed record TokenView(string ServiceRequestId, string Token);

public sealed class ServiceRequestQueries(AppDbContext db, ServiceCatalog services, Jurisdictions jurisdictions, TimeProvider clock)
{
    public const int MaxResults = 1000;
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(90);

    private static readonly CaseStatus[] ClosedStatuses = Enum.GetValues<CaseStatus>().Where(CaseStatuses.IsFinal).ToArray();

    /// <summary>
    /// Requests matching the filter, newest first, at most 1000. Without dates: the last 90 days; a date range may
    /// not span more than 90 days. A list of <c>service_request_id</c> overrides every other filter.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<ServiceRequestView>>> ListAsync(ServiceRequestFilter filter, CancellationToken ct = default)
    {
        var jurisdiction = await jurisdictions.ResolveAsync(filter.JurisdictionId, ct);
        if (!jurisdiction.Succeeded)
        {
            return Fail<IReadOnlyList<ServiceRequestView>>(jurisdiction);
        }

        var catalog = await CatalogAsync(ct);
        var query = Published(jurisdiction.Value, catalog);
        if (!string.IsNullOrWhiteSpace(filter.ServiceRequestId))
        {
            var ids = Split(filter.ServiceRequestId).Take(MaxResults).Select(n => (Number: n, Id: CaseNumbers.ParseId(n))).Where(x => x.Id is not null).ToList();
            var wanted = ids.Select(x => x.Id!.Value).ToList();
            var found = await ProjectAsync(query.Where(c => wanted.Contains(c.Id)), catalog, ct);
            var byNumber = found.ToDictionary(r => r.ServiceRequestId);
            return Outcome<IReadOnlyList<ServiceRequestView>>.Ok(ids.Select(x => byNumber.GetValueOrDefault(x.Number)).OfType<ServiceRequestView>().Distinct().ToList());
        }

        var problems = new List<Problem>();
        var (from, to) = Window(filter, problems);
        var statuses = Statuses(filter.Status, problems);
        if (problems.Count > 0)
        {
            return Outcome<IReadOnlyList<ServiceRequestView>>.Invalid(problems);
        }

        query = query.Where(c => c.ReportedAt >= from && c.ReportedAt <= to);
        if (!string.IsNullOrWhiteSpace(filter.ServiceCode))
        {
            var codes = Split(filter.ServiceCode).Take(MaxResults).Select(CategoryCodes.Normalize).ToList();
            query = query.Where(c => codes.Contains(c.CategoryCode!));
        }

        if (statuses is { } wantClosed)
        {
            query = wantClosed ? query.Where(c => ClosedStatuses.Contains(c.Status)) : query.Where(c => !ClosedStatuses.Contains(c.Status));
        }

        var rows = await ProjectAsync(query.OrderByDescending(c => c.ReportedAt).ThenByDescending(c => c.Id).Take(MaxResults), catalog, ct);
        return Outcome<IReadOnlyList<ServiceRequestView>>.Ok(rows);
    }

    public async Task<Outcome<ServiceRequestView>> GetAsync(string? jurisdictionId, string serviceRequestId, CancellationToken ct = default)
    {
        var jurisdiction = await jurisdictions.ResolveAsync(jurisdictionId, ct);
        if (!jurisdiction.Succeeded)
        {
            return Fail<ServiceRequestView>(jurisdiction);
        }

        var catalog = await CatalogAsync(ct);
        var view = CaseNumbers.ParseId(serviceRequestId) is { } id
            ? (await ProjectAsync(Published(jurisdiction.Value, catalog).Where(c => c.Id == id), catalog, ct)).FirstOrDefault()
            : null;
        return view is not null && view.ServiceRequestId == serviceRequestId
            ? Outcome<ServiceRequestView>.Ok(view)
            : Outcome<ServiceRequestView>.NotFound($"服务请求 {PublicText.Clip(serviceRequestId)} 不存在。");
    }

    /// <summary>The request behind a token handed out at submission.</summary>
    public async Task<Outcome<TokenView>> TokenAsync(string? jurisdictionId, string token, CancellationToken ct = default)
    {
        var jurisdiction = await jurisdictions.ResolveAsync(jurisdictionId, ct);
        if (!jurisdiction.Succeeded)
        {
            return Fail<TokenView>(jurisdiction);
        }

        var district = jurisdiction.Value;
        var hit = token.Length > 64 ? null : await (
            from r in db.Set<Open311Report>().AsNoTracking()
            join c in db.Set<Case>().AsNoTracking() on r.CaseId equals c.Id
            where r.Token == token && (district == null || c.DistrictCode == district)
            select new { c.Id, c.ReportedAt }).FirstOrDefaultAsync(ct);
        return hit is null
            ? Outcome<TokenView>.NotFound($"令牌 {PublicText.Clip(token)} 不存在。")
            : Outcome<TokenView>.Ok(new TokenView(CaseNumbers.Format(hit.ReportedAt, hit.Id), token));
    }

    /// <summary>The service notice of a request: the category's time limit and, once dispatched, its deadline.</summary>
    public static string? Notice(string? timeLimit, DateTimeOffset? deadline, bool closed)
    {
        if (closed)
        {
            return "该问题已办结。";
        }

        var parts = new List<string>();
        if (timeLimit is not null)
        {
            parts.Add($"此类问题的处置时限为 {timeLimit}");
        }

        if (deadline is { } d)
        {
            parts.Add($"预计 {Open311Time.FormatLocal(d)} 前处置完毕");
        }

        return parts.Count == 0 ? "已受理，将尽快核实处置。" : string.Join("，", parts) + "。";
    }

    private sealed record Catalog(Dictionary<string, ServiceView> Services);

    private async Task<Catalog> CatalogAsync(CancellationToken ct) =>
        new((await services.ListAsync(ct)).ToDictionary(s => s.ServiceCode));

    /// <summary>Cases of public services in the jurisdiction; enterprise safety cases never.</summary>
    private IQueryable<Case> Published(string? district, Catalog catalog)
    {
        var codes = catalog.Services.Keys.ToList();
        var query = db.Set<Case>().AsNoTracking().Where(c => c.CategoryCode != null && codes.Contains(c.CategoryCode) && c.Source != CaseSource.Safety);
        return district is null ? query : query.Where(c => c.DistrictCode == district);
    }

    private async Task<List<ServiceRequestView>> ProjectAsync(IQueryable<Case> query, Catalog catalog, CancellationToken ct)
    {
        var rows = await query.Select(c => new
        {
            c.Id,
            c.ReportedAt,
            c.UpdatedAt,
            c.Deadline,
            c.Status,
            c.CategoryCode,
            c.Description,
            c.Address,
            c.Lon,
            c.Lat,
            // The current lead; once a case is finished its assignments are closed, so then the last lead.
            Lead = c.Assignments.Where(a => a.IsLead).OrderByDescending(a => a.IsActive).ThenByDescending(a => a.Id)
                .Select(a => db.Units.Where(u => u.Id == a.UnitId).Select(u => u.Name).FirstOrDefault()).FirstOrDefault(),
            Note = db.Set<CaseEvent>().Where(e => e.CaseId == c.Id && e.IsPublic && e.Comment != null && e.Kind != "report")
                .OrderByDescending(e => e.Sequence).Select(e => e.Comment).FirstOrDefault(),
            MediaUrl = db.Set<Open311Report>().Where(r => r.CaseId == c.Id).Select(r => r.MediaUrl).FirstOrDefault(),
        }).ToListAsync(ct);
        return rows.Select(r =>
        {
            var service = catalog.Services.GetValueOrDefault(r.CategoryCode!);
            var closed = CaseStatuses.IsFinal(r.Status);
            return new ServiceRequestView(
                CaseNumbers.Format(r.ReportedAt, r.Id), closed ? "closed" : "open", PublicText.Mask(r.Note), service?.ServiceName, r.CategoryCode!,
                PublicText.Mask(r.Description), r.Lead, Notice(service?.TimeLimit, r.Deadline, closed), r.ReportedAt, r.UpdatedAt,
                r.Deadline, PublicText.Mask(r.Address), r.Lat, r.Lon, r.MediaUrl);
        }).ToList();
    }

    private (DateTimeOffset From, DateTimeOffset To) Window(ServiceRequestFilter filter, List<Problem> problems)
    {
        var start = Open311Time.Parse(filter.StartDate);
        var end = Open311Time.Parse(filter.EndDate, endOfDay: true);
        if (!string.IsNullOrWhiteSpace(filter.StartDate) && start is null)
        {
            problems.Add(new("start_date", "start_date 不是有效的日期时间，应为 W3C 格式，如 2026-11-01T00:00:00+08:00 或 2026-11-01。"));
        }

        if (!string.IsNullOrWhiteSpace(filter.EndDate) && end is null)
        {
            problems.Add(new("end_date", "end_date 不是有效的日期时间，应为 W3C 格式，如 2026-11-30T23:59:59+08:00 或 2026-11-30。"));
        }

        var now = clock.GetUtcNow();
        var (from, to) = (start, end) switch
        {
            ({ } s, { } e) => (s, e),
            ({ } s, null) => (s, s + DefaultWindow),
            (null, { } e) => (e - DefaultWindow, e),
            _ => (now - DefaultWindow, now),
        };
        if (to < from)
        {
            problems.Add(new("end_date", "end_date 不能早于 start_date。"));
        }
        else if (to - from > DefaultWindow)
        {
            problems.Add(new("start_date", "start_date 与 end_date 之间不能超过 90 天。"));
        }

        return (from, to);
    }

    /// <summary>True: only closed; false: only open; null: both.</summary>
    private static bool? Statuses(string? text, List<Problem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var wanted = Split(text).Select(s => s.ToLowerInvariant()).Distinct().ToList();
        if (wanted.Any(s => s is not ("open" or "closed")))
        {
            problems.Add(new("status", "status 只能是 open（办理中）或 closed（已办结），多个用逗号分隔。"));
            return null;
        }

        return wanted.Count == 2 ? null : wanted[0] == "closed";
    }

    private static List<string> Split(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static Outcome<T> Fail<T>(Outcome<string?> jurisdiction) =>
        new(jurisdiction.Status, default, jurisdiction.Message, jurisdiction.Problems);
}
