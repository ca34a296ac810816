using CivicGrid.Data;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.IO;

namespace CivicGrid.Grid;

public sealed record RegionRef(string Code, string Name, RegionLevel Level);

public sealed record LocatedRegion(RegionRef Cell, IReadOnlyList<RegionRef> Path);

/// <summary>
/// Answers "which grid cell is this point in" from memory. The index is rebuilt lazily
/// after <see cref="Invalidate"/> (called whenever the grid is imported or edited).
/// </summary>
public sealed class RegionLocator(IDbContextFactory<AppDbContext> dbFactory)
{
    private sealed record Snapshot(GridIndex Index, IReadOnlyDictionary<string, RegionRef> Regions, long Version);

    private readonly SemaphoreSlim _loadLock = new(1, 1);
    private Snapshot? _snapshot;
    private long _version;

    public void Invalidate() => Interlocked.Increment(ref _version);

    public async Task<LocatedRegion?> LocateAsync(double lon, double lat, CancellationToken ct = default)
    {
        var snapshot = await GetSnapshotAsync(ct);
        var code = snapshot.Index.Locate(lon, lat);
        return code is null ? null : new LocatedRegion(snapshot.Regions[code], PathOf(snapshot, code));
    }

    public async Task<GridIndex> GetIndexAsync(CancellationToken ct = default) => (await GetSnapshotAsync(ct)).Index;

    private static List<RegionRef> PathOf(Snapshot snapshot, string code)
    {
        var path = new List<RegionRef>(4);
        for (string? c = code; c is not null; c = RegionLevels.ParentCodeOf(c))
        {
            if (snapshot.Regions.TryGetValue(c, out var r))
            {
                path.Add(r);
            }
        }

        path.Reverse();
        return path;
    }

    private async Task<Snapshot> GetSnapshotAsync(CancellationToken ct)
    {
        var current = _snapshot;
        var version = Interlocked.Read(ref _version);
        if (current is not null && current.Version == version)
        {
            return current;
        }

        await _loadLock.WaitAsync(ct);
        try
        {
            current = _snapshot;
            if (current is not null && current.Version == version)
            {
                return current;
            }

            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var rows = await db.Regions.AsNoTracking()
                .Select(r => new { r.Code, r.Name, r.Level, r.BoundaryWkb })
                .ToListAsync(ct);
            var reader = new WKBReader();
            var cells = rows.Where(r => r.Level == RegionLevel.Cell && r.BoundaryWkb is not null)
                .Select(r => (r.Code, reader.Read(r.BoundaryWkb)));
            var snapshot = new Snapshot(
                new GridIndex(cells),
                rows.ToDictionary(r => r.Code, r => new RegionRef(r.Code, r.Name, r.Level)),
                version);
            _snapshot = snapshot;
            return snapshot;
        }
        finally
        {
            _loadLock.Release();
        }
    }
}
