using CivicGrid.Accounts;
using CivicGrid.Cases.Attachments;
using CivicGrid.Platform;
using CivicGrid.Platform.Files;
using CivicGrid.Public;
using Microsoft.Net.Http.Headers;

namespace CivicGrid.Web.Public;

/// <summary>/track/{token}: the resident's private page of his case, its photos, and the evaluation form.</summary>
public static class TrackingPages
{
    public static void MapTrackingPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/track/{token}", Show);
        pages.MapPost("/track/{token}/evaluation", Evaluate);
        pages.MapGet("/track/{token}/photos/{id}", (string token, string id, TrackCase tracking, FileDownloads files, CancellationToken ct) =>
            Photo(token, id, FileVariant.Public, tracking, files, ct));
        pages.MapGet("/track/{token}/photos/{id}/thumbnail", (string token, string id, TrackCase tracking, FileDownloads files, CancellationToken ct) =>
            Photo(token, id, FileVariant.Thumbnail, tracking, files, ct));
    }

    private static async Task<IResult> Show(string token, string? just, HttpContext http, TrackCase tracking, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        return await tracking.HandleAsync(token, ct) is { } tracked
            ? Page(http, token, tracked, just is "new" or "supported" or "evaluated" ? just : null)
            : PublicResponses.LinkNotFound();
    }

    private static async Task<IResult> Evaluate(string token, HttpContext http, TrackCase tracking, EvaluateTrackedCase evaluate,
        PublicSubmissionLimits limits, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(ct) : null;
        var evaluation = form?["evaluation"].ToString();
        var comment = form?["comment"].ToString();
        if (limits.TryAcquire(http, null) is { } refusal)
        {
            return PublicResponses.TooMany(http, refusal.Message, refusal.RetryAfter);
        }

        var outcome = await evaluate.HandleAsync(token, new TrackedEvaluation(evaluation, comment), ct);
        if (outcome.Succeeded)
        {
            return Results.Redirect($"/track/{token}?just=evaluated", permanent: false, preserveMethod: false);
        }

        if (outcome.Status == OutcomeStatus.NotFound || await tracking.HandleAsync(token, ct) is not { } tracked)
        {
            return PublicResponses.LinkNotFound();
        }

        var status = outcome.Status switch
        {
            OutcomeStatus.Conflict => 409,
            OutcomeStatus.Forbidden => 403,
            _ => 400,
        };
        return Page(http, token, tracked, null, outcome.Message, evaluation, comment, status);
    }

    private static IResult Page(HttpContext http, string token, TrackedCase tracked, string? just, string? error = null, string? evaluation = null,
        string? comment = null, int status = 200) =>
        PublicResponses.Page<TrackPage>(new Dictionary<string, object?>
        {
            ["Case"] = tracked,
            ["Token"] = token,
            ["Link"] = PublicResponses.TrackingLink(http.Request, token),
            ["Just"] = just,
            ["EvaluationError"] = error,
            ["Evaluation"] = evaluation,
            ["Comment"] = comment,
        }, status);

    /// <summary>Only photos the page shows, and only their public copy (EXIF removed) or thumbnail.</summary>
    private static async Task<IResult> Photo(string token, string id, FileVariant variant, TrackCase tracking, FileDownloads files, CancellationToken ct)
    {
        var hash = FileHashes.Normalize(id);
        if (hash is null || !await tracking.ShowsPhotoAsync(token, hash, ct)
            || await files.OpenAsync(AccessScope.Anonymous, hash, variant, ct) is not { } file)
        {
            return PublicResponses.Message(404, "照片不存在", "没有找到这张照片。");
        }

        return new PrivatePhoto(TypedResults.Stream(file.Content, file.ContentType, entityTag: new EntityTagHeaderValue(file.ETag)));
    }

    /// <summary>A tracked photo: cached by the phone only (the link is private), never sniffed.</summary>
    private sealed class PrivatePhoto(IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.CacheControl = "private, max-age=86400";
            httpContext.Response.Headers.XContentTypeOptions = "nosniff";
            return inner.ExecuteAsync(httpContext);
        }
    }
}
