using System.Globalization;
using CivicGrid.Platform;
using CivicGrid.Platform.Files;
using CivicGrid.Public;

namespace CivicGrid.Web.Public;

/// <summary>What the 随手拍 form holds, as typed (so a refused form comes back exactly as the resident left it).</summary>
public sealed record ReportFormValues(
    string IdempotencyKey, string? Description = null, string? CategoryCode = null, string? Lon = null, string? Lat = null,
    string? Address = null, string? Phone = null, string? PointCode = null, string? PointName = null, IReadOnlyList<string>? PhotoIds = null)
{
    public IReadOnlyList<string> Photos => PhotoIds ?? [];

    public static string NewKey() => Guid.NewGuid().ToString("D");

    /// <summary>
    /// A fresh form, pre-filled from a 亮牌 sign's link (<c>?point=CODE&amp;lon=..&amp;lat=..&amp;name=..</c>).
    /// Parameters that do not make sense are dropped rather than shown.
    /// </summary>
    public static ReportFormValues FromQuery(IQueryCollection query)
    {
        var lon = Coordinate(query["lon"], 180);
        var lat = Coordinate(query["lat"], 90);
        if (lon is null || lat is null)
        {
            (lon, lat) = (null, null);
        }

        var code = Clean(query["point"], 40);
        code = code is not null && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') ? code : null;
        var name = Clean(query["name"], 50);
        return new ReportFormValues(NewKey(), Lon: lon, Lat: lat, PointCode: name is null ? null : code, PointName: name);
    }

    public static ReportFormValues FromForm(IFormCollection form) => new(
        ResidentIdentity.CleanKey(form["idempotencyKey"]) ?? NewKey(),
        Clean(form["description"], 4000, multiline: true), Clean(form["categoryCode"], 16), Clean(form["lon"], 40), Clean(form["lat"], 40),
        Clean(form["address"], 400), Clean(form["phone"], 40), Clean(form["pointCode"], 40), Clean(form["pointName"], 50),
        form["photoIds"].Select(FileHashes.Normalize).OfType<string>().Distinct().Take(AttachmentLimit).ToList());

    private const int AttachmentLimit = 9;

    /// <summary>The coordinates, when both are given and are numbers; null when neither is; a problem otherwise.</summary>
    public (double? Lon, double? Lat, Problem? Problem) Location()
    {
        if (Lon is null && Lat is null)
        {
            return (null, null, null);
        }

        return Coordinate(Lon, 180) is { } lon && Coordinate(Lat, 90) is { } lat
            ? (double.Parse(lon, CultureInfo.InvariantCulture), double.Parse(lat, CultureInfo.InvariantCulture), null)
            : (null, null, new Problem("location", "位置坐标无效，请重新在地图上选择位置。"));
    }

    public PublicReportRequest ToRequest(double? lon, double? lat, IReadOnlyList<string> photos) =>
        new(Description, CategoryCode, lon, lat, Address, Phone, IdempotencyKey, photos, PointName, PointCode);

    private static string? Coordinate(string? text, double limit) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) && Math.Abs(v) <= limit
            ? v.ToString("0.######", CultureInfo.InvariantCulture)
            : null;

    private static string? Clean(string? text, int max, bool multiline = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = new string(text.Trim().Where(c => !char.IsControl(c) || (multiline && c is '\n' or '\r')).ToArray());
        return t.Length == 0 ? null : t[..Math.Min(t.Length, max)];
    }
}
