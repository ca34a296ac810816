using CivicGrid.Grid;
using CivicGrid.Open311;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Data.Seed;

/// <summary>
/// The demo district's Open311 integration (<c>api_key</c> <c>demo-open311-key</c>) and the attributes a few
/// demo categories ask for. Created the first time the demo is on; switched on and off with the demo accounts.
/// </summary>
public static class DemoOpen311Seed
{
    public const string DemoKey = "demo-open311-key";
    public const string DemoName = "演示接入（Open311）";

    public static async Task ApplyAsync(AppDbContext db, bool enabled, TimeProvider clock, CancellationToken ct = default)
    {
        var hasDemo = await db.Set<Open311Integration>().AnyAsync(i => i.IsDemo, ct);
        if (enabled && !hasDemo && await db.Regions.AnyAsync(r => r.Level == RegionLevel.District, ct))
        {
            await SeedAsync(db, clock, ct);
            return;
        }

        await db.Set<Open311Integration>().Where(i => i.IsDemo && i.IsDisabled == enabled)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.IsDisabled, !enabled), ct);
    }

    private static async Task SeedAsync(AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        db.Add(new Open311Integration
        {
            Name = DemoName,
            KeyHash = ApiKeys.Hash(DemoKey),
            KeyPrefix = ApiKeys.ShownPrefix(DemoKey),
            CreatedBy = DemoCatalogSeed.CreatedBy,
            CreatedAt = clock.GetUtcNow(),
            IsDemo = true,
        });

        var categories = await db.Set<CivicGrid.Cases.Catalog.CaseCategory>().Select(c => c.Code).ToListAsync(ct);
        var existing = await db.Set<ServiceAttribute>().Select(a => a.CategoryCode).Distinct().ToListAsync(ct);
        db.AddRange(Attributes().Where(a => categories.Contains(a.CategoryCode) && !existing.Contains(a.CategoryCode)));
        await db.SaveChangesAsync(ct);
    }

    private static IEnumerable<ServiceAttribute> Attributes()
    {
        yield return new ServiceAttribute
        {
            CategoryCode = "SJ0401",
            Code = "STALL_TYPE",
            Description = "摊位类型",
            Datatype = ServiceAttributeDatatype.SingleValueList,
            Required = true,
            Order = 1,
            Values =
            [
                new() { Key = "mobile", Name = "流动摊贩" },
                new() { Key = "shopfront", Name = "店外经营" },
                new() { Key = "fixed", Name = "固定摊点" },
            ],
        };
        yield return new ServiceAttribute
        {
            CategoryCode = "SJ0401",
            Code = "GOODS",
            Description = "经营内容",
            Datatype = ServiceAttributeDatatype.MultiValueList,
            Order = 2,
            Values =
            [
                new() { Key = "food", Name = "餐饮小吃" },
                new() { Key = "produce", Name = "水果蔬菜" },
                new() { Key = "goods", Name = "日用百货" },
                new() { Key = "other", Name = "其他" },
            ],
        };
        yield return new ServiceAttribute
        {
            CategoryCode = "SJ0404",
            Code = "PLATE",
            Description = "车牌号",
            Datatype = ServiceAttributeDatatype.String,
            DatatypeDescription = "如 京A12345，看不清可不填",
            Order = 1,
        };
        yield return new ServiceAttribute
        {
            CategoryCode = "SJ0110",
            Code = "DEPTH_CM",
            Description = "积水深度（厘米）",
            Datatype = ServiceAttributeDatatype.Number,
            Order = 1,
        };
    }
}
