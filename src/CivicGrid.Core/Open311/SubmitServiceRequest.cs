using System.Globalization;
using System.Net.Mail;
using System.Text.Json;
using CivicGrid.Accounts;
using CivicGrid.Cases;
using CivicGrid.Cases.Intake;
using CivicGrid.Data;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicGrid.Open311;

/// <summary>The form of <c>POST requests</c>, as sent (attribute[code]=… collected by code).</summary>
public sealed record ServiceRequestSubmission(
    string? ApiKey, string? JurisdictionId, string? ServiceCode, string? Lat = null, string? Long = null, string? AddressString = null,
    string? AddressId = null, string? Email = null, string? FirstName = null, string? LastName = null, string? Phone = null,
    string? Description = null, string? MediaUrl = null, IReadOnlyDictionary<string, IReadOnlyList<string>>? Attributes = null);

/// <summary>The answer to a submission: the case number as <c>service_request_id</c>, the notice and the token.</summary>
public sealed record SubmittedServiceRequest(long CaseId, string ServiceRequestId, string? ServiceNotice, string Token);

/// <summary>
/// <c>POST requests</c>: checks the integration's key and the form against the service definition, then hands the
/// report to the one intake path (<see cref="ReportCase"/>, source citizen), which locates, classifies and routes it.
/// Attribute answers are appended to the description so the handlers read them with the case; the Open311 row (token,
/// media URL, answers) is written by the intake in the case's own transaction, so a 2xx means both are durable.
/// </summary>
public sealed class SubmitServiceRequest(
    AppDbContext db, ReportCase intake, ServiceCatalog services, Jurisdictions jurisdictions, IntegrationKeyCache keys, IOptions<CaseOptions> caseOptions,
    TimeProvider clock)
{
    /// <summary>The specification's limit; the case engine may allow less.</summary>
    public const int SpecDescriptionLength = 4000;

    public const int MaxMediaUrlLength = 1000;
    public const int MaxNameLength = 50;
    public const int MaxEmailLength = 254;
    public const int MaxAttributeTextLength = 500;

    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public int MaxDescriptionLength => Math.Min(SpecDescriptionLength, caseOptions.Value.MaxDescriptionLength);

    public async Task<Outcome<SubmittedServiceRequest>> HandleAsync(ServiceRequestSubmission form, CancellationToken ct = default)
    {
        var jurisdiction = await jurisdictions.ResolveAsync(form.JurisdictionId, ct);
        if (!jurisdiction.Succeeded)
        {
            return new(jurisdiction.Status, null, jurisdiction.Message, jurisdiction.Problems);
        }

        if (string.IsNullOrWhiteSpace(form.ApiKey))
        {
            return Outcome<SubmittedServiceRequest>.Invalid("api_key", "缺少 api_key：提交服务请求须提供平台签发的接入密钥。");
        }

        var hash = ApiKeys.Hash(form.ApiKey);
        var integration = await keys.FindAsync(hash, () => db.Set<Open311Integration>().AsNoTracking().Where(i => i.KeyHash == hash)
            .Select(i => new IntegrationKeyState(i.Id, i.RevokedAt, i.IsDisabled, i.LastUsedAt)).FirstOrDefaultAsync(ct));
        if (integration is null)
        {
            return Outcome<SubmittedServiceRequest>.Forbidden("api_key 无效，请核对平台签发的接入密钥。");
        }

        if (integration.RevokedAt is { } revokedAt)
        {
            return Outcome<SubmittedServiceRequest>.Forbidden($"api_key 已于 {Open311Time.FormatLocal(revokedAt)} 被吊销，请联系平台管理员重新签发。");
        }

        if (integration.IsDisabled)
        {
            return Outcome<SubmittedServiceRequest>.Forbidden("api_key 已停用（演示接入随演示数据关闭）。");
        }

        if (string.IsNullOrWhiteSpace(form.ServiceCode))
        {
            return Outcome<SubmittedServiceRequest>.Invalid("service_code", "缺少 service_code：请先查询 services 选择问题类型。");
        }

        var service = await services.FindAsync(form.ServiceCode, ct);
        if (service is null)
        {
            return Outcome<SubmittedServiceRequest>.NotFound(
                $"service_code“{PublicText.Clip(form.ServiceCode.Trim())}”不存在或不受理公众上报，请查询 services 获取可用的问题类型。");
        }

        var problems = new List<Problem>();
        var (lon, lat) = Location(form, problems);
        var reporter = Reporter(form, problems);
        var answers = await AnswersAsync(service.ServiceCode, form.Attributes ?? new Dictionary<string, IReadOnlyList<string>>(), problems, ct);
        var description = form.Description?.Trim();
        if (description?.Length > MaxDescriptionLength)
        {
            problems.Add(new("description", $"description（问题描述）不能超过 {MaxDescriptionLength} 个字，收到 {description.Length} 个字。"));
        }

        var mediaUrl = MediaUrl(form.MediaUrl, problems);
        if (problems.Count > 0)
        {
            return Outcome<SubmittedServiceRequest>.Invalid(problems);
        }

        var text = (string.IsNullOrEmpty(description) ? service.ServiceName : description) + (answers.Count == 0 ? "" : "\n【附加信息】" + string.Join("；", answers.Select(a => a.Text)));
        var now = clock.GetUtcNow();
        var companion = new Open311Companion(integration.Id, mediaUrl, reporter.Email,
            answers.Count == 0 ? null : JsonSerializer.Serialize(answers.ToDictionary(a => a.Code, a => a.Values)), now);
        var reported = await intake.HandleAsync(AccessScope.Anonymous, new ReportCaseRequest(
            text, service.ServiceCode, lon, lat, form.AddressString?.Trim() is { Length: > 0 } address ? address : null, "citizen",
            ReporterName: reporter.Name, ReporterPhone: reporter.Phone), companion, ct);
        if (!reported.Succeeded)
        {
            return new(reported.Status, null, reported.Message, reported.Problems.Select(p => p with { Where = FieldOf(p.Where) }).ToList());
        }

        // Written at most once a minute per key, so a busy integration does not queue on its own row.
        if (integration.LastUsedAt is not { } used || used < now - LastUsedResolution)
        {
            var stale = now - LastUsedResolution;
            await db.Set<Open311Integration>().Where(i => i.Id == integration.Id && (i.LastUsedAt == null || i.LastUsedAt < stale))
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.LastUsedAt, now), ct);
            keys.Used(hash, now);
        }

        var caseId = reported.Value!.Id;
        var result = new SubmittedServiceRequest(caseId, CaseNumbers.Format(companion.ReportedAt, caseId),
            ServiceRequestQueries.Notice(service.TimeLimit, companion.Deadline, closed: false), companion.Token!);
        return reported.Status == OutcomeStatus.Created ? Outcome<SubmittedServiceRequest>.Created(result) : Outcome<SubmittedServiceRequest>.Ok(result);
    }

    /// <summary>
    /// The <see cref="Open311Report"/> beside the case, written by the intake in the report's own transaction. A repeated
    /// report the intake recognised as an earlier case keeps the token that case was first given.
    /// </summary>
    private sealed class Open311Companion(int integrationId, string? mediaUrl, string? email, string? attributes, DateTimeOffset submittedAt)
        : IReportCompanion
    {
        public string? Token { get; private set; }

        public DateTimeOffset ReportedAt { get; private set; }

        public DateTimeOffset? Deadline { get; private set; }

        public async Task AddAsync(AppDbContext db, ReportTarget target, CancellationToken ct)
        {
            var caseId = target.CaseId;
            if (target.Written is { } written)
            {
                (ReportedAt, Deadline) = (written.ReportedAt, written.Deadline);
            }
            else
            {
                var earlier = await db.Set<Case>().AsNoTracking().Where(c => c.Id == caseId).Select(c => new { c.ReportedAt, c.Deadline }).FirstAsync(ct);
                (ReportedAt, Deadline) = (earlier.ReportedAt, earlier.Deadline);
            }

            if (!target.IsNew)
            {
                // Its token may be in this very batch (the first of two identical posts) or committed earlier.
                Token = db.Set<Open311Report>().Local.FirstOrDefault(r => r.CaseId == caseId)?.Token
                        ?? await db.Set<Open311Report>().Where(r => r.CaseId == caseId).Select(r => r.Token).FirstOrDefaultAsync(ct);
                if (Token is not null)
                {
                    return;
                }
            }

            Token = ApiKeys.NewToken();
            db.Add(new Open311Report
            {
                CaseId = caseId,
                Token = Token,
                IntegrationId = integrationId,
                MediaUrl = mediaUrl,
                ReporterEmail = email,
                Attributes = attributes,
                SubmittedAt = submittedAt,
            });
        }
    }

    private static (double? Lon, double? Lat) Location(ServiceRequestSubmission form, List<Problem> problems)
    {
        var hasLat = !string.IsNullOrWhiteSpace(form.Lat);
        var hasLong = !string.IsNullOrWhiteSpace(form.Long);
        if (hasLat != hasLong)
        {
            problems.Add(new("lat/long", "lat 和 long 须同时提供。"));
            return (null, null);
        }

        if (!hasLat)
        {
            if (string.IsNullOrWhiteSpace(form.AddressString))
            {
                problems.Add(new("lat/long", string.IsNullOrWhiteSpace(form.AddressId)
                    ? "请提供位置：lat/long（WGS84 经纬度）或 address_string（地址）。"
                    : "本平台不使用 address_id，请用 lat/long（WGS84 经纬度）或 address_string（地址）提供位置。"));
            }

            return (null, null);
        }

        var latOk = double.TryParse(form.Lat!.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) && double.IsFinite(lat);
        var lonOk = double.TryParse(form.Long!.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var lon) && double.IsFinite(lon);
        if (!latOk || !lonOk)
        {
            problems.Add(new("lat/long", $"lat/long 不是有效的数字（收到 lat=“{PublicText.Clip(form.Lat)}”，long=“{PublicText.Clip(form.Long!)}”）。"));
            return (null, null);
        }

        if (lat is < -90 or > 90 || lon is < -180 or > 180)
        {
            problems.Add(new("lat/long", "经纬度超出范围：lat 须在 -90 到 90 之间，long 须在 -180 到 180 之间。"));
            return (null, null);
        }

        return (lon, lat);
    }

    private sealed record ReporterInfo(string? Name, string? Phone, string? Email);

    private static ReporterInfo Reporter(ServiceRequestSubmission form, List<Problem> problems)
    {
        var first = form.FirstName?.Trim() ?? "";
        var last = form.LastName?.Trim() ?? "";
        // Chinese names read family name first; others "given family".
        var name = (first + last).Any(IsCjk) ? last + first : $"{first} {last}".Trim();
        if (name.Length > MaxNameLength)
        {
            problems.Add(new("first_name/last_name", $"姓名不能超过 {MaxNameLength} 个字。"));
        }

        var phone = form.Phone?.Trim().Replace(" ", "", StringComparison.Ordinal);
        if (phone?.StartsWith("+86", StringComparison.Ordinal) == true)
        {
            phone = phone[3..].TrimStart('-');
        }

        if (!string.IsNullOrEmpty(phone) && !PersonalData.IsPhone(phone))
        {
            problems.Add(new("phone", "phone 格式不正确：应为 11 位手机号或带区号的座机号（如 010-69990000）。"));
        }

        var email = form.Email?.Trim();
        if (!string.IsNullOrEmpty(email) && (email.Length > MaxEmailLength || !MailAddress.TryCreate(email, out _)))
        {
            problems.Add(new("email", "email 格式不正确。"));
        }

        return new(name.Length == 0 ? null : name, string.IsNullOrEmpty(phone) ? null : phone, string.IsNullOrEmpty(email) ? null : email);
    }

    private static string? MediaUrl(string? text, List<Problem> problems)
    {
        var url = text?.Trim();
        if (string.IsNullOrEmpty(url))
        {
            return null;
        }

        if (url.Length > MaxMediaUrlLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            problems.Add(new("media_url", $"media_url 须为 http 或 https 开头的完整网址，且不超过 {MaxMediaUrlLength} 个字符。"));
            return null;
        }

        return uri.AbsoluteUri;
    }

    private sealed record Answer(string Code, IReadOnlyList<string> Values, string Text);

    private async Task<List<Answer>> AnswersAsync(string serviceCode, IReadOnlyDictionary<string, IReadOnlyList<string>> sent, List<Problem> problems, CancellationToken ct)
    {
        var definitions = await services.AttributesAsync(serviceCode, ct);
        foreach (var code in sent.Keys.Where(k => !definitions.Any(d => d.Variable && d.Code == k)))
        {
            problems.Add(new($"attribute[{PublicText.Clip(code)}]", $"问题类型 {serviceCode} 没有附加信息项“{PublicText.Clip(code)}”，请查询 services/{serviceCode} 获取服务定义。"));
        }

        var answers = new List<Answer>();
        foreach (var d in definitions.Where(d => d.Variable))
        {
            var values = (sent.GetValueOrDefault(d.Code) ?? []).Select(v => v.Trim()).Where(v => v.Length > 0).ToList();
            var where = $"attribute[{d.Code}]";
            if (values.Count == 0)
            {
                if (d.Required)
                {
                    problems.Add(new(where, $"请填写“{d.Description}”（{where}，必填）。"));
                }

                continue;
            }

            if (d.Datatype != ServiceAttributeDatatype.MultiValueList && values.Count > 1)
            {
                problems.Add(new(where, $"“{d.Description}”只能填一个值。"));
                continue;
            }

            if (Check(d, values) is { } problem)
            {
                problems.Add(new(where, problem));
                continue;
            }

            answers.Add(new(d.Code, values, $"{d.Description}：{Display(d, values)}"));
        }

        return answers;
    }

    private static string? Check(ServiceAttribute d, List<string> values) => d.Datatype switch
    {
        ServiceAttributeDatatype.Number when !double.TryParse(values[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || !double.IsFinite(n) =>
            $"“{d.Description}”须为数字。",
        ServiceAttributeDatatype.Datetime when Open311Time.Parse(values[0]) is null => $"“{d.Description}”须为 ISO 8601 日期时间，如 2026-11-26T09:30:00+08:00。",
        ServiceAttributeDatatype.String when values[0].Contains('\n', StringComparison.Ordinal) => $"“{d.Description}”不能换行。",
        ServiceAttributeDatatype.String or ServiceAttributeDatatype.Text when values[0].Length > MaxAttributeTextLength =>
            $"“{d.Description}”不能超过 {MaxAttributeTextLength} 个字。",
        ServiceAttributeDatatype.SingleValueList or ServiceAttributeDatatype.MultiValueList when values.FirstOrDefault(v => d.Values.All(o => o.Key != v)) is { } bad =>
            $"“{d.Description}”的取值“{PublicText.Clip(bad)}”无效，可选：{string.Join("、", d.Values.Select(o => $"{o.Key}（{o.Name}）"))}。",
        _ => null,
    };

    private static string Display(ServiceAttribute d, List<string> values) => d.Datatype switch
    {
        ServiceAttributeDatatype.SingleValueList or ServiceAttributeDatatype.MultiValueList =>
            string.Join("、", values.Select(v => d.Values.First(o => o.Key == v).Name)),
        ServiceAttributeDatatype.Datetime => Open311Time.FormatLocal(Open311Time.Parse(values[0])!.Value),
        _ => values[0],
    };

    private static string FieldOf(string where) => where switch
    {
        "lon" or "lat" => "lat/long",
        "address" => "address_string",
        "reporterPhone" => "phone",
        "reporterName" => "first_name/last_name",
        "categoryCode" => "service_code",
        _ => where,
    };

    private static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff';
}
