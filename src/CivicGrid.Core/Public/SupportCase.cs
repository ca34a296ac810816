using CivicGrid.Cases;
using CivicGrid.Data;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Public;

public sealed record SupportRequest(string? Phone = null, string? IdempotencyKey = null);

/// <summary>The case now counts one more resident; the token follows it (without evaluating it).</summary>
public sealed record SupportedCase(long CaseId, string Number, string Token, int Supporters, bool IsNew);

/// <summary>
/// “+1 / 我也遇到了”: instead of a second case for the same problem, the open case counts one more resident, and its
/// history says so (a public step every viewer of the case sees). A repeated idempotency key counts once.
/// </summary>
public sealed class SupportCase(AppDbContext db, TimeProvider clock)
{
    public const string Kind = "support";
    private const int Attempts = 3;

    public async Task<Outcome<SupportedCase>> HandleAsync(string caseNumber, SupportRequest request, CancellationToken ct = default)
    {
        var phone = string.IsNullOrWhiteSpace(request.Phone) ? null : request.Phone.Trim();
        if (phone is not null && !PersonalData.IsPhone(phone))
        {
            return Outcome<SupportedCase>.Invalid("phone", "联系电话格式不正确。");
        }

        var key = ResidentIdentity.CleanKey(request.IdempotencyKey) is { } k
            ? SubmitPublicReport.KeyPrefix + k
            : SubmitPublicReport.KeyPrefix + Guid.NewGuid().ToString("N");
        if (CaseNumbers.ParseId(caseNumber) is not { } caseId)
        {
            return Outcome<SupportedCase>.NotFound("要附议的问题不存在。");
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryAsync(caseId, phone, key, ct);
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Another step of the case took the same place in its history, or the same key won: look again.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<Outcome<SupportedCase>> TryAsync(long caseId, string? phone, string key, CancellationToken ct)
    {
        var c = await db.Set<Case>().FirstOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is null)
        {
            return Outcome<SupportedCase>.NotFound("要附议的问题不存在。");
        }

        var earlier = await db.Set<CaseSupport>().Where(s => s.IdempotencyKey == key).Select(s => (long?)s.CaseId).FirstOrDefaultAsync(ct);
        if (earlier is not null && earlier != c.Id)
        {
            return Outcome<SupportedCase>.Invalid("idempotencyKey", "页面已过期，请刷新后重试。");
        }

        if (earlier is null && CaseStatuses.IsFinal(c.Status))
        {
            return Outcome<SupportedCase>.Conflict("该问题已办结或已合并处理，不能再附议；如问题仍然存在，请提交新的反映。");
        }

        var now = clock.GetUtcNow();
        var token = TrackingTokens.New();
        var supporters = await CountAsync(c.Id, ct) + (earlier is null ? 1 : 0);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(new TrackingLink { CaseId = c.Id, TokenHash = TrackingTokens.Hash(token)!, Role = TrackingRole.Supporter, CreatedAt = now });
        if (earlier is null)
        {
            db.Add(new CaseSupport { CaseId = c.Id, IdempotencyKey = key, Phone = phone, At = now });
            await new CaseHistory(db).AppendAsync(c, Kind, null, c.Status, c.Status, null, ResidentIdentity.Name(phone), now,
                $"又有群众反映了同一问题（我也遇到了），累计 {supporters} 人附议。", new { supporters }, ct: ct);
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        var supported = new SupportedCase(c.Id, c.Number, token, supporters, earlier is null);
        return earlier is null ? Outcome<SupportedCase>.Created(supported) : Outcome<SupportedCase>.Ok(supported);
    }

    private Task<int> CountAsync(long caseId, CancellationToken ct) => db.Set<CaseSupport>().CountAsync(s => s.CaseId == caseId, ct);

    /// <summary>Supporters of each case (a case nobody supported is absent).</summary>
    public static async Task<Dictionary<long, int>> CountsAsync(AppDbContext db, IReadOnlyCollection<long> caseIds, CancellationToken ct) =>
        await db.Set<CaseSupport>().Where(s => caseIds.Contains(s.CaseId)).GroupBy(s => s.CaseId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
}
