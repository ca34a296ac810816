using CivicGrid.Grid;
using CivicGrid.Standards;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.IO;

namespace CivicGrid.Data.Seed;

/// <summary>
/// Seeds the demo assessment index (15 point categories, ~80 standards) and ~600 inspection points in 10 categories.
/// Call after the grid, the units and the case catalog exist; does nothing when point categories already exist.
/// </summary>
public static class DemoStandardsSeeder
{
    public static async Task SeedAsync(AppDbContext db, TimeProvider clock, CancellationToken ct = default)
    {
        if (await db.Set<PointCategory>().AnyAsync(ct))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var categories = DemoStandardsIndex.Categories.Select((c, i) => new PointCategory
        {
            Code = c.Code,
            Name = c.Name,
            Shape = c.Shape,
            Description = c.Description,
            SortOrder = i + 1,
        }).ToList();
        db.AddRange(categories);
        await db.SaveChangesAsync(ct);

        var index = await new ImportIndex(db, clock).SaveAsync(DemoStandardsIndex.Rows(), ct);
        if (!index.Succeeded)
        {
            throw new InvalidOperationException("演示测评体系有误：" + string.Join("；", index.Problems.Select(p => p.Where + p.Message)));
        }

        await SeedPointsAsync(db, categories, now, ct);
        db.ChangeTracker.Clear();
    }

    private static async Task SeedPointsAsync(AppDbContext db, List<PointCategory> categories, DateTimeOffset now, CancellationToken ct)
    {
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Code).ToListAsync(ct);
        var district = regions.FirstOrDefault(r => r.Level == RegionLevel.District);
        if (district is null)
        {
            return;
        }

        var reader = new WKBReader();
        var cells = new GridIndex(regions.Where(r => r.Level == RegionLevel.Cell && r.BoundaryWkb is not null).Select(r => (r.Code, reader.Read(r.BoundaryWkb))));
        var towns = regions.Where(r => r.Level == RegionLevel.Town).Select(t => new DemoPointsPlanner.Town(t.Code, t.Name, "S" + t.Code,
            regions.Where(c => c.ParentCode == t.Code && c.CenterLon is not null && c.CenterLat is not null)
                .Select(c => new DemoPointsPlanner.Community(c.Code, c.Name, c.CenterLon!.Value, c.CenterLat!.Value)).ToList()))
            .Where(t => t.Communities.Count > 0).ToList();
        var units = await db.Units.AsNoTracking().Where(u => u.IsActive).ToDictionaryAsync(u => u.Code, u => u.Id, ct);
        var byCode = categories.ToDictionary(c => c.Code);
        var numbers = new Dictionary<string, int>();
        var person = 5000;
        foreach (var planned in new DemoPointsPlanner(towns, cells).Plan())
        {
            if (cells.Locate(planned.Lon, planned.Lat) is not { } cell || !units.TryGetValue(planned.UnitCode, out var unitId))
            {
                continue;
            }

            var category = byCode[planned.CategoryCode];
            var number = numbers[category.Code] = numbers.GetValueOrDefault(category.Code) + 1;
            var (name, phone) = DemoOrganization.PersonAt(person++);
            db.Add(new InspectionPoint
            {
                Code = SavePoint.FormatCode(category, number),
                Name = planned.Name,
                CategoryId = category.Id,
                DistrictCode = district.Code,
                RegionCode = cell,
                Lon = planned.Lon,
                Lat = planned.Lat,
                GeometryWkb = planned.Line is { } line ? line.AsBinary() : GridGeometry.Factory.CreatePoint(new NetTopologySuite.Geometries.Coordinate(planned.Lon, planned.Lat)).AsBinary(),
                Address = planned.Address,
                ResponsibleUnitId = unitId,
                ResponsiblePerson = name,
                ContactPhone = phone,
                UpdatedAt = now,
                Version = 1,
            });
        }

        await db.SaveChangesAsync(ct);
    }
}
