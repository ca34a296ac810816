using System.Security.Claims;
using System.Security.Cryptography;
using CivicGrid.Accounts;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CivicGrid.Web.Accounts;

/// <summary>Issues bearer tokens for integrations; the signing key lives in the data folder.</summary>
public sealed class TokenService(SigningKeyHolder keys, Microsoft.Extensions.Options.IOptions<Platform.CivicGridOptions> options)
{
    public const string Issuer = "civicgrid";
    public const string Audience = "civicgrid-api";

    public (string Token, DateTimeOffset ExpiresAt) Issue(AppUser user)
    {
        // Microsoft.IdentityModel validates lifetimes against the system clock, so tokens are minted on it too.
        var now = TimeProvider.System.GetUtcNow();
        var expires = now + options.Value.TokenLifetime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Subject = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
                new Claim(ClaimTypes.Name, user.UserName ?? ""),
                new Claim("security_stamp", user.SecurityStamp ?? ""),
            ]),
            SigningCredentials = new SigningCredentials(keys.Key, SecurityAlgorithms.HmacSha256),
        };
        return (new JsonWebTokenHandler().CreateToken(descriptor), expires);
    }
}

/// <summary>The HMAC key for bearer tokens: generated once and kept in <c>data/keys</c>.</summary>
public sealed class SigningKeyHolder
{
    public SigningKeyHolder(string dataDir)
    {
        var folder = Path.Combine(dataDir, "keys");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "token-signing.key");
        if (!File.Exists(path))
        {
            File.WriteAllBytes(path, RandomNumberGenerator.GetBytes(64));
        }

        Key = new SymmetricSecurityKey(File.ReadAllBytes(path));
    }

    public SymmetricSecurityKey Key { get; }
}
