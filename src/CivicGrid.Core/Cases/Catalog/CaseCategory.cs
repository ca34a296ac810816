using CivicGrid.Organization;
using CivicGrid.Platform.Calendar;

namespace CivicGrid.Cases.Catalog;

/// <summary>部件 (a piece of public infrastructure) or 事件 (a behaviour or situation), as GB/T 30428 divides cases.</summary>
public enum CategoryKind
{
    Component = 1,
    Event = 2,
}

/// <summary>
/// A node of the case category catalog (部件/事件分类). Codes follow <see cref="CategoryCodes"/>; leaves carry the
/// criteria, the handling time limit, the default responsible unit and the keywords routing learns from.
/// </summary>
public sealed class CaseCategory
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? ParentCode { get; set; }
    public CategoryKind Kind { get; set; }

    /// <summary>1 大类, 2 小类, 3 细类.</summary>
    public int Level { get; set; }

    public int? TimeLimitValue { get; set; }
    public TimeLimitUnit? TimeLimitUnit { get; set; }

    /// <summary>立案条件: when a report of this category is accepted as a case.</summary>
    public string? RegisterCriteria { get; set; }

    /// <summary>结案条件: when the case may be closed.</summary>
    public string? CloseCriteria { get; set; }

    /// <summary>Default responsible unit kind (e.g. 镇街办事处: the office of the case's 镇街).</summary>
    public UnitKind? DefaultUnitKind { get; set; }

    /// <summary>Default responsible department by unit code (e.g. D01 区城市管理局); wins over the kind.</summary>
    public string? DefaultDepartmentCode { get; set; }

    /// <summary>Keywords and residents' synonyms, joined by 、 (see <see cref="KeywordList"/>).</summary>
    public string Keywords { get; set; } = "";

    public bool AcceptsPublicReports { get; set; } = true;

    /// <summary>Whether a 不满意 evaluation may reopen a closed case.</summary>
    public bool ReopenOnDissatisfied { get; set; } = true;

    public bool IsActive { get; set; } = true;
    public int SortOrder { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Concurrency token, bumped on every change.</summary>
    public int Version { get; set; }

    public TimeLimit? TimeLimit => TimeLimitValue is { } v && TimeLimitUnit is { } u ? new TimeLimit(v, u) : null;

    public IReadOnlyList<string> KeywordList => CategoryCodes.SplitKeywords(Keywords);

    public string KindName => CategoryCodes.KindName(Kind);
}
