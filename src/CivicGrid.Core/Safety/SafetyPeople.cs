using CivicGrid.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Safety;

/// <summary>The people of an enterprise: those of the enterprise unit itself and of its teams (units whose parent it is).</summary>
public static class SafetyPeople
{
    public static async Task<List<int>> UnitIdsAsync(AppDbContext db, int enterpriseId, CancellationToken ct) =>
        await db.Units.Where(u => u.Id == enterpriseId || u.ParentUnitId == enterpriseId).Select(u => u.Id).ToListAsync(ct);
}
