using CivicGrid.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Assessment;

public sealed record SchemeView(int Id, string Name, string SubjectKind, string PeriodKind, int MonthStartDay, double BasicallySatisfiedWeight,
    bool IsDefault, IReadOnlyList<SchemeItem> Items);

/// <summary>The schemes, and the default ones seeded when missing (the public API reads the default of each subject kind).</summary>
public sealed class SchemeQueries(AppDbContext db, TimeProvider clock)
{
    public async Task EnsureDefaultsAsync(CancellationToken ct = default)
    {
        var have = await db.Set<Scheme>().Where(s => s.IsDefault).Select(s => s.SubjectKind).ToListAsync(ct);
        var missing = Enum.GetValues<SubjectKind>().Except(have).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        db.AddRange(missing.Select(k => DefaultSchemes.Create(k, clock.GetUtcNow())));
        await db.SaveChangesAsync(ct);
    }

    public async Task<List<SchemeView>> ListAsync(CancellationToken ct = default)
    {
        await EnsureDefaultsAsync(ct);
        var schemes = await db.Set<Scheme>().AsNoTracking().OrderBy(s => s.SubjectKind).ThenBy(s => s.Id).ToListAsync(ct);
        return schemes.Select(s => new SchemeView(s.Id, s.Name, SubjectKinds.ApiName(s.SubjectKind), s.PeriodKind.ToString().ToLowerInvariant(),
            s.MonthStartDay, s.BasicallySatisfiedWeight, s.IsDefault, s.Items)).ToList();
    }
}
