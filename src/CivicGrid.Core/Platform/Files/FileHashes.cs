using System.Security.Cryptography;

namespace CivicGrid.Platform.Files;

public static class FileHashes
{
    public static string Of(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>64 lowercase hex digits: the only names the store accepts (no path tricks).</summary>
    public static bool IsValid(string? hash) =>
        hash is { Length: 64 } && hash.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    public static string? Normalize(string? hash)
    {
        var h = hash?.Trim().ToLowerInvariant();
        return IsValid(h) ? h : null;
    }
}
