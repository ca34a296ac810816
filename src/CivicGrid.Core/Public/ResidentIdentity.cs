using CivicGrid.Accounts;
using CivicGrid.Platform;

namespace CivicGrid.Public;

/// <summary>
/// Who a resident on the public pages is to the case loop: no account, only a pseudonymous identity per report,
/// named as the intake names anonymous residents (市民138****1234).
/// </summary>
public static class ResidentIdentity
{
    public static string Name(string? phone) => "市民" + (PersonalData.MaskPhone(phone?.Trim()) ?? "");

    public static AccessScope Scope(Guid reporterKey, string? phone) => new(reporterKey, Name(phone), []);

    /// <summary>Keys from the page (a UUID or similar); anything else is not trusted as a key.</summary>
    public static string? CleanKey(string? key)
    {
        var k = key?.Trim();
        return k is { Length: >= 8 and <= 64 } && k.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? k : null;
    }
}
