namespace CivicGrid.Safety;

/// <summary>A post (岗位) of an enterprise, e.g. 采煤机司机, 瓦斯检查工.</summary>
public sealed class SafetyPost
{
    public int Id { get; set; }
    public int EnterpriseId { get; set; }
    public required string Name { get; set; }
    public string? Duties { get; set; }
}

/// <summary>A person of the enterprise holds a post (a person may hold several).</summary>
public sealed class SafetyPersonPost
{
    public int PersonId { get; set; }
    public int PostId { get; set; }
}
