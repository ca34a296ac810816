using System.Collections.Concurrent;
using CivicGrid.Data;
using CivicGrid.Open311;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Safety.Detections;

/// <summary>A camera with its rules, as the ingest path needs it.</summary>
public sealed record CameraEntry(int Id, string Code, string Name, int EnterpriseId, string EnterpriseRegionCode, int? AreaId,
    IReadOnlyDictionary<DetectionType, (RuleSettings Settings, RuleAction Action)> Rules);

/// <summary>
/// In-memory snapshot of cameras, rules and integration keys (refreshed after <see cref="RefreshAfter"/> or
/// <see cref="Forget"/>), and the rule engine's state per camera × type. The state lives in this process only: a restart
/// starts every run afresh, and the cooldown is taken up again from the last stored warning. Several app processes
/// behind one database would each keep their own runs (at worst one extra warning per cooldown) — run one ingest process.
/// </summary>
public sealed class CameraDirectory(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, (CameraEntry? Camera, DateTimeOffset LoadedAt)> _cameras = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (int? EnterpriseId, DateTimeOffset LoadedAt)> _keys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(int CameraId, DetectionType Type), RuleState> _states = new();
    private readonly ConcurrentDictionary<int, bool> _statesPrimed = new();

    public async ValueTask<CameraEntry?> FindAsync(string code, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_cameras.TryGetValue(code, out var cached) && now - cached.LoadedAt < RefreshAfter)
        {
            return cached.Camera;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var camera = await (from c in db.Set<Camera>().AsNoTracking()
                            join u in db.Units.AsNoTracking() on c.EnterpriseId equals u.Id
                            where c.Code == code && c.IsActive
                            select new { c.Id, c.Code, c.Name, c.EnterpriseId, u.RegionCode, c.AreaId }).FirstOrDefaultAsync(ct);
        CameraEntry? entry = null;
        if (camera is not null)
        {
            var rules = await db.Set<DetectionRule>().AsNoTracking().Where(r => r.CameraId == camera.Id).ToListAsync(ct);
            entry = new CameraEntry(camera.Id, camera.Code, camera.Name, camera.EnterpriseId, camera.RegionCode, camera.AreaId,
                rules.ToDictionary(r => r.Type, r => (RuleSettings.Of(r), r.Action)));
            if (_statesPrimed.TryAdd(camera.Id, true))
            {
                await PrimeCooldownsAsync(db, camera.Id, now, ct);
            }
        }

        _cameras[code] = (entry, now);
        return entry;
    }

    public RuleState StateOf(int cameraId, DetectionType type) => _states.GetOrAdd((cameraId, type), _ => new RuleState());

    /// <summary>The enterprise whose cameras an <c>X-Api-Key</c> may report for; null for an unknown, revoked or disabled key.</summary>
    public async ValueTask<int?> EnterpriseOfKeyAsync(string key, CancellationToken ct)
    {
        var hash = ApiKeys.Hash(key);
        var now = clock.GetUtcNow();
        if (_keys.TryGetValue(hash, out var cached) && now - cached.LoadedAt < RefreshAfter)
        {
            return cached.EnterpriseId;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var enterprise = await db.Set<CameraIntegrationKey>().AsNoTracking()
            .Where(k => k.KeyHash == hash && k.RevokedAt == null && !k.IsDisabled).Select(k => (int?)k.EnterpriseId).FirstOrDefaultAsync(ct);
        _keys[hash] = (enterprise, now);
        return enterprise;
    }

    /// <summary>Drops the cached cameras, rules and keys (after an edit); the rule states stay.</summary>
    public void Forget()
    {
        _cameras.Clear();
        _keys.Clear();
    }

    private async Task PrimeCooldownsAsync(AppDbContext db, int cameraId, DateTimeOffset now, CancellationToken ct)
    {
        var since = now.AddDays(-1);
        var recent = await db.Set<DetectionWarning>().AsNoTracking().Where(w => w.CameraId == cameraId && w.RaisedAt >= since)
            .Select(w => new { w.Type, w.RaisedAt }).ToListAsync(ct);
        foreach (var last in recent.GroupBy(w => w.Type))
        {
            var state = StateOf(cameraId, last.Key);
            lock (state)
            {
                var at = last.Max(w => w.RaisedAt);
                if (state.LastWarningAt is null || state.LastWarningAt < at)
                {
                    state.LastWarningAt = at;
                }
            }
        }
    }
}
