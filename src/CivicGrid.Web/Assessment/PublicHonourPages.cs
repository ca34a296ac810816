using CivicGrid.Assessment;
using CivicGrid.Web.Platform;
using CivicGrid.Web.Public;

namespace CivicGrid.Web.Assessment;

/// <summary>/public/honours: the public red/black list page (红黑榜公示), anyone, rate limited; 404 while switched off.</summary>
public static class PublicHonourPages
{
    public const string Path = "/public/honours";

    public static void MapPublicHonourPages(this IEndpointRouteBuilder app) =>
        app.MapGet(Path, Show).AllowAnonymous().RequireRateLimiting(RateLimiting.Public).ExcludeFromDescription();

    private static async Task<IResult> Show(PublicHonours honours, HttpResponse response, CancellationToken ct)
    {
        // A newly published run or the switch turned off must show at once.
        response.Headers.CacheControl = "no-cache";
        return await honours.PublishedAsync(ct) is { } boards
            ? PublicResponses.Page<PublicHonourPage>(new Dictionary<string, object?> { [nameof(PublicHonourPage.Boards)] = boards })
            : PublicResponses.Message(404, "红黑榜未公开", "红黑榜公示页尚未开放，请以区文明办发布的通报为准。");
    }
}
