using CivicGrid.Data;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Standards;

/// <summary>What the public sign (亮牌) of a point shows: nothing personal in full.</summary>
public sealed record PointSign(
    string Code, string Name, string CategoryName, string? Address, string? TownName, string? CommunityName, double Lon, double Lat,
    string UnitName, string? ResponsiblePerson, string? MaskedPhone, bool IsActive, IReadOnlyList<SignSection> Sections,
    LatestInspectionView? LatestInspection)
{
    public int StandardCount => Sections.Sum(s => s.Standards.Count);
}

/// <summary>A 测评内容 on the sign with its standards in plain words.</summary>
public sealed record SignSection(string Name, IReadOnlyList<string> Standards);

/// <summary>Reads the public sign of a point (no login): its standards, who answers for it, the latest inspection.</summary>
public sealed class PointSigns(AppDbContext db, IndexQueries index)
{
    /// <summary>The public address of a point's sign, relative to the site root.</summary>
    public static string PathOf(string code) => "/p/points/" + Uri.EscapeDataString(code);

    /// <summary>The resident report page with this point pre-selected (the report page reads exactly these parameters).</summary>
    public static string ReportPathOf(string code, double lon, double lat, string name) =>
        "/report?point=" + Uri.EscapeDataString(code)
        + "&lon=" + lon.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture)
        + "&lat=" + lat.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture)
        + "&name=" + Uri.EscapeDataString(name);

    public async Task<PointSign?> GetAsync(string code, CancellationToken ct = default) =>
        (await GetManyAsync([PointCodes.Normalize(code)], ct)).FirstOrDefault();

    /// <summary>The signs of several points in code order (printing a category); standards are read once per category.</summary>
    public async Task<List<PointSign>> GetManyAsync(IReadOnlyCollection<string> codes, CancellationToken ct = default)
    {
        var points = await db.Set<InspectionPoint>().AsNoTracking()
            .Where(x => codes.Contains(x.Code))
            .OrderBy(x => x.Code)
            .Select(x => new
            {
                x.Code,
                x.Name,
                CategoryCode = x.Category!.Code,
                CategoryName = x.Category.Name,
                x.Address,
                x.RegionCode,
                x.Lon,
                x.Lat,
                UnitName = x.ResponsibleUnit!.Name,
                x.ResponsiblePerson,
                x.ContactPhone,
                x.Status,
                x.LatestInspection,
            })
            .ToListAsync(ct);
        var regionCodes = points.SelectMany(p => new[] { p.RegionCode[..9], p.RegionCode[..12] }).Distinct().ToList();
        var names = await db.Regions.AsNoTracking().Where(r => regionCodes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var sections = new Dictionary<string, List<SignSection>>();
        foreach (var category in points.Select(p => p.CategoryCode).Distinct())
        {
            var standards = await index.ForCategoryAsync(category, ct);
            sections[category] = standards.GroupBy(s => s.Content).Select(g => new SignSection(g.Key, g.Select(s => s.Standard.Text).ToList())).ToList();
        }

        return points.Select(p => new PointSign(p.Code, p.Name, p.CategoryName, p.Address, names.GetValueOrDefault(p.RegionCode[..9]),
            names.GetValueOrDefault(p.RegionCode[..12]), p.Lon, p.Lat, p.UnitName, p.ResponsiblePerson, PersonalData.MaskPhone(p.ContactPhone),
            p.Status == PointStatus.Active, sections[p.CategoryCode],
            p.LatestInspection is { } l ? new LatestInspectionView(l.InspectedAt, l.ScoreRate, l.FailedItems, l.Passed, l.Summary, null) : null)).ToList();
    }
}
