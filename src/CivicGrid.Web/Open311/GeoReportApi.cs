using System.Text.RegularExpressions;
using CivicGrid.Cases.Catalog;
using CivicGrid.Open311;
using CivicGrid.Platform;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace CivicGrid.Web.Open311;

/// <summary>The Open311 GeoReport v2 server at /open311/v2 (CONTRACT.md): every resource as .xml and .json.</summary>
public static partial class GeoReportApi
{
    public const string Prefix = "/open311/v2";

    public static void MapGeoReportApi(this IEndpointRouteBuilder app)
    {
        var v2 = app.MapGroup(Prefix).RequireRateLimiting(Open311RateLimitPolicy.Name).ExcludeFromDescription()
            .AddEndpointFilter(GeneralServiceError);
        v2.MapGet("/discovery.{format}", Discovery);
        v2.MapGet("/services.{format}", Services);
        v2.MapGet("/services/{service_code}.{format}", Definition);
        v2.MapGet("/requests.{format}", Requests);
        v2.MapPost("/requests.{format}", Submit).DisableAntiforgery();
        v2.MapGet("/requests/{service_request_id}.{format}", Request);
        v2.MapGet("/tokens/{token}.{format}", Token);
        v2.Map("/{**rest}", (HttpContext ctx) => Open311Results.Errors(Open311Results.FormatOfPath(ctx.Request.Path), 404,
            [$"没有这个 Open311 资源：{ctx.Request.Method} {ctx.Request.Path}。可用资源见 {Prefix}/discovery.xml。"]));
    }

    private static async Task<IResult> Discovery(string format, HttpContext ctx, CategoryQueries categories, IOptions<Open311Options> options, CancellationToken ct)
    {
        if (Open311Results.ParseFormat(format) is not { } f)
        {
            return UnknownFormat(format);
        }

        var all = await categories.AllAsync(ct: ct);
        var changeset = all.Count == 0 ? DateTimeOffset.UnixEpoch : all.Max(c => c.UpdatedAt);
        var url = $"{ctx.Request.Scheme}://{ctx.Request.Host}{ctx.Request.PathBase}{Prefix}";
        return Open311Results.Document(f, "discovery", Open311Documents.Discovery(url, changeset, options.Value.Contact, options.Value.KeyService));
    }

    private static async Task<IResult> Services(string format, string? jurisdiction_id, Jurisdictions jurisdictions, ServiceCatalog catalog, CancellationToken ct)
    {
        if (Open311Results.ParseFormat(format) is not { } f)
        {
            return UnknownFormat(format);
        }

        var jurisdiction = await jurisdictions.ResolveAsync(jurisdiction_id, ct);
        return jurisdiction.Succeeded
            ? Open311Results.Document(f, "services", Open311Documents.Services(await catalog.ListAsync(ct)))
            : Failure(f, jurisdiction);
    }

    private static async Task<IResult> Definition(string service_code, string format, string? jurisdiction_id, Jurisdictions jurisdictions,
        ServiceCatalog catalog, CancellationToken ct)
    {
        if (Open311Results.ParseFormat(format) is not { } f)
        {
            return UnknownFormat(format);
        }

        var jurisdiction = await jurisdictions.ResolveAsync(jurisdiction_id, ct);
        if (!jurisdiction.Succeeded)
        {
            return Failure(f, jurisdiction);
        }

        return await catalog.DefinitionAsync(service_code, ct) is { } definition
            ? Open311Results.Document(f, "service_definition", Open311Documents.Definition(definition))
            : Open311Results.Errors(f, 404, [$"service_code“{PublicText.Clip(service_code)}”不存在或不受理公众上报。"]);
    }

    private static async Task<IResult> Requests(string format, string? jurisdiction_id, string? service_request_id, string? service_code,
        string? start_date, string? end_date, string? status, ServiceRequestQueries queries, CancellationToken ct)
    {
        if (Open311Results.ParseFormat(format) is not { } f)
        {
            return UnknownFormat(format);
        }

        var outcome = await queries.ListAsync(new ServiceRequestFilter(jurisdiction_id, service_request_id, service_code, start_date, end_date, status), ct);
        return outcome.Succeeded
            ? Open311Results.Document(f, "service_requests", Open311Documents.Requests(outcome.Value!))
            : Failure(f, outcome);
    }

    private static async Task<IResult> Request(string service_request_id, string format, string? jurisdiction_id, ServiceRequestQueries queries, CancellationToken ct)
    {
        if (Open311Results.ParseFormat(format) is not { } f)
        {
            return UnknownFormat(format);
        }

        var outcome = await queries.GetAsync(jurisdiction_id, service_request_id, ct);
        return outcome.Succeeded
            ? Open311Results.Document(f, "service_requests", Open311Documents.Requests([outcome.Value!]))
            : Failure(f, outcome);
    }

    private static async Task<IResult> Token(string token, string format, string? jurisdiction_id, ServiceRequestQueries queries, CancellationToken ct)
    {
        if (Open311Results.ParseFormat(format) is not { } f)
        {
            return UnknownFormat(format);
        }

        var outcome = await queries.TokenAsync(jurisdiction_id, token, ct);
        return outcome.Succeeded
            ? Open311Results.Document(f, "service_requests", Open311Documents.Token(outcome.Value!))
            : Failure(f, outcome);
    }

