using CivicGrid.Cases;
using CivicGrid.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Assessment.Figures;

/// <summary>
/// Recomputes the daily figures (with their roll-ups) and the per-case contributions from the cases and their histories, replacing what
/// is there (after a restore, a bulk import that bypassed the tracker, or a change of a figure's definition).
/// </summary>
public sealed class RebuildDailyFigures(AppDbContext db)
{
    private const int CasesPerBatch = 2000;

    public async Task<int> HandleAsync(CancellationToken ct = default)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.Set<DailyFigure>().ExecuteDeleteAsync(ct);
            await db.Set<MonthlyFigure>().ExecuteDeleteAsync(ct);
            await db.Set<TownDailyFigure>().ExecuteDeleteAsync(ct);
            await db.Set<CaseFigureFacts>().ExecuteDeleteAsync(ct);
            var total = new CaseContribution();
            var count = 0;
            long after = 0;
            while (true)
            {
                var cases = await db.Set<Case>().AsNoTracking().Include(c => c.Assignments)
                    .Where(c => c.Id > after).OrderBy(c => c.Id).Take(CasesPerBatch).AsSplitQuery().ToListAsync(ct);
                if (cases.Count == 0)
                {
                    break;
                }

                after = cases[^1].Id;
                var ids = cases.Select(c => c.Id).ToList();
                var flags = await FlagsAsync(ids, ct);
                var facts = new List<CaseFigureFacts>();
                foreach (var c in cases)
                {
                    var f = flags.GetValueOrDefault(c.Id);
                    if (c.Status == CaseStatus.Suspended)
                    {
                        f |= CaseFigureFlags.WasSuspended;
                    }

                    var contribution = CaseContribution.Of(c, f);
                    if (contribution.IsEmpty && f == CaseFigureFlags.None)
                    {
                        continue;
                    }

                    CaseFigureTracker.Merge(total, contribution);
                    facts.Add(new CaseFigureFacts { CaseId = c.Id, Contribution = contribution.Serialize(), Flags = f });
                }

                await FigureSql.SaveFactsAsync(db, facts, ct);
                count += cases.Count;
            }

            await FigureSql.AddAsync(db, CaseContribution.Difference(null, total), ct);
            await tx.CommitAsync(ct);
            return count;
        });
    }

    private async Task<Dictionary<long, CaseFigureFlags>> FlagsAsync(List<long> ids, CancellationToken ct)
    {
        var events = await db.Set<CaseEvent>().AsNoTracking()
            .Where(e => ids.Contains(e.CaseId) && (e.Action == CaseAction.Suspend || e.Action == CaseAction.Evaluate))
            .OrderBy(e => e.CaseId).ThenBy(e => e.Sequence)
            .Select(e => new { e.CaseId, e.Action, e.Data }).ToListAsync(ct);
        var flags = new Dictionary<long, CaseFigureFlags>();
        foreach (var e in events)
        {
            var f = flags.GetValueOrDefault(e.CaseId);
            flags[e.CaseId] = e.Action == CaseAction.Suspend
                ? f | CaseFigureFlags.WasSuspended
                : (f & CaseFigureFlags.WasSuspended) | CaseFigureTracker.CallbackFlags(e.Data);
        }

        return flags;
    }
}
