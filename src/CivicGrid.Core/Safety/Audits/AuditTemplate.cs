namespace CivicGrid.Safety.Audits;

/// <summary>
/// A NOSA-style audit template (审核模板): sections (建筑物及厂房管理 …) whose weights share the total, and elements whose
/// weights are the points an auditor may give. Audits copy what they use, so a later edit never rewrites a result.
/// </summary>
public sealed class AuditTemplate
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public bool IsActive { get; set; } = true;
    public List<AuditSection> Sections { get; set; } = [];
}

public sealed class AuditSection
{
    public int Id { get; set; }
    public int TemplateId { get; set; }
    public int Order { get; set; }
    public required string Name { get; set; }

    /// <summary>The section's share of the total percentage (relative to the other sections' weights).</summary>
    public decimal Weight { get; set; }

    public List<AuditElement> Elements { get; set; } = [];
}

public sealed class AuditElement
{
    public int Id { get; set; }
    public int SectionId { get; set; }
    public int Order { get; set; }

    /// <summary>Element number as auditors cite it (<c>1.3</c>).</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>Maximum points of the element.</summary>
    public decimal Weight { get; set; }
}
