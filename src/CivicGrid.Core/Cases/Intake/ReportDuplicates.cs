using System.Security.Cryptography;
using System.Text;
using CivicGrid.Cases.Routing;

namespace CivicGrid.Cases.Intake;

/// <summary>What recognizes a resubmission of a report: who sent it, what it says, where, and when.</summary>
public sealed record ReportFingerprint(long Id, string? ContentHash, string? Phone, Guid? UserId, string? AddressHash,
    double? Lon, double? Lat, string? Address, DateTimeOffset ReportedAt)
{
    public static ReportFingerprint Of(Case c) =>
        new(c.Id, c.ContentHash, c.ReporterPhone, c.ReporterUserId, c.ReporterAddressHash, c.Lon, c.Lat, c.Address, c.ReportedAt);
}

/// <summary>
/// The same report sent twice (a double tap, a resend after a timeout, a second front door): the same reporter — phone,
/// account or network address — with the same text, after normalizing, at the same place within a short window.
/// </summary>
public static class ReportDuplicates
{
    /// <summary>Full-width to half-width, lower case, letters and digits only: "路灯 不亮！" and "路灯不亮" are the same text.</summary>
    public static string Normalize(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(folded.Length);
        foreach (var ch in folded)
        {
            if (char.IsLetterOrDigit(ch))
            {
                sb.Append(char.ToLowerInvariant(ch));
            }
        }

        return sb.ToString();
    }

    public static string ContentHash(string description) => Hash("text:" + Normalize(description));

    /// <summary>A hash of the client's address; null when unknown.</summary>
    public static string? AddressHash(string? clientAddress) =>
        string.IsNullOrWhiteSpace(clientAddress) ? null : Hash("addr:" + clientAddress.Trim());

    public static bool IsSameReport(ReportFingerprint first, ReportFingerprint again, IntakeOptions options) =>
        first.ContentHash is not null && first.ContentHash == again.ContentHash
        && again.ReportedAt - first.ReportedAt <= options.DuplicateWindow
        && SameReporter(first, again) && SamePlace(first, again, options.DuplicateRadiusMetres);

    private static bool SameReporter(ReportFingerprint a, ReportFingerprint b) =>
        (a.Phone is not null && a.Phone == b.Phone)
        || (a.UserId is not null && a.UserId == b.UserId)
        || (a.AddressHash is not null && a.AddressHash == b.AddressHash);

    private static bool SamePlace(ReportFingerprint a, ReportFingerprint b, double radiusMetres) =>
        (a.Lon, a.Lat, b.Lon, b.Lat) is ({ } lon1, { } lat1, { } lon2, { } lat2)
            ? DuplicateFinder.Haversine(lat1, lon1, lat2, lon2) <= radiusMetres
            : a.Lon is null && b.Lon is null && Normalize(a.Address ?? "") == Normalize(b.Address ?? "");

    private static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 8));
}
