using CivicGrid.Cases.Catalog;
using CivicGrid.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CivicGrid.Open311;

/// <summary>A service of <c>GET services</c>: one active catalog leaf that accepts public reports.</summary>
public sealed record ServiceView(
    string ServiceCode, string ServiceName, string? Description, bool Metadata, string Type, string? Keywords, string? Group, string? TimeLimit);

public sealed record ServiceAttributeValueView(string Key, string Name);

public sealed record ServiceAttributeView(
    bool Variable, string Code, string Datatype, bool Required, string? DatatypeDescription, int Order, string Description,
    IReadOnlyList<ServiceAttributeValueView> Values);

public sealed record ServiceDefinitionView(string ServiceCode, IReadOnlyList<ServiceAttributeView> Attributes);

/// <summary>
/// The case category catalog seen as Open311 services, with the attributes categories ask for. Read through a
/// snapshot kept for half a minute: a busy intake does not re-read the catalog per report, and a stale snapshot
/// cannot create a case in a disabled category (the intake checks the category itself).
/// </summary>
public sealed class ServiceCatalog(AppDbContext db, CategoryQueries categories, IMemoryCache cache)
{
    /// <summary>Every request is answered at once with its case number (no tokens needed).</summary>
    public const string RequestType = "realtime";

    public static readonly TimeSpan SnapshotLifetime = TimeSpan.FromSeconds(30);

    private sealed record Snapshot(IReadOnlyList<ServiceView> Services, Dictionary<string, ServiceView> ByCode, ILookup<string, ServiceAttribute> Attributes);

    public async Task<IReadOnlyList<ServiceView>> ListAsync(CancellationToken ct = default) => (await SnapshotAsync(ct)).Services;

    /// <summary>The service of a code, or null when the code is no public service.</summary>
    public async Task<ServiceView?> FindAsync(string? code, CancellationToken ct = default) =>
        (await SnapshotAsync(ct)).ByCode.GetValueOrDefault(CategoryCodes.Normalize(code));

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
        (await SnapshotAsync(ct)).Attributes[serviceCode].ToList();

    private async Task<Snapshot> SnapshotAsync(CancellationToken ct) => (await cache.GetOrCreateAsync(typeof(ServiceCatalog), async entry =>
    {
        entry.AbsoluteExpirationRelativeToNow = SnapshotLifetime;
        var all = await categories.AllAsync(ct: ct);
        var classes = all.Where(c => c.ParentCode is null).ToDictionary(c => c.Code, c => c.Name);
        var attributes = (await db.Set<ServiceAttribute>().AsNoTracking().ToListAsync(ct))
            .OrderBy(a => a.Order).ThenBy(a => a.Code, StringComparer.Ordinal).ToLookup(a => a.CategoryCode);
        var services = all.Where(IsService)
            .Select(c => ToView(c, attributes.Contains(c.Code), classes.GetValueOrDefault(c.Code[..Math.Min(4, c.Code.Length)])))
            .ToList();
        return new Snapshot(services, services.ToDictionary(s => s.ServiceCode), attributes);
    }))!;

    private static bool IsService(CategoryDetail c) => c.IsActive && c.IsLeaf && c.ParentCode is not null && c.AcceptsPublicReports;

    private static ServiceView ToView(CategoryDetail c, bool metadata, string? group) => new(
        c.Code, c.Name, c.RegisterCriteria, metadata, RequestType, c.Keywords.Count == 0 ? null : string.Join(",", c.Keywords), group,
        c.TimeLimit is { } t ? $"{t.Value} {t.Unit}" : null);

    private static ServiceAttributeView ToView(ServiceAttribute a) => new(
        a.Variable, a.Code, ServiceAttributeDatatypes.Name(a.Datatype), a.Required, a.DatatypeDescription, a.Order, a.Description,
        a.Values.Select(v => new ServiceAttributeValueView(v.Key, v.Name)).ToList());
}
