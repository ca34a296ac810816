using CivicGrid.Cases.Routing;
using CivicGrid.Grid;
using CivicGrid.Platform;
using CivicGrid.Public;
using CivicGrid.Web.Platform;

namespace CivicGrid.Web.Public;

/// <summary>The JSON the 随手拍 page calls (no login, rate limited): suggestions, nearby reports, +1, the map, submitting.</summary>
public static class PublicApi
{
    public const int MaxSuggestText = 500;

    public sealed record Suggestion(string Code, string Name, double Confidence);

    public sealed record Nearby(string Number, string? CategoryName, string Description, double DistanceMetres, DateTimeOffset ReportedAt,
        string StatusText, int Supporters, double Lon, double Lat);

    public sealed record Submitted(string Number, string TrackingUrl, bool IsNew);

    public sealed record Supported(string Number, string TrackingUrl, int Supporters, bool IsNew);

    public sealed record Place(string? Name, string? TownCode, bool Covered);

    public sealed record SupportBody(string? Phone, string? IdempotencyKey);

    public static void MapPublicApi(this RouteGroupBuilder api)
    {
        api.MapGet("/categories/suggest", Suggest);
        api.MapGet("/nearby", NearbyReports);
        api.MapGet("/places", PlaceOf);
        api.MapGet("/map/towns", async (PublicMap map, CancellationToken ct) =>
            Results.Bytes(await map.TownsAsync(ct), GridGeoJson.MediaType));
        api.MapGet("/map/towns/{code}/communities", async (string code, PublicMap map, CancellationToken ct) =>
            await map.CommunitiesAsync(code, ct) is { } json ? Results.Bytes(json, GridGeoJson.MediaType) : Problems.NotFound($"镇街“{code}”不存在。"));
        api.MapPost("/reports", Report);
        api.MapPost("/cases/{number}/support", Support);
    }

    private static async Task<IResult> Suggest(string? text, ICategorySuggester suggester, CancellationToken ct)
    {
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t))
        {
            return TypedResults.Ok(Array.Empty<Suggestion>());
        }

        var found = await suggester.SuggestAsync(t[..Math.Min(t.Length, MaxSuggestText)], 3, ct);
        return TypedResults.Ok(found.Select(s => new Suggestion(s.Code, s.Name, Math.Round(s.Confidence, 3))).ToList());
    }

    private static async Task<IResult> NearbyReports(string? lon, string? lat, string? categoryCode, string? text, PublicNearby nearby, CancellationToken ct)
    {
        if (Point(lon, lat) is not { } p)
        {
            return Problems.BadRequest("请提供有效的位置（lon、lat 为经纬度）。");
        }

        var t = text?.Trim();
        var found = await nearby.HandleAsync(p.Lon, p.Lat, categoryCode, t?[..Math.Min(t.Length, MaxSuggestText)], ct);
        return TypedResults.Ok(found.Select(n => new Nearby(n.Number, n.CategoryName, n.Description, n.DistanceMetres, n.ReportedAt, n.StatusText,
            n.Supporters, n.Lon, n.Lat)).ToList());
    }

    private static async Task<IResult> PlaceOf(string? lon, string? lat, PublicMap map, CancellationToken ct) =>
        Point(lon, lat) is { } p
            ? await map.PlaceAsync(p.Lon, p.Lat, ct) is { } place
                ? TypedResults.Ok(new Place(place.Name, place.TownCode, true))
                : TypedResults.Ok(new Place(null, null, false))
            : Problems.BadRequest("请提供有效的位置（lon、lat 为经纬度）。");

    private static async Task<IResult> Report(HttpContext http, ReportSubmission submission, CancellationToken ct)
    {
        var result = await submission.HandleAsync(http, ct);
        if (result.Report is { } report)
        {
            var body = new Submitted(report.Number, $"/track/{report.Token}", report.IsNew);
            return report.IsNew ? TypedResults.Created(body.TrackingUrl, body) : TypedResults.Ok(body);
        }

        if (result.Status == 429)
        {
            return PublicResponses.TooMany(http, result.Notice!, result.RetryAfter ?? TimeSpan.FromMinutes(10));
        }

        var errors = result.Errors.Select(e => new { where = e.Key, message = e.Value }).ToList();
        return result.Status == 413
            ? Problems.Create(413, "payload-too-large", "内容过大", result.Errors.GetValueOrDefault("photo") ?? result.Notice,
                new Dictionary<string, object?> { ["errors"] = errors })
            : Problems.Create(result.Status, result.Status == 409 ? "conflict" : "validation", "提交的内容有误", result.Notice,
                new Dictionary<string, object?> { ["errors"] = errors });
    }

    private static async Task<IResult> Support(string number, SupportBody? body, HttpContext http, SupportCase support, PublicSubmissionLimits limits,
        CancellationToken ct)
    {
        if (limits.TryAcquire(http, body?.Phone) is { } refusal)
        {
            return PublicResponses.TooMany(http, refusal.Message, refusal.RetryAfter);
        }

        var outcome = await support.HandleAsync(number, new SupportRequest(body?.Phone, body?.IdempotencyKey), ct);
        return outcome.ToHttp(s => new Supported(s.Number, $"/track/{s.Token}", s.Supporters, s.IsNew), s => s.TrackingUrl);
    }

    private static (double Lon, double Lat)? Point(string? lon, string? lat) =>
        new ReportFormValues("", Lon: lon, Lat: lat).Location() is ({ } x, { } y, null) ? (x, y) : null;
}
