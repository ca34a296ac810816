using CivicGrid.Accounts;
using CivicGrid.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Open311;

/// <summary>An integration as administrators see it: never the key, only its first characters.</summary>
public sealed record IntegrationView(
    int Id, string Name, string KeyPrefix, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, string? RevokedBy,
    DateTimeOffset? LastUsedAt, bool IsDemo, string State)
{
    public static IntegrationView From(Open311Integration i) =>
        new(i.Id, i.Name, i.KeyPrefix, i.CreatedBy, i.CreatedAt, i.RevokedAt, i.RevokedBy, i.LastUsedAt, i.IsDemo, StateOf(i.RevokedAt, i.IsDisabled));

    public static string StateOf(DateTimeOffset? revokedAt, bool isDisabled) => revokedAt is not null ? "已吊销" : isDisabled ? "已停用" : "有效";
}

public sealed class IntegrationQueries(AppDbContext db)
{
    /// <summary>All integrations, newest first; null when the caller is no administrator.</summary>
    public async Task<IReadOnlyList<IntegrationView>?> ListAsync(AccessScope scope, CancellationToken ct = default)
    {
        if (!scope.IsAdmin)
        {
            return null;
        }

        var rows = await db.Set<Open311Integration>().AsNoTracking().OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id).ToListAsync(ct);
        return rows.Select(IntegrationView.From).ToList();
    }
}
