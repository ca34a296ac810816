using CivicGrid.Accounts;
using CivicGrid.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicGrid.Cases.Routing;

/// <summary>A possible duplicate: an open case of the same category nearby, with its distance and text similarity.</summary>
public sealed record DuplicateCandidate(
    long Id, string Number, string Status, string? CategoryCode, string Description, DateTimeOffset ReportedAt, double DistanceMetres, double Similarity);

/// <summary>
/// Duplicate suggestion (重复案卷): open cases of the same category within <see cref="RoutingOptions.DuplicateRadiusMetres"/>
/// reported in the last <see cref="RoutingOptions.DuplicateDays"/> days, that the caller can see, ranked by the cosine
/// similarity of their character bigrams. The database prefilters by a lat/lon box; haversine decides.
/// </summary>
public sealed class DuplicateFinder(AppDbContext db, IOptions<RoutingOptions> options, TimeProvider clock)
{
    private static readonly CaseStatus[] Closed = [CaseStatus.Closed, CaseStatus.Evaluated, CaseStatus.Rejected, CaseStatus.Merged];

    /// <summary>Null when the case does not exist or the caller cannot see it.</summary>
    public async Task<IReadOnlyList<DuplicateCandidate>?> ForCaseAsync(AccessScope scope, long caseId, CancellationToken ct)
    {
        var c = await db.Set<Case>().AsNoTracking().Include(x => x.Assignments).FirstOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is null || !CaseAccess.CanSee(scope, c))
        {
            return null;
        }

        return c.Lon is { } lon && c.Lat is { } lat && c.CategoryCode is { } code
            ? await NearbyAsync(scope, lon, lat, code, c.Description, c.Id, ct)
            : [];
    }

    public async Task<IReadOnlyList<DuplicateCandidate>> NearbyAsync(AccessScope scope, double lon, double lat, string? categoryCode, string? text,
        long? exceptId, CancellationToken ct)
    {
        var radius = options.Value.DuplicateRadiusMetres;
        var since = clock.GetUtcNow().AddDays(-options.Value.DuplicateDays);
        var dLat = radius / 111_320.0 * 1.01;
        var dLon = dLat / Math.Max(0.01, Math.Cos(lat * Math.PI / 180));
        var query = db.Set<Case>().AsNoTracking().Where(CaseAccess.Visible(scope))
            .Where(c => !Closed.Contains(c.Status) && c.ReportedAt >= since
                        && c.Lat >= lat - dLat && c.Lat <= lat + dLat && c.Lon >= lon - dLon && c.Lon <= lon + dLon);
        if (categoryCode is not null)
        {
            query = query.Where(c => c.CategoryCode == categoryCode);
        }

        if (exceptId is { } id)
        {
            query = query.Where(c => c.Id != id);
        }

        var rows = await query.OrderByDescending(c => c.ReportedAt).Take(500)
            .Select(c => new { c.Id, c.Status, c.CategoryCode, c.Description, c.ReportedAt, c.Lon, c.Lat }).ToListAsync(ct);
        var probe = TextSimilarity.Bigrams(text ?? "");
        return rows
            .Select(r => new DuplicateCandidate(r.Id, CaseNumbers.Format(r.ReportedAt, r.Id), r.Status.ToString(), r.CategoryCode, r.Description, r.ReportedAt,
                Math.Round(Haversine(lat, lon, r.Lat!.Value, r.Lon!.Value), 1), Math.Round(TextSimilarity.Cosine(probe, TextSimilarity.Bigrams(r.Description)), 4)))
            .Where(d => d.DistanceMetres <= radius)
            .OrderByDescending(d => d.Similarity).ThenBy(d => d.DistanceMetres).ThenByDescending(d => d.ReportedAt)
            .Take(20).ToList();
    }

    public static double Haversine(double lat1, double lon1, double lat2, double lon2)
    {
        const double R = 6_371_000;
        var dLat = (lat2 - lat1) * Math.PI / 180;
        var dLon = (lon2 - lon1) * Math.PI / 180;
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2))
                + (Math.Cos(lat1 * Math.PI / 180) * Math.Cos(lat2 * Math.PI / 180) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * R * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
