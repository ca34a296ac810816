using CivicGrid.Accounts;
using CivicGrid.Data;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Safety;

/// <summary>五落实: responsibility, measures, funds, deadline, contingency plan.</summary>
public sealed record FiveImplementationsRequest(string? ResponsiblePerson, string? Measures, decimal? Funds, DateOnly? RectifyBy, string? ContingencyPlan);

public sealed class FillFiveImplementations(AppDbContext db)
{
    public async Task<Outcome<int>> HandleAsync(AccessScope scope, int dangerId, FiveImplementationsRequest request, CancellationToken ct = default)
    {
        var (danger, refusal) = await HiddenDangerQueries.FindAsync(db, scope, dangerId, ct);
        if (danger is null)
        {
            return refusal!.Fail<Organization.Unit, int>();
        }

        var problems = Validate(request);
        if (problems.Count > 0)
        {
            return Outcome<int>.Invalid(problems);
        }

        if (danger.AcceptedAt is not null)
        {
            return Outcome<int>.Conflict("隐患已验收销号，不能再修改五落实。");
        }

        Apply(danger, request);
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(danger.Id);
    }

    public static List<Problem> Validate(FiveImplementationsRequest r)
    {
        var problems = new List<Problem>();
        if (r.ResponsiblePerson?.Trim().Length > 100)
        {
            problems.Add(new("responsiblePerson", "整改责任人不超过 100 字。"));
        }

        if (r.Measures?.Length > 2000 || r.ContingencyPlan?.Length > 2000)
        {
            problems.Add(new("measures", "整改措施和应急预案各不超过 2000 字。"));
        }

        if (r.Funds is < 0 or > 1_000_000_000_000m)
        {
            problems.Add(new("funds", "整改资金须为不小于 0 的金额（元）。"));
        }

        return problems;
    }

    /// <summary>Writes the given parts; a part left empty stays as it was.</summary>
    public static void Apply(HiddenDanger d, FiveImplementationsRequest r)
    {
        d.ResponsiblePerson = Clean(r.ResponsiblePerson) ?? d.ResponsiblePerson;
        d.Measures = Clean(r.Measures) ?? d.Measures;
        d.Funds = r.Funds ?? d.Funds;
        d.RectifyBy = r.RectifyBy ?? d.RectifyBy;
        d.ContingencyPlan = Clean(r.ContingencyPlan) ?? d.ContingencyPlan;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
