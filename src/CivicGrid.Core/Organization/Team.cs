namespace CivicGrid.Organization;

public enum TeamKind
{
    /// <summary>指挥部</summary>
    Headquarters = 1,

    /// <summary>办公室</summary>
    Office = 2,

    /// <summary>督导组 (综合督导组 and one per 镇街)</summary>
    SupervisionGroup = 3,

    /// <summary>专项组</summary>
    SpecialGroup = 4,
}

public static class TeamKinds
{
    public static string ChineseName(TeamKind kind) => kind switch
    {
        TeamKind.Headquarters => "指挥部",
        TeamKind.Office => "办公室",
        TeamKind.SupervisionGroup => "督导组",
        TeamKind.SpecialGroup => "专项组",
        _ => "其他",
    };

    public static TeamKind? Parse(string? text) => text?.Trim() switch
    {
        "指挥部" or "Headquarters" => TeamKind.Headquarters,
        "办公室" or "Office" => TeamKind.Office,
        "督导组" or "SupervisionGroup" => TeamKind.SupervisionGroup,
        "专项组" or "SpecialGroup" => TeamKind.SpecialGroup,
        _ => null,
    };
}

/// <summary>A team of the command structure (指挥部, 办公室, 督导组, 专项组).</summary>
public sealed class Team
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public TeamKind Kind { get; set; }
    public int? ParentTeamId { get; set; }
    public required string DistrictCode { get; set; }
    public string? Duties { get; set; }
    public int SortOrder { get; set; }
    public List<TeamMember> Members { get; set; } = [];
    public List<TeamCoverage> Coverage { get; set; } = [];
}

public enum TeamRole
{
    /// <summary>组长</summary>
    Leader = 1,

    /// <summary>副组长</summary>
    DeputyLeader = 2,

    /// <summary>成员</summary>
    Member = 3,
}

public sealed class TeamMember
{
    public int TeamId { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public TeamRole Role { get; set; }
}

/// <summary>A region subtree or a case category a team covers.</summary>
public sealed class TeamCoverage
{
    public int Id { get; set; }
    public int TeamId { get; set; }
    public string? RegionCode { get; set; }
    public string? CategoryCode { get; set; }
}
