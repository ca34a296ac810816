using System.Text.Json;
using CivicGrid.Accounts;
using CivicGrid.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Cases;

/// <summary>
/// Appends sealed events to a case's chain within the caller's unit of work: added to the context, or handed to
/// <paramref name="write"/> by a caller that writes them itself (the intake's PostgreSQL bulk insert).
/// </summary>
public sealed class CaseHistory(AppDbContext db, Action<CaseEvent>? write = null)
{
    public const string SystemActor = "系统";

    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) };

    private readonly Dictionary<long, (int Sequence, string Hash)> _heads = [];

    /// <summary>Starts the chain of a case just inserted, sparing the look-up of a last event it cannot have.</summary>
    public void Begin(Case c) => _heads[c.Id] = (0, CaseEventChain.Genesis);

    public async Task<CaseEvent> AppendAsync(Case c, string kind, CaseAction? action, CaseStatus? from, CaseStatus to,
        AccessScope? actor, string? actorName, DateTimeOffset at, string? comment = null, object? data = null,
        IReadOnlyList<string>? attachments = null, bool isPublic = true, CancellationToken ct = default)
    {
        var (sequence, hash) = await HeadAsync(c, ct);
        var e = new CaseEvent
        {
            CaseId = c.Id,
            Sequence = sequence + 1,
            Kind = kind,
            Action = action,
            FromStatus = from,
            ToStatus = to,
            ActorUserId = actor?.IsAuthenticated == true ? actor.UserId : null,
            ActorName = actorName ?? SystemActor,
            // Hash what the database will give back.
            At = StoredTime.Of(at),
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
            Data = data is null ? null : JsonSerializer.Serialize(data, Json),
            Attachments = attachments is { Count: > 0 } ? string.Join(',', attachments) : null,
            IsPublic = isPublic,
        };
        CaseEventChain.Seal(e, hash);
        _heads[c.Id] = (e.Sequence, e.Hash);
        if (write is null)
        {
            db.Set<CaseEvent>().Add(e);
        }
        else
        {
            write(e);
        }

        return e;
    }

    private async Task<(int, string)> HeadAsync(Case c, CancellationToken ct)
    {
        if (_heads.TryGetValue(c.Id, out var head))
        {
            return head;
        }

        if (c.Id == 0)
        {
            return (0, CaseEventChain.Genesis);
        }

        var last = await db.Set<CaseEvent>().AsNoTracking().Where(e => e.CaseId == c.Id)
            .OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
        return last is null ? (0, CaseEventChain.Genesis) : (last.Sequence, last.Hash);
    }
}
