namespace CivicGrid.Cases.Responsibility;

public sealed record ResponsibleUnit(int Id, string Code, string Name);

/// <summary>How the responsible unit was found.</summary>
public enum MatchBasis
{
    /// <summary>A responsibility rule matched.</summary>
    Rule = 1,

    /// <summary>No rule: the category's default department (by unit code).</summary>
    DefaultDepartment = 2,

    /// <summary>No rule: the unit of the category's default kind nearest above the region (e.g. the 镇街 office).</summary>
    DefaultUnitKind = 3,
}

/// <summary>Who handles a case: the lead unit first, then the co-units; <see cref="RuleId"/> when a rule decided.</summary>
public sealed record ResponsibilityMatch(ResponsibleUnit Lead, IReadOnlyList<ResponsibleUnit> CoUnits, MatchBasis Basis, int? RuleId,
    string? RuleCategoryCode, string? RuleRegionCode)
{
    public string BasisName => Basis switch
    {
        MatchBasis.Rule => $"责任规则（{RuleCategoryCode} × {RuleRegionCode}）",
        MatchBasis.DefaultDepartment => "分类默认责任部门",
        _ => "分类默认责任单位类型",
    };
}
