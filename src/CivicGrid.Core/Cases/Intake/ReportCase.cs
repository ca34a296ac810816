using CivicGrid.Accounts;
using CivicGrid.Cases.Attachments;
using CivicGrid.Cases.Catalog;
using CivicGrid.Cases.Responsibility;
using CivicGrid.Cases.Routing;
using CivicGrid.Cases.Search;
using CivicGrid.Data;
using CivicGrid.Grid;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicGrid.Cases.Intake;

/// <summary>A report from any front door (CONTRACT.md: POST /api/v1/cases).</summary>
public sealed record ReportCaseRequest(
    string? Description, string? CategoryCode = null, double? Lon = null, double? Lat = null, string? Address = null,
    string? Source = null, string? IdempotencyKey = null, string? ReporterName = null, string? ReporterPhone = null,
    IReadOnlyList<string>? Attachments = null);

/// <summary>The new (or, for a repeated report, the existing) case.</summary>
public sealed record ReportedCase(long Id, bool IsNew)
{
    /// <summary>The new case as its reporter sees it, built from what was just written (null for an existing case).</summary>
    public CaseView? View { get; init; }
}

/// <summary>
/// Takes a report from any front door: locates it on the grid, classifies it (given or suggested) and, for a confident
/// citizen report, plans its dispatch to the responsible unit (智能派遣) — all in the caller's task — then hands it to the
/// <see cref="IntakeWriter"/>, which writes it with the other reports of the moment in one transaction and answers only
/// after the commit. A repeated idempotency key, or the same report again within a short window, answers the first case.
/// </summary>
public sealed class ReportCase(
    AppDbContext db, RegionLocator locator, ICategorySuggester suggester, CaseTriage triage, ResponsibilityResolver resolver, IntakeWriter writer,
    IReportOrigin origin, IOptions<CaseOptions> options, TimeProvider clock)
{
    public Task<Outcome<ReportedCase>> HandleAsync(AccessScope scope, ReportCaseRequest request, CancellationToken ct = default) =>
        HandleAsync(scope, request, null, ct);

    /// <summary>As above, with the front door's own rows written in the same transaction as the report.</summary>
    public async Task<Outcome<ReportedCase>> HandleAsync(AccessScope scope, ReportCaseRequest request, IReportCompanion? companion, CancellationToken ct = default)
    {
        var problems = Validate(request, options.Value, out var source);
        if (problems.Count > 0)
        {
            return Outcome<ReportedCase>.Invalid(problems);
        }

        var (attachments, attachmentProblem) = await AttachmentRefs.CheckAsync(db, request.Attachments, ct);
        if (attachmentProblem is not null)
        {
            return Outcome<ReportedCase>.Invalid([attachmentProblem], attachmentProblem.Message);
        }

        string? regionCode = null;
        string? regionName = null;
        string? districtCode = null;
        if (request.Lon is { } lon && request.Lat is { } lat)
        {
            var hit = await locator.LocateAsync(lon, lat, ct);
            if (hit is null)
            {
                return Outcome<ReportedCase>.Invalid("lon", $"坐标（{lon}, {lat}）不在本平台管辖的任何网格内，请确认位置。");
            }

            regionCode = hit.Cell.Code;
            regionName = hit.Cell.Name;
            districtCode = hit.Path[0].Code;
        }

        districtCode ??= await db.Regions.Where(r => r.Level == RegionLevel.District).OrderBy(r => r.Code).Select(r => r.Code).FirstOrDefaultAsync(ct);
        if (districtCode is null)
        {
            return Outcome<ReportedCase>.Invalid("region", "平台尚未建立区域网格，无法受理。");
        }

        var description = request.Description!.Trim();
        string? categoryCode = null;
        string? categoryName = null;
        double confidence = 1;
        if (!string.IsNullOrWhiteSpace(request.CategoryCode))
        {
            categoryCode = CategoryCodes.Normalize(request.CategoryCode);
            categoryName = await resolver.CategoryAsync(categoryCode, ct) is { IsLeaf: true } category ? category.Name : null;
            if (categoryName is null)
            {
                return Outcome<ReportedCase>.Invalid("categoryCode", $"问题分类“{categoryCode}”不存在或不是末级分类。");
            }
        }
        else if ((await suggester.SuggestAsync(description, 1, ct)) is [var best, ..])
        {
            (categoryCode, categoryName, confidence) = (best.Code, best.Name, best.Confidence);
        }

        // The answer shows the time the database will give back.
        var now = StoredTime.Of(clock.GetUtcNow());
        var address = string.IsNullOrWhiteSpace(request.Address) ? null : request.Address.Trim();
        var phone = string.IsNullOrWhiteSpace(request.ReporterPhone) ? null : request.ReporterPhone.Trim();
        var c = new Case
        {
            Status = CaseStatus.Reported,
            Source = source!.Value,
            CategoryCode = categoryCode,
            DistrictCode = districtCode,
            RegionCode = regionCode,
            Description = description,
            Address = address,
            Lon = request.Lon,
            Lat = request.Lat,
            ReporterUserId = scope.IsAuthenticated ? scope.UserId : null,
            ReporterName = string.IsNullOrWhiteSpace(request.ReporterName) ? null : request.ReporterName.Trim(),
            ReporterPhone = phone,
            IdempotencyKey = string.IsNullOrWhiteSpace(request.IdempotencyKey) ? null : request.IdempotencyKey.Trim(),
            ContentHash = ReportDuplicates.ContentHash(description),
            ReporterAddressHash = ReportDuplicates.AddressHash(origin.ClientAddress),
            ReportedAt = now,
            UpdatedAt = now,
            SearchText = SearchTokens.ForIndex(description, address),
        };

        var plan = source is CaseSource.Citizen or CaseSource.Inspection && confidence >= options.Value.AutoDispatchConfidence ? await triage.PlanAsync(c, ct) : null;
        var reporter = scope.IsAuthenticated ? scope.UserName : "市民" + (PersonalData.MaskPhone(phone) ?? "");
        var pending = new PendingReport(c, plan, scope, reporter, attachments, companion);
        var reported = await writer.WriteAsync(pending, ct);
        if (!reported.IsNew || pending.Written is not { } written)
        {
            return Outcome<ReportedCase>.Ok(reported);
        }

        // The answer is built from what was written, sparing the reporter's request a read-back of its own case.
        var files = attachments.Count == 0 ? [] : await AttachmentRefs.ViewsAsync(db, pending.WrittenEvents.Select(e => e.Attachments), ct);
        var units = plan is null ? [] : plan.Match.CoUnits.Prepend(plan.Match.Lead).DistinctBy(u => u.Id).ToDictionary(u => u.Id);
        var view = CaseAccess.CanSee(scope, written)
            ? CaseQueries.View(written, id => (units[id].Code, units[id].Name), categoryName, regionName, pending.WrittenEvents, files, clock.GetUtcNow())
            : null;
        return Outcome<ReportedCase>.Created(reported with { View = view });
    }

    private static List<Problem> Validate(ReportCaseRequest r, CaseOptions options, out CaseSource? source)
    {
        var problems = new List<Problem>();
        source = CaseWorkflow.ParseSource(r.Source);
        if (source is null)
        {
            problems.Add(new("source", "来源无效，可选：citizen、hotline、patrol、inspection、duty、ai、proposal、safety。"));
        }

        if (string.IsNullOrWhiteSpace(r.Description))
        {
            problems.Add(new("description", "请描述问题。"));
        }
        else if (r.Description.Length > options.MaxDescriptionLength)
        {
            problems.Add(new("description", $"问题描述不能超过 {options.MaxDescriptionLength} 个字。"));
        }

        if ((r.Lon is null) != (r.Lat is null))
        {
            problems.Add(new("lon", "经度 lon 和纬度 lat 须同时提供。"));
        }
        else if (r.Lon is { } lon && r.Lat is { } lat && (!double.IsFinite(lon) || !double.IsFinite(lat) || lon is < -180 or > 180 || lat is < -90 or > 90))
        {
            problems.Add(new("lon", "经纬度超出范围：lon 须在 -180 到 180 之间，lat 须在 -90 到 90 之间。"));
        }

        if (r.Lon is null && string.IsNullOrWhiteSpace(r.Address))
        {
            problems.Add(new("address", "请提供位置：经纬度（lon/lat）或地址（address）。"));
        }

        if (r.Address?.Length > 200)
        {
            problems.Add(new("address", "地址不能超过 200 个字。"));
        }

        if (!string.IsNullOrWhiteSpace(r.ReporterPhone) && !PersonalData.IsPhone(r.ReporterPhone.Trim()))
        {
            problems.Add(new("reporterPhone", "联系电话格式不正确。"));
        }

        if (r.ReporterName?.Trim().Length > 50)
        {
            problems.Add(new("reporterName", "联系人姓名不能超过 50 个字。"));
        }

        if (r.IdempotencyKey?.Trim().Length > 100)
        {
            problems.Add(new("idempotencyKey", "幂等键不能超过 100 个字符。"));
        }

        return problems;
    }
}
