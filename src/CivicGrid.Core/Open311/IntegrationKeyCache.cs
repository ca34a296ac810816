using System.Collections.Concurrent;

namespace CivicGrid.Open311;

/// <summary>What a POST request needs to know of the integration its key belongs to.</summary>
public sealed record IntegrationKeyState(int Id, DateTimeOffset? RevokedAt, bool IsDisabled, DateTimeOffset? LastUsedAt);

/// <summary>
/// The integrations found by key hash, kept for <see cref="Lifetime"/> so a busy integration's every post does not read
/// its row. A revocation in this process is seen at once (<see cref="Forget"/>); one made by another process within the
/// lifetime. Unknown keys are not kept, so guessing keys cannot fill it.
/// </summary>
public sealed class IntegrationKeyCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, (IntegrationKeyState State, DateTimeOffset Until)> _entries = new(StringComparer.Ordinal);

    public async Task<IntegrationKeyState?> FindAsync(string keyHash, Func<Task<IntegrationKeyState?>> load)
    {
        var now = clock.GetUtcNow();
        if (_entries.TryGetValue(keyHash, out var entry) && entry.Until > now)
        {
            return entry.State;
        }

        var state = await load();
        if (state is null)
        {
            _entries.TryRemove(keyHash, out _);
        }
        else
        {
            _entries[keyHash] = (state, now + Lifetime);
        }

        return state;
    }

    /// <summary>Records that the key's last use was written, so the next posts do not write it again.</summary>
    public void Used(string keyHash, DateTimeOffset at)
    {
        if (_entries.TryGetValue(keyHash, out var entry))
        {
            _entries.TryUpdate(keyHash, (entry.State with { LastUsedAt = at }, entry.Until), entry);
        }
    }

    /// <summary>Forgets every key (an integration was revoked or switched off).</summary>
    public void Forget() => _entries.Clear();
}
