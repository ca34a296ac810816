using CivicGrid.Grid;

namespace CivicGrid.Accounts;

/// <summary>
/// What the current caller may see and change: the union of his role assignments.
/// Regions are trees addressed by code prefix, so a scope check is a prefix test.
/// </summary>
public sealed class AccessScope
{
    private readonly IReadOnlyList<RoleAssignment> _assignments;

    public AccessScope(Guid userId, string userName, IReadOnlyList<RoleAssignment> assignments)
    {
        UserId = userId;
        UserName = userName;
        _assignments = assignments;
    }

    public Guid UserId { get; }
    public string UserName { get; }
    public IReadOnlyList<RoleAssignment> Assignments => _assignments;

    public static AccessScope Anonymous { get; } = new(Guid.Empty, "", []);

    public bool IsAuthenticated => UserId != Guid.Empty;

    public bool Has(AppRole role) => _assignments.Any(a => a.Role == role);

    public bool HasAny(params AppRole[] roles) => _assignments.Any(a => roles.Contains(a.Role));

    public bool IsAdmin => Has(AppRole.Admin);

    /// <summary>Region prefixes in which the caller may read grid and organization data.</summary>
    public IEnumerable<string> ReadableRegionPrefixes =>
        _assignments.Where(a => AppRoles.SeesOrganization(a.Role) && a.RegionCode is not null)
            .Select(a => a.RegionCode!).Distinct();

    /// <summary>Region prefixes in which the caller may change grid and organization data.</summary>
    public IEnumerable<string> ManagedRegionPrefixes =>
        _assignments.Where(a => AppRoles.ManagesOrganization(a.Role) && a.RegionCode is not null)
            .Select(a => a.RegionCode!).Distinct();

    public IEnumerable<int> ScopedUnitIds => _assignments.Where(a => a.UnitId is not null).Select(a => a.UnitId!.Value).Distinct();

    /// <summary>
    /// A region is readable when it lies inside a scope, or is an ancestor of one
    /// (a 镇街 admin sees the district node he belongs to, but not his neighbours).
    /// </summary>
    public bool CanReadRegion(string code) =>
        ReadableRegionPrefixes.Any(p => RegionLevels.IsWithin(code, p) || RegionLevels.IsWithin(p, code));

    /// <summary>True when the whole subtree of <paramref name="code"/> is readable.</summary>
    public bool CanReadSubtree(string code) => ReadableRegionPrefixes.Any(p => RegionLevels.IsWithin(code, p));

    public bool CanManageRegion(string code) => ManagedRegionPrefixes.Any(p => RegionLevels.IsWithin(code, p));

    /// <summary>
    /// A unit is readable when its jurisdiction lies inside the caller's scope or covers it
    /// (a district department is visible to every 镇街), or when the caller belongs to it.
    /// </summary>
    public bool CanReadUnit(int unitId, string unitRegionCode) =>
        CanReadRegion(unitRegionCode) || ScopedUnitIds.Contains(unitId);

    public bool CanManageUnit(string unitRegionCode) => CanManageRegion(unitRegionCode);
}
