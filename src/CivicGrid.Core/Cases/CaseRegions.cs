using System.Linq.Expressions;

namespace CivicGrid.Cases;

/// <summary>
/// "The case lies in region X" as a predicate a B-tree index answers. Region codes are digits, a region's code being
/// the prefix of everything below it, so the cases below a region are a range of codes: X ≤ code &lt; X+1 (same length).
/// <c>LIKE 'X%'</c> would say the same, but PostgreSQL uses an index for it only under the C collation, and databases
/// are usually created with a language collation; a range of digit strings sorts alike under every collation.
/// </summary>
public static class CaseRegions
{
    /// <summary>
    /// A district (6 digits or fewer) compares the district column, which also holds the cases that could not be
    /// located; a 镇街 compares the town column; a cell compares equal; anything else is the range, or <c>StartsWith</c> when it is not all digits.
    /// </summary>
    public static Expression<Func<Case, bool>> Within(string region)
    {
        if (region.Length <= 6)
        {
            return c => c.DistrictCode == region;
        }

        if (region.Length == Case.TownCodeLength)
        {
            return c => c.TownCode == region;
        }

        if (region.Length == 15)
        {
            return c => c.RegionCode == region;
        }

        if (Next(region) is { } next)
        {
            // The null test keeps the negation (used for disjoint visibility parts) true for unlocated cases.
            return c => c.RegionCode != null && string.Compare(c.RegionCode, region) >= 0 && string.Compare(c.RegionCode, next) < 0;
        }

        return c => c.RegionCode != null && c.RegionCode.StartsWith(region);
    }

    /// <summary>
    /// The cell codes outside all of <paramref name="regions"/>, as ranges From ≤ code &lt; To in code order (null is an
    /// open end): the gaps between the regions' own ranges (see <see cref="Within"/>). Null when a region is not a digit
    /// code, whose cells are no range. Without regions, one range holds every code.
    /// </summary>
    public static List<(string? From, string? To)>? Outside(IEnumerable<string> regions)
    {
        var ranges = new List<(string From, string To)>();
        foreach (var region in regions)
        {
            if (Next(region) is not { } next)
            {
                return null;
            }

            ranges.Add((region, next));
        }

        ranges.Sort((a, b) => string.CompareOrdinal(a.From, b.From));
        var gaps = new List<(string?, string?)>();
        string? end = null;
        foreach (var (from, to) in ranges)
        {
            if (end is null || string.CompareOrdinal(end, from) < 0)
            {
                gaps.Add((end, from));
            }

            end = end is null || string.CompareOrdinal(to, end) > 0 ? to : end;
        }

        gaps.Add((end, null));
        return gaps;
    }

    /// <summary>The digit string one above <paramref name="code"/>, of the same length; null when not all digits or all nines.</summary>
    internal static string? Next(string code)
    {
        if (code.Length == 0 || !code.All(char.IsAsciiDigit))
        {
            return null;
        }

        var digits = code.ToCharArray();
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            if (digits[i] < '9')
            {
                digits[i]++;
                return new string(digits);
            }

            digits[i] = '0';
        }

        return null;
    }
}
