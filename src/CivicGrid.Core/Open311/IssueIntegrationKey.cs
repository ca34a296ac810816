using CivicGrid.Accounts;
using CivicGrid.Data;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Open311;

public sealed record IssueIntegrationKeyRequest(string? Name);

/// <summary>The new integration with its key: the only time the key is ever shown.</summary>
public sealed record IssuedIntegrationKey(int Id, string Name, string ApiKey, string KeyPrefix, DateTimeOffset CreatedAt);

/// <summary>Registers an integration and issues its <c>api_key</c>. Administrators only.</summary>
public sealed class IssueIntegrationKey(AppDbContext db, TimeProvider clock)
{
    public const int MaxNameLength = 50;

    public async Task<Outcome<IssuedIntegrationKey>> HandleAsync(AccessScope scope, IssueIntegrationKeyRequest request, CancellationToken ct = default)
    {
        if (!scope.IsAdmin)
        {
            return Outcome<IssuedIntegrationKey>.Forbidden("只有系统管理员可以签发接口密钥。");
        }

        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return Outcome<IssuedIntegrationKey>.Invalid("name", "请填写接入系统的名称，如“12345 热线”。");
        }

        if (name.Length > MaxNameLength)
        {
            return Outcome<IssuedIntegrationKey>.Invalid("name", $"名称不能超过 {MaxNameLength} 个字。");
        }

        if (await db.Set<Open311Integration>().AnyAsync(i => i.Name == name && i.RevokedAt == null, ct))
        {
            return Outcome<IssuedIntegrationKey>.Conflict($"已有名为“{name}”的有效接入，请换一个名称或先吊销原密钥。");
        }

        var key = ApiKeys.NewKey();
        var integration = new Open311Integration
        {
            Name = name,
            KeyHash = ApiKeys.Hash(key),
            KeyPrefix = ApiKeys.ShownPrefix(key),
            CreatedBy = scope.UserName,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Add(integration);
        await db.SaveChangesAsync(ct);
        return Outcome<IssuedIntegrationKey>.Created(new(integration.Id, name, key, integration.KeyPrefix, integration.CreatedAt));
    }
}
