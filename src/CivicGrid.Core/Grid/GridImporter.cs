using CivicGrid.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Grid;

public sealed record GridImportResult(bool Succeeded, bool DryRun, int Imported, int Deleted,
    IReadOnlyList<GridIssue> Errors, IReadOnlyList<GridIssue> Warnings);

/// <summary>
/// Imports region features (see <see cref="GridImportValidator"/> for the merge rule): validates the
/// whole file against the stored districts it touches, and writes nothing unless there is no error;
/// then inserts, updates and deletes in one transaction and invalidates the <see cref="RegionLocator"/>.
/// </summary>
public sealed class GridImporter(AppDbContext db, RegionLocator locator, TimeProvider clock)
{
    public async Task<GridImportResult> ImportAsync(IReadOnlyList<GridFeature> features, bool dryRun, CancellationToken ct = default)
    {
        var districts = features.Select(f => f.Code?.Trim()).Where(c => c is { Length: >= 6 }).Select(c => c![..6]).Distinct().ToList();
        var stored = await db.Regions.Where(r => districts.Contains(r.DistrictCode)).ToListAsync(ct);
        var plan = GridImportValidator.Validate(features, stored, clock.GetUtcNow());
        if (!plan.IsValid || dryRun)
        {
            return new(plan.IsValid, dryRun, plan.IsValid ? plan.Upserts.Count : 0, plan.IsValid ? plan.Deletes.Count : 0, plan.Errors, plan.Warnings);
        }

        var byCode = stored.ToDictionary(r => r.Code, StringComparer.Ordinal);
        foreach (var code in plan.Deletes)
        {
            db.Regions.Remove(byCode[code]);
        }

        foreach (var region in plan.Upserts)
        {
            if (byCode.TryGetValue(region.Code, out var current))
            {
                current.Name = region.Name;
                current.Level = region.Level;
                current.ParentCode = region.ParentCode;
                current.DistrictCode = region.DistrictCode;
                current.BoundaryWkb = region.BoundaryWkb;
                current.CenterLon = region.CenterLon;
                current.CenterLat = region.CenterLat;
                current.AreaSquareMetres = region.AreaSquareMetres;
                current.SortOrder = region.SortOrder;
                current.UpdatedAt = region.UpdatedAt;
            }
            else
            {
                db.Regions.Add(region);
            }
        }

        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }

        locator.Invalidate();
        return new(true, false, plan.Upserts.Count, plan.Deletes.Count, [], plan.Warnings);
    }
}
