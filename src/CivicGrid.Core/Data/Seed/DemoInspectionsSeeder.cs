using CivicGrid.Inspections;
using CivicGrid.Platform.Calendar;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Data.Seed;

/// <summary>
/// A demo 日调度 plan: every working day one point per category drawn at random, for <c>inspector</c>. It starts a year
/// back so that a demo database seeded on one day (or a copied test template) still has tasks on any later day.
/// </summary>
public static class DemoInspectionsSeeder
{
    public static async Task SeedAsync(AppDbContext db, TimeProvider clock, CancellationToken ct = default)
    {
        if (await db.Set<InspectionPlan>().AnyAsync(ct))
        {
            return;
        }

        var now = clock.GetUtcNow();
        db.Add(new InspectionPlan
        {
            Name = "日调度：重点点位每日抽查",
            Cadence = PlanCadence.Daily,
            StartDate = WorkingCalendar.Default.LocalDate(now).AddYears(-1),
            SamplePerCategory = 1,
            Assignees = "inspector",
            CreatedBy = "admin",
            CreatedAt = now,
        });
        await db.SaveChangesAsync(ct);
    }
}
