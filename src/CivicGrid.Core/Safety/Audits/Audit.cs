namespace CivicGrid.Safety.Audits;

public enum AuditStatus
{
    /// <summary>已创建，待评分.</summary>
    Draft = 1,

    /// <summary>已提交：得分、星级已定.</summary>
    Submitted = 2,
}

/// <summary>
/// A NOSA-style audit of an enterprise (安全审核): created as a draft against a template, submitted once with a score per
/// element and the injury rate; the percentages and the star grade are fixed at submission.
/// </summary>
public sealed class Audit
{
    public int Id { get; set; }
    public int EnterpriseId { get; set; }
    public int TemplateId { get; set; }
    public required string Title { get; set; }
    public DateOnly AuditDate { get; set; }

    /// <summary>审核员, as typed.</summary>
    public required string Auditors { get; set; }

    public AuditStatus Status { get; set; } = AuditStatus.Draft;

    /// <summary>Disabling injury incidence rate (DIIR: disabling injuries × 200,000 / hours worked) over the last 12 months.</summary>
    public decimal? InjuryRate { get; set; }

    /// <summary>Total percentage 0–100 (one decimal).</summary>
    public decimal? TotalPercent { get; set; }

    /// <summary>0 (no star) to 5.</summary>
    public int? Stars { get; set; }

    public int FailedElements { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? SubmittedBy { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public List<AuditScore> Scores { get; set; } = [];
}

/// <summary>One element's result, copied from the template at submission.</summary>
public sealed class AuditScore
{
    public long Id { get; set; }
    public int AuditId { get; set; }
    public int ElementId { get; set; }
    public int SectionOrder { get; set; }
    public required string SectionName { get; set; }
    public decimal SectionWeight { get; set; }
    public required string ElementCode { get; set; }
    public required string ElementName { get; set; }
    public decimal Weight { get; set; }

    /// <summary>Points given (0 – <see cref="Weight"/>); null when the element does not apply (不适用).</summary>
    public decimal? Score { get; set; }

    public bool Failed { get; set; }
    public string? Note { get; set; }

    /// <summary>The hidden danger (and so the case) a failed element became.</summary>
    public int? HiddenDangerId { get; set; }
}
