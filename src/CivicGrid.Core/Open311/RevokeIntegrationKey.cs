using CivicGrid.Accounts;
using CivicGrid.Data;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Open311;

/// <summary>Revokes an integration's key for good: later requests with it are refused (403). Administrators only.</summary>
public sealed class RevokeIntegrationKey(AppDbContext db, IntegrationKeyCache keys, TimeProvider clock)
{
    public async Task<Outcome<IntegrationView>> HandleAsync(AccessScope scope, int id, CancellationToken ct = default)
    {
        if (!scope.IsAdmin)
        {
            return Outcome<IntegrationView>.Forbidden("只有系统管理员可以吊销接口密钥。");
        }

        var integration = await db.Set<Open311Integration>().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (integration is null)
        {
            return Outcome<IntegrationView>.NotFound($"接入 {id} 不存在。");
        }

        if (integration.RevokedAt is null)
        {
            integration.RevokedAt = clock.GetUtcNow();
            integration.RevokedBy = scope.UserName;
            await db.SaveChangesAsync(ct);
            keys.Forget();
        }

        return Outcome<IntegrationView>.Ok(IntegrationView.From(integration));
    }
}
