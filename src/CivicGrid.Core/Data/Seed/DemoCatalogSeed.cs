using CivicGrid.Cases.Catalog;
using CivicGrid.Cases.Responsibility;
using CivicGrid.Grid;
using CivicGrid.Organization;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Data.Seed;

/// <summary>
/// Seeds the starter category catalog and the demo district's responsibility rules. Call after units exist;
/// each part is skipped when its table already has rows, so calling it again does nothing.
/// </summary>
public static class DemoCatalogSeed
{
    public const string CreatedBy = "system";

    public static async Task SeedAsync(AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (!await db.Set<CaseCategory>().AnyAsync(ct))
        {
            db.AddRange(StarterCatalog.Load(now));
            await db.SaveChangesAsync(ct);
        }

        if (await db.Set<ResponsibilityRule>().AnyAsync(ct))
        {
            return;
        }

        var units = await db.Units.AsNoTracking().Where(u => u.IsActive).ToListAsync(ct);
        var district = await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.District).OrderBy(r => r.Code).FirstOrDefaultAsync(ct);
        if (district is null)
        {
            return;
        }

        var towns = await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Town).OrderBy(r => r.Code).ToListAsync(ct);
        var byCode = units.GroupBy(u => u.Code).ToDictionary(g => g.Key, g => g.First());
        var rules = new List<ResponsibilityRule>();

        void Add(string category, string region, string unitCode, string? note, params string[] coUnitCodes)
        {
            if (byCode.TryGetValue(unitCode, out var unit))
            {
                rules.Add(new ResponsibilityRule
                {
                    CategoryCode = category,
                    RegionCode = region,
                    DistrictCode = district.Code,
                    UnitId = unit.Id,
                    CoUnitIds = coUnitCodes.Where(byCode.ContainsKey).Select(c => byCode[c].Id).ToList(),
                    Note = note,
                    CreatedBy = CreatedBy,
                    CreatedAt = now,
                });
            }
        }

        // District-wide: 城管 answers for the whole 街面秩序 class, with departments joining where the law splits duties.
        Add("SJ04", district.Code, "D01", "街面秩序全区由城管牵头");
        Add("SJ0411", district.Code, "D09", "不文明养犬由公安牵头，城管协办", "D01");
        Add("SJ0415", district.Code, "D05", "消防通道堵塞由消防牵头，交通协办", "D03");
        Add("SJ0306", district.Code, "D01", "违法建设由城管牵头，住建协办", "D08");
        Add("SJ02", district.Code, "D01", "宣传广告全区由城管负责");

        foreach (var town in towns)
        {
            var office = "S" + town.Code;
            if (!byCode.ContainsKey(office))
            {
                continue;
            }

            if (town.Name.EndsWith('镇'))
            {
                // In the towns the 镇 government clears piles and exposed rubbish itself.
                Add("SJ0104", town.Code, office, "镇域乱堆乱放由镇政府负责");
                Add("SJ0101", town.Code, office, "镇域暴露垃圾由镇政府负责，环卫协办", "D02");
            }
            else
            {
                Add("SJ0104", town.Code, office, "街道乱堆乱放由街道办事处牵头，城管协办", "D01");
            }
        }

        // Electric-bike charging (飞线) goes to the community committee in every 村居 of the first 镇街 (a pilot).
        if (towns.FirstOrDefault() is { } first)
        {
            var communities = units.Where(u => u.Kind == UnitKind.CommunityCommittee && u.RegionCode.StartsWith(first.Code, StringComparison.Ordinal)
                                               && u.RegionCode.Length == 12).ToList();
            foreach (var c in communities)
            {
                Add("SJ0414", c.RegionCode, c.Code, "试点：飞线充电由村居委会先行劝导拆除，消防协办", "D05");
            }

            Add("SJ0401", first.Code, "S" + first.Code, "第一镇街：占道经营由镇街综合执法队牵头，城管协办", "D01");
        }

        db.AddRange(rules);
        await db.SaveChangesAsync(ct);
    }
}
