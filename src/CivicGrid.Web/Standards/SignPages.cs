using CivicGrid.Accounts;
using CivicGrid.Standards;
using CivicGrid.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CivicGrid.Web.Standards;

/// <summary>The public sign page of a point (亮牌, anyone, rate-limited) and the console's printable signs.</summary>
public static class SignPages
{
    /// <summary>More signs than this in one print job are refused (narrow by region).</summary>
    public const int MaxPrint = 300;

    public static void MapSignPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/p/points/{code}", Sign).AllowAnonymous().RequireRateLimiting(RateLimiting.Public).ExcludeFromDescription();
        app.MapGet("/standards/signs/print", Print).RequireAuthorization().ExcludeFromDescription();
    }

    private static async Task<IResult> Sign(string code, PointSigns signs, IOptions<StandardsOptions> options, HttpResponse response, CancellationToken ct)
    {
        var sign = code.Length <= 32 ? await signs.GetAsync(code, ct) : null;
        // A new inspection result must show at once, also on a phone that scanned the code before.
        response.Headers.CacheControl = "no-cache";
        return new RazorComponentResult<PointSignPage>(new Dictionary<string, object?>
        {
            [nameof(PointSignPage.Sign)] = sign,
            [nameof(PointSignPage.Code)] = code,
            [nameof(PointSignPage.Options)] = options.Value,
        })
        { StatusCode = sign is null ? StatusCodes.Status404NotFound : StatusCodes.Status200OK };
    }

    private static async Task<IResult> Print(string? code, string? categoryCode, string? regionCode, string? paper, PointQueries queries, PointSigns signs,
        SignQrCodes qr, IOptions<StandardsOptions> options, AccessScope scope, HttpRequest request, CancellationToken ct)
    {
        List<string> codes;
        string title;
        if (!string.IsNullOrWhiteSpace(code))
        {
            var point = await queries.GetAsync(scope, code, ct);
            if (point is null)
            {
                return Problems.NotFound($"点位 {code} 不存在或您无权查看。");
            }

            (codes, title) = ([point.Code], point.Name + " 责任牌");
        }
        else if (!string.IsNullOrWhiteSpace(categoryCode))
        {
            var rows = await queries.ExportAsync(scope, new PointFilter(categoryCode, regionCode), ct);
            if (!rows.Succeeded)
            {
                return rows.ToHttp(r => r);
            }

            if (rows.Value!.Count > MaxPrint)
            {
                return Problems.BadRequest($"一次最多打印 {MaxPrint} 张，该类共 {rows.Value.Count} 个点位，请按镇街分批打印（regionCode）。");
            }

            (codes, title) = (rows.Value.Select(r => r.Code).ToList(), rows.Value.FirstOrDefault()?.CategoryName + " 责任牌");
        }
        else
        {
            return Problems.BadRequest("请指定点位编码（code）或点位类别（categoryCode）。");
        }

        var items = (await signs.GetManyAsync(codes, ct)).Select(s =>
        {
            var url = qr.SignUrl(request, s.Code);
            return new PrintSigns.Item(s, url, SignQrCodes.PngDataUri(url, 8));
        }).ToList();
        var isA4 = string.Equals(paper, "A4", StringComparison.OrdinalIgnoreCase);
        var switchQuery = QueryString.Create(new Dictionary<string, string?>
        {
            ["code"] = code,
            ["categoryCode"] = categoryCode,
            ["regionCode"] = regionCode,
            ["paper"] = isA4 ? "A5" : "A4",
        }.Where(kv => !string.IsNullOrWhiteSpace(kv.Value)));
        return new RazorComponentResult<PrintSigns>(new Dictionary<string, object?>
        {
            [nameof(PrintSigns.Signs)] = items,
            [nameof(PrintSigns.Title)] = title,
            [nameof(PrintSigns.Paper)] = isA4 ? "A4" : "A5",
            [nameof(PrintSigns.SwitchPaperUrl)] = request.Path + switchQuery.ToString(),
            [nameof(PrintSigns.Options)] = options.Value,
        });
    }
}
