using System.Security.Cryptography;
using System.Text;

namespace CivicGrid.Open311;

/// <summary>
/// Integration keys: 32 random bytes, so a plain SHA-256 is a sufficient stored form (no password stretching
/// needed for a secret nobody chose); lookups go by the hash.
/// </summary>
public static class ApiKeys
{
    public const string Prefix = "o311_";
    public const int ShownPrefixLength = 9;

    public static string NewKey() => Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key.Trim())));

    public static string ShownPrefix(string key) => key.Trim()[..Math.Min(ShownPrefixLength, key.Trim().Length)];

    /// <summary>A short random token for a submitted request (tokens/{token}).</summary>
    public static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
}
