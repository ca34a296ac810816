using CivicGrid.Accounts;
using CivicGrid.Cases;
using CivicGrid.Cases.Catalog;
using CivicGrid.Cases.Responsibility;
using CivicGrid.Grid;
using CivicGrid.Platform.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Data.Seed;

/// <summary>
/// A year of demo cases (<c>CivicGrid:Demo:Cases</c>, default 3,000) at points inside the district's cells, in every state
/// of the loop, with consistent timestamps, units from the responsibility rules and hash-chained histories.
/// Deterministic for a given "now"; two SaveChanges (cases, then events), so it stays fast on first start.
/// </summary>
public static class DemoCasesSeeder
{
    public const int DefaultCount = 3000;

    public static async Task<int> SeedAsync(AppDbContext db, TimeProvider clock, CancellationToken ct = default)
    {
        var services = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider;
        var count = services?.GetService<IConfiguration>()?.GetValue<int?>("CivicGrid:Demo:Cases") ?? DefaultCount;
        var resolver = services?.GetService<ResponsibilityResolver>()
            ?? new ResponsibilityResolver(services?.GetRequiredService<IDbContextFactory<AppDbContext>>()
                                          ?? throw new InvalidOperationException("演示案卷需要数据库工厂。"), clock);
        return await SeedAsync(db, resolver, clock, count, ct);
    }

    public static async Task<int> SeedAsync(AppDbContext db, ResponsibilityResolver resolver, TimeProvider clock, int count, CancellationToken ct)
    {
        if (count <= 0 || await db.Set<Case>().AnyAsync(ct))
        {
            return 0;
        }

        var setup = await PrepareAsync(db, clock, new Random(20260101), ct);
        if (setup is null)
        {
            return 0;
        }

        var plans = new List<DemoCasesPlanner.Plan>(count);
        for (var i = 0; i < count; i++)
        {
            plans.Add(await setup.Planner.PlanAsync(setup.District, setup.Cells, resolver, ct));
        }

        // Oldest first, so ids and 案卷号 follow the report dates.
        plans.Sort((a, b) => a.Case.ReportedAt.CompareTo(b.Case.ReportedAt));
        db.Set<Case>().AddRange(plans.Select(p => p.Case));
        await db.SaveChangesAsync(ct);

        DemoCasesPlanner.LinkMerged(plans);
        var history = new CaseHistory(db);
        foreach (var plan in plans)
        {
            foreach (var step in plan.Steps)
            {
                var actor = step.Actor is { } name && setup.Users.TryGetValue(name, out var id) ? new AccessScope(id, name, []) : null;
                await history.AppendAsync(plan.Case, step.Kind, step.Action, step.From, step.To, actor, step.ActorName, step.At,
                    step.Comment, step.Data, ct: ct);
            }
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return plans.Count;
    }

    /// <summary>What planning demo cases needs: the district, its located cells, the catalog's limits and the demo users.</summary>
    internal sealed record Setup(DemoCasesPlanner Planner, string District, IReadOnlyList<DemoCasesPlanner.Cell> Cells, IReadOnlyDictionary<string, Guid> Users);

    /// <summary>Null when the district, its cells or the catalog are missing. The benchmarks plan their cases with it too.</summary>
    internal static async Task<Setup?> PrepareAsync(AppDbContext db, TimeProvider clock, Random random, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var cells = await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Cell && r.CenterLon != null && r.CenterLat != null)
            .OrderBy(r => r.Code).Select(r => new DemoCasesPlanner.Cell(r.Code, r.CenterLon!.Value, r.CenterLat!.Value)).ToListAsync(ct);
        var district = await db.Regions.Where(r => r.Level == RegionLevel.District).OrderBy(r => r.Code).Select(r => r.Code).FirstOrDefaultAsync(ct);
        var leaves = await db.Set<CaseCategory>().AsNoTracking().Where(c => c.IsActive).ToListAsync(ct);
        var codes = DemoCasesCorpus.Codes.ToHashSet();
        var limits = leaves.Where(l => codes.Contains(l.Code)).ToDictionary(l => l.Code, l => l.TimeLimit);
        var users = await db.Users.AsNoTracking().Where(u => u.IsDemo).ToDictionaryAsync(u => u.UserName!, u => u.Id, ct);
        if (cells.Count == 0 || district is null || limits.Count == 0)
        {
            return null;
        }

        return new Setup(new DemoCasesPlanner(now, WorkingCalendar.Default, limits, users, random), district, cells, users);
    }
}
