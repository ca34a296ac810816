using System.Text.RegularExpressions;
using CivicGrid.Accounts;
using CivicGrid.Cases;
using CivicGrid.Cases.Catalog;
using CivicGrid.Cases.Routing;
using CivicGrid.Data;
using CivicGrid.Grid;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Public;

/// <summary>An open report near the resident's point, as much as the public may see of it.</summary>
public sealed record NearbyReport(string Number, string? CategoryName, string Description, double DistanceMetres, DateTimeOffset ReportedAt,
    string StatusText, int Supporters, double Lon, double Lat);

/// <summary>
/// “是否是同一个问题？”: the loop's duplicate finder (open cases of the category within its radius and days) run for
/// the public. The finder filters by what a scope sees, so it runs with a read-only view of the point's district;
/// only the number, category, a shortened description with phone numbers masked, distance, time, support count and the
/// place rounded to about ten metres leave this class.
/// </summary>
public sealed partial class PublicNearby(AppDbContext db, DuplicateFinder finder, RegionLocator locator)
{
    public const int MaxResults = 5;
    private const int MaxDescription = 80;

    public async Task<IReadOnlyList<NearbyReport>> HandleAsync(double lon, double lat, string? categoryCode, string? text, CancellationToken ct = default)
    {
        if (await locator.LocateAsync(lon, lat, ct) is not { } hit)
        {
            return [];
        }

        var districtView = new AccessScope(Guid.Empty, "", [new RoleAssignment { Role = AppRole.Leader, RegionCode = hit.Path[0].Code }]);
        var code = string.IsNullOrWhiteSpace(categoryCode) ? null : CategoryCodes.Normalize(categoryCode);
        var found = (await finder.NearbyAsync(districtView, lon, lat, code, text, null, ct)).Take(MaxResults).ToList();
        if (found.Count == 0)
        {
            return [];
        }

        var codes = found.Select(f => f.CategoryCode).OfType<string>().Distinct().ToList();
        var names = await db.Set<CaseCategory>().AsNoTracking().Where(k => codes.Contains(k.Code)).ToDictionaryAsync(k => k.Code, k => k.Name, ct);
        var ids = found.Select(f => f.Id).ToList();
        var supporters = await SupportCase.CountsAsync(db, ids, ct);
        var places = await db.Set<Case>().AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => (c.Lon ?? lon, c.Lat ?? lat), ct);
        return found.Select(f => new NearbyReport(
            f.Number, f.CategoryCode is null ? null : names.GetValueOrDefault(f.CategoryCode), Shorten(MaskPhones(f.Description)), f.DistanceMetres,
            f.ReportedAt, PublicTimeline.Status(Enum.Parse<CaseStatus>(f.Status)).Text, supporters.GetValueOrDefault(f.Id),
            Math.Round(places[f.Id].Item1, 4), Math.Round(places[f.Id].Item2, 4))).ToList();
    }

    /// <summary>Mobile numbers inside a description are someone's personal data: 138****1234.</summary>
    public static string MaskPhones(string text) => MobileNumber().Replace(text, m => m.Value[..3] + "****" + m.Value[7..]);

    private static string Shorten(string text) => text.Length <= MaxDescription ? text : text[..MaxDescription] + "…";

    [GeneratedRegex(@"(?<!\d)1\d{10}(?!\d)")]
    private static partial Regex MobileNumber();
}
