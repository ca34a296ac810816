using System.Text.RegularExpressions;

namespace CivicGrid.Standards;

/// <summary>Point codes: letters, digits and hyphens, stored in upper case (NMSC-0001), so a typed nmsc-0001 finds it too.</summary>
public static partial class PointCodes
{
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9\-]{0,31}$")]
    private static partial Regex Pattern();

    public static bool IsValid(string? code) => code is not null && Pattern().IsMatch(code.Trim());

    public static string Normalize(string? code) => (code ?? "").Trim().ToUpperInvariant();
}
