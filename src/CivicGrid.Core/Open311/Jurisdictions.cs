using CivicGrid.Data;
using CivicGrid.Grid;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CivicGrid.Open311;

/// <summary>
/// <c>jurisdiction_id</c> is a district's code (示例区: 110199). With one district on the platform it may be
/// left out; with several it is required. The district list is re-read every minute.
/// </summary>
public sealed class Jurisdictions(AppDbContext db, IMemoryCache cache)
{
    /// <summary>The district asked for (null: any, there being only one), or why the id is not accepted.</summary>
    public async Task<Outcome<string?>> ResolveAsync(string? jurisdictionId, CancellationToken ct = default)
    {
        var districts = (await cache.GetOrCreateAsync(typeof(Jurisdictions), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            return db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.District).OrderBy(r => r.Code).Select(r => r.Code).ToListAsync(ct);
        }))!;
        var id = jurisdictionId?.Trim();
        if (string.IsNullOrEmpty(id))
        {
            return districts.Count > 1
                ? Outcome<string?>.Invalid("jurisdiction_id", $"本平台服务多个辖区，请提供 jurisdiction_id（区划代码，如 {districts[0]}）。")
                : Outcome<string?>.Ok(null);
        }

        return districts.Contains(id)
            ? Outcome<string?>.Ok(id)
            : Outcome<string?>.NotFound($"jurisdiction_id“{PublicText.Clip(id)}”不存在：本平台的辖区代码为 {string.Join("、", districts)}。");
    }
}
