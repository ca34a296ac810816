using Microsoft.AspNetCore.Identity;

namespace CivicGrid.Accounts;

public sealed class AppUser : IdentityUser<Guid>
{
    public required string DisplayName { get; set; }

    /// <summary>Demo accounts are switched off together when the demo is off.</summary>
    public bool IsDemo { get; set; }

    public bool IsDisabled { get; set; }
    public List<RoleAssignment> RoleAssignments { get; set; } = [];
}

/// <summary>A role held within a scope: a region subtree, a unit, or both.</summary>
public sealed class RoleAssignment
{
    public int Id { get; set; }
    public Guid UserId { get; set; }
    public AppRole Role { get; set; }

    /// <summary>Region subtree (code prefix); null only for roles without a region scope.</summary>
    public string? RegionCode { get; set; }

    public int? UnitId { get; set; }
}
