using System.Security.Cryptography;
using System.Text;

namespace CivicGrid.Public;

/// <summary>Tracking tokens: 128 random bits, base64url (22 characters); stored as their SHA-256.</summary>
public static class TrackingTokens
{
    public static string New() => Base64Url(RandomNumberGenerator.GetBytes(16));

    /// <summary>The stored form of a token; null for text that cannot be a token (so it is never looked up).</summary>
    public static string? Hash(string? token) =>
        token is { Length: 22 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)))
            : null;

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
