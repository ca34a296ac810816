using CivicGrid.Cases.Catalog;
using CivicGrid.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Open311;

/// <summary>A service of <c>GET services</c>: one active catalog leaf that accepts public reports.</summary>
public sealed record ServiceView(
    string ServiceCode, string ServiceName, string? Description, bool Metadata, string Type, string? Keywords, string? Group, string? TimeLimit);

public sealed record ServiceAttributeValueView(string Key, string Name);

public sealed record ServiceAttributeView(
    bool Variable, string Code, string Datatype, bool Required, string? DatatypeDescription, int Order, string Description,
    IReadOnlyList<ServiceAttributeValueView> Values);

public sealed record ServiceDefinitionView(string ServiceCode, IReadOnlyList<ServiceAttributeView> Attributes);

/// <summary>The case category catalog seen as Open311 services, with the attributes categories ask for.</summary>
public sealed class ServiceCatalog(AppDbContext db, CategoryQueries categories)
{
    /// <summary>Every request is answered at once with its case number (no tokens needed).</summary>
    public const string RequestType = "realtime";

    public async Task<IReadOnlyList<ServiceView>> ListAsync(CancellationToken ct = default)
    {
        var all = await categories.AllAsync(ct: ct);
        var classes = all.Where(c => c.ParentCode is null).ToDictionary(c => c.Code, c => c.Name);
        var withAttributes = (await db.Set<ServiceAttribute>().AsNoTracking().Select(a => a.CategoryCode).Distinct().ToListAsync(ct)).ToHashSet();
        return all.Where(IsService)
            .Select(c => ToView(c, withAttributes.Contains(c.Code), classes.GetValueOrDefault(c.Code[..Math.Min(4, c.Code.Length)])))
            .ToList();
    }

    /// <summary>The service of a code, or null when the code is no public service.</summary>
    public async Task<ServiceView?> FindAsync(string? code, CancellationToken ct = default)
    {
        if (!CategoryCodes.IsValid(CategoryCodes.Normalize(code)))
        {
            return null;
        }

        var category = await categories.GetAsync(code!, ct);
        if (category is null || !IsService(category))
        {
            return null;
        }

        var group = category.Code.Length > 4 ? (await categories.GetAsync(category.Code[..4], ct))?.Name : null;
        var hasAttributes = await db.Set<ServiceAttribute>().AnyAsync(a => a.CategoryCode == category.Code, ct);
        return ToView(category, hasAttributes, group);
    }

    public async Task<ServiceDefinitionView?> DefinitionAsync(string? code, CancellationToken ct = default)
    {
        if (await FindAsync(code, ct) is not { } service)
        {
            return null;
        }

        var attributes = await AttributesAsync(service.ServiceCode, ct);
        return new ServiceDefinitionView(service.ServiceCode, attributes.Select(ToView).ToList());
    }

    public async Task<IReadOnlyList<ServiceAttribute>> AttributesAsync(string serviceCode, CancellationToken ct = default) =>
        (await db.Set<ServiceAttribute>().AsNoTracking().Where(a => a.CategoryCode == serviceCode).ToListAsync(ct))
        .OrderBy(a => a.Order).ThenBy(a => a.Code, StringComparer.Ordinal).ToList();

    private static bool IsService(CategoryDetail c) => c.IsActive && c.IsLeaf && c.ParentCode is not null && c.AcceptsPublicReports;

    private static ServiceView ToView(CategoryDetail c, bool metadata, string? group) => new(
        c.Code, c.Name, c.RegisterCriteria, metadata, RequestType, c.Keywords.Count == 0 ? null : string.Join(",", c.Keywords), group,
        c.TimeLimit is { } t ? $"{t.Value} {t.Unit}" : null);

    private static ServiceAttributeView ToView(ServiceAttribute a) => new(
        a.Variable, a.Code, ServiceAttributeDatatypes.Name(a.Datatype), a.Required, a.DatatypeDescription, a.Order, a.Description,
        a.Values.Select(v => new ServiceAttributeValueView(v.Key, v.Name)).ToList());
}