    private static async Task<IResult> Submit(string format, HttpContext ctx, SubmitServiceRequest handler, IOptions<Open311Options> options, CancellationToken ct)
    {
        if (Open311Results.ParseFormat(format) is not { } f)
        {
            return UnknownFormat(format);
        }

        var (form, problem) = await ReadFormAsync(ctx.Request, options.Value.MaxFormBytes, handler.MaxDescriptionLength, ct);
        if (form is null)
        {
            return Open311Results.Errors(f, 400, [problem!]);
        }

        // Only jurisdiction_id may also come in the query string: an api_key in a URL would end up in access logs.
        string? Field(string name) => form.TryGetValue(name, out var v) && !StringValues.IsNullOrEmpty(v) ? v.ToString()
            : name == "jurisdiction_id" && ctx.Request.Query.TryGetValue(name, out var q) && !StringValues.IsNullOrEmpty(q) ? q.ToString() : null;

        var attributes = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (key, values) in form)
        {
            if (AttributeKey().Match(key) is { Success: true } m)
            {
                var code = m.Groups[1].Value;
                attributes[code] = [.. attributes.GetValueOrDefault(code) ?? [], .. values.OfType<string>()];
            }
        }

        var submission = new ServiceRequestSubmission(
            Field("api_key"), Field("jurisdiction_id"), Field("service_code"), Field("lat"), Field("long"), Field("address_string"),
            Field("address_id"), Field("email"), Field("first_name"), Field("last_name"), Field("phone"), Field("description"),
            Field("media_url"), attributes);
        var outcome = await handler.HandleAsync(submission, ct);
        if (!outcome.Succeeded)
        {
            return Failure(f, outcome);
        }

        var created = outcome.Value!;
        ctx.Response.Headers["X-Open311-Token"] = created.Token;
        ctx.Response.Headers.Location = $"{ctx.Request.PathBase}{Prefix}/requests/{created.ServiceRequestId}.{format}";
        var status = outcome.Status == OutcomeStatus.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK;
        return Open311Results.Document(f, "service_requests", Open311Documents.Submitted(created), status);
    }

    /// <summary>Reads the url-encoded (or multipart) form within a size limit; oversized or malformed bodies are 400s, not 500s.</summary>
    private static async Task<(IFormCollection? Form, string? Problem)> ReadFormAsync(HttpRequest request, int maxBytes, int maxDescription, CancellationToken ct)
    {
        var tooLarge = $"提交的内容过大（上限 {maxBytes / 1024} KB）：description（问题描述）不能超过 {maxDescription} 个字，图片请以 media_url 提供链接。";
        if (!request.HasFormContentType)
        {
            return (null, "请以表单提交（Content-Type: application/x-www-form-urlencoded; charset=utf-8）。");
        }

        if (request.ContentLength > maxBytes)
        {
            return (null, tooLarge);
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = maxBytes;
        }

        try
        {
            return (await request.ReadFormAsync(new FormOptions { ValueLengthLimit = maxBytes, MultipartBodyLengthLimit = maxBytes }, ct), null);
        }
        catch (InvalidDataException)
        {
            return (null, tooLarge);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, tooLarge);
        }
        catch (BadHttpRequestException)
        {
            return (null, "表单格式不正确，无法解析。");
        }
    }

    private static IResult Failure<T>(Open311Format format, Outcome<T> outcome) => outcome.Status switch
    {
        OutcomeStatus.NotFound => Open311Results.Errors(format, 404, [outcome.Message!]),
        OutcomeStatus.Forbidden => Open311Results.Errors(format, 403, [outcome.Message!]),
        _ when outcome.Problems.Count > 0 => Open311Results.Errors(format, 400, outcome.Problems.Select(p => p.Message)),
        _ => Open311Results.Errors(format, 400, [outcome.Message ?? "请求无效。"]),
    };

    private static IResult UnknownFormat(string format) =>
        Open311Results.Errors(Open311Format.Xml, 404, [$"不支持的格式“{PublicText.Clip(format)}”：请使用 .xml 或 .json。"]);

    /// <summary>
    /// The specification's "400 General service error": anything failing while processing becomes a 400 in the
    /// requested format (logged with its trace id) rather than a server error page.
    /// </summary>
    private static async ValueTask<object?> GeneralServiceError(EndpointFilterInvocationContext ctx, EndpointFilterDelegate next)
    {
        try
        {
            return await next(ctx);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var http = ctx.HttpContext;
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(GeoReportApi))
                .LogError(e, "Open311 请求 {Method} {Path} 处理失败", http.Request.Method, http.Request.Path);
            return Open311Results.Errors(Open311Results.FormatOfPath(http.Request.Path), 400,
                [$"服务处理请求时出错，请稍后重试；如仍失败请联系平台管理员（错误编号 {http.TraceIdentifier}）。"]);
        }
    }

    [GeneratedRegex(@"^attribute\[([^\[\]]{1,64})\](\[\])?$")]
    private static partial Regex AttributeKey();
}
