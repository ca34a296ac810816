namespace CivicGrid.Safety.Audits;

/// <summary>One row of the star table: this many stars need at least <see cref="MinPercent"/> and an injury rate below <see cref="InjuryRateBelow"/>.</summary>
public sealed class StarThreshold
{
    public int Stars { get; set; }
    public decimal MinPercent { get; set; }
    public decimal InjuryRateBelow { get; set; }
}

/// <summary>
/// The star grade (星级) of an audit: the most stars whose row both the total percentage and the injury rate meet. A high
/// score with a poor injury record earns fewer stars. Default table (NOSA five-star practice, DIIR per 200,000 hours):
/// <list type="table">
/// <item>★★★★★ ≥ 91 % and DIIR &lt; 1.0</item>
/// <item>★★★★ ≥ 81 % and DIIR &lt; 2.0</item>
/// <item>★★★ ≥ 71 % and DIIR &lt; 3.0</item>
/// <item>★★ ≥ 61 % and DIIR &lt; 4.0</item>
/// <item>★ ≥ 51 % and DIIR &lt; 5.0</item>
/// <item>otherwise no star</item>
/// </list>
/// </summary>
public static class StarGrading
{
    public static readonly IReadOnlyList<StarThreshold> Default =
    [
        new() { Stars = 5, MinPercent = 91, InjuryRateBelow = 1.0m },
        new() { Stars = 4, MinPercent = 81, InjuryRateBelow = 2.0m },
        new() { Stars = 3, MinPercent = 71, InjuryRateBelow = 3.0m },
        new() { Stars = 2, MinPercent = 61, InjuryRateBelow = 4.0m },
        new() { Stars = 1, MinPercent = 51, InjuryRateBelow = 5.0m },
    ];

    public static int Grade(IReadOnlyList<StarThreshold> table, decimal totalPercent, decimal injuryRate) =>
        table.Where(t => totalPercent >= t.MinPercent && injuryRate < t.InjuryRateBelow).Select(t => t.Stars).DefaultIfEmpty(0).Max();

    /// <summary>Why a configured table is unusable, or null.</summary>
    public static string? Check(IReadOnlyList<StarThreshold> table) =>
        table.Any(t => t.Stars is < 1 or > 5 || t.MinPercent is < 0 or > 100 || t.InjuryRateBelow <= 0)
            ? "星级表无效：星级 1–5，得分率 0–100，伤害率上限须大于 0。"
            : null;

    public static string Display(int stars) => stars == 0 ? "无星级" : new string('★', stars) + $"（{stars} 星）";
}

/// <summary>Settings of audits (<c>CivicGrid:Safety:Audits:…</c>).</summary>
public sealed class AuditOptions
{
    public const string Section = "CivicGrid:Safety:Audits";

    /// <summary>An element scored below this share of its weight fails and becomes a hidden danger.</summary>
    public decimal FailBelow { get; set; } = 0.6m;

    /// <summary>The star table; empty = <see cref="StarGrading.Default"/>.</summary>
    public List<StarThreshold> Stars { get; set; } = [];

    public IReadOnlyList<StarThreshold> StarTable => Stars.Count > 0 ? Stars : StarGrading.Default;
}
