using CivicGrid.Web.Platform;
using Microsoft.Extensions.Options;

namespace CivicGrid.Web.Public;

/// <summary>GET and POST /report: the 随手拍 form as a static page; the plain post is what a phone without script sends.</summary>
public static class ReportPages
{
    public static void MapReportPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/report", (HttpRequest request, ReportSubmission submission, IOptions<CivicGridOptions> civic) =>
            Form(ReportFormValues.FromQuery(request.Query), submission, civic.Value));
        pages.MapPost("/report", Submit);
    }

    private static async Task<IResult> Submit(HttpContext http, ReportSubmission submission, IOptions<CivicGridOptions> civic, CancellationToken ct)
    {
        var result = await submission.HandleAsync(http, ct);
        if (result.Report is { } report)
        {
            // Post/redirect/get: reloading the tracking page never posts the report again.
            return Results.Redirect($"/track/{report.Token}?just=new", permanent: false, preserveMethod: false);
        }

        if (result.RetryAfter is { } after)
        {
            http.Response.Headers.RetryAfter = PublicRequestPolicy.Seconds(after);
        }

        return Form(result.Values, submission, civic.Value, result.Errors, result.Notice, result.Status);
    }

    private static IResult Form(ReportFormValues values, ReportSubmission submission, CivicGridOptions civic,
        IReadOnlyDictionary<string, string>? errors = null, string? notice = null, int status = 200) =>
        PublicResponses.Page<ReportPage>(new Dictionary<string, object?>
        {
            ["Values"] = values,
            ["Errors"] = errors ?? new Dictionary<string, string>(),
            ["Notice"] = notice,
            ["TileUrl"] = civic.MapTileUrl,
            ["MaxPhotos"] = submission.MaxPhotos,
            ["MaxPhotoBytes"] = submission.MaxPhotoBytes,
            ["MaxPhotoText"] = submission.MaxPhotoText,
        }, status);
}
