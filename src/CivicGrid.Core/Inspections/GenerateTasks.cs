using CivicGrid.Cases;
using CivicGrid.Data;
using CivicGrid.Platform.Calendar;
using CivicGrid.Standards;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Inspections;

public sealed record GeneratedTasks(int Routine, int Reinspections);

/// <summary>
/// Makes the tasks of the active plans for a span of days (the scheduled job runs it for today) and the 复查 tasks of
/// findings whose cases have closed. Safe to run again: a task that exists is not made twice.
/// </summary>
public sealed class GenerateTasks(AppDbContext db, WorkingCalendarProvider calendars, TimeProvider clock)
{
    /// <summary>Working days after the case closed by which a re-inspection is due.</summary>
    public const int ReinspectionDays = 2;

    public async Task<GeneratedTasks> RunAsync(DateOnly from, DateOnly to, int? planId = null, CancellationToken ct = default)
    {
        var calendar = await calendars.GetAsync(ct);
        var plans = await db.Set<InspectionPlan>().Where(p => p.IsActive && (planId == null || p.Id == planId)).ToListAsync(ct);
        var points = await db.Set<InspectionPoint>().AsNoTracking().Where(p => p.Status == PointStatus.Active)
            .Select(p => new ScopePoint(p.Id, p.Code, p.Category!.Code, p.RegionCode, p.ResponsibleUnitId)).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var created = 0;
        foreach (var plan in plans)
        {
            var inScope = InScope(plan, points);
            for (var day = from; day <= to; day = day.AddDays(1))
            {
                if (PlanSchedule.Occurrence(plan, day, calendar) is not { } due)
                {
                    continue;
                }

                var drawn = PlanSchedule.Draw(plan, day, inScope, p => p.Category, p => p.Code);
                var existing = (await db.Set<InspectionTask>().Where(t => t.PlanId == plan.Id && t.ScheduledDate == day)
                    .Select(t => t.PointId).ToListAsync(ct)).ToHashSet();
                foreach (var point in drawn.Where(p => !existing.Contains(p.Id)))
                {
                    db.Add(new InspectionTask
                    {
                        PlanId = plan.Id,
                        PointId = point.Id,
                        PointCode = point.Code,
                        RegionCode = point.RegionCode,
                        ResponsibleUnitId = point.UnitId,
                        ScheduledDate = day,
                        DueDate = due,
                        Assignees = plan.Assignees,
                        CreatedAt = now,
                    });
                    created++;
                }
            }
        }

        await db.SaveChangesAsync(ct);
        return new GeneratedTasks(created, await ReinspectionsAsync(calendar, now, ct));
    }

    /// <summary>复查: one task per failed item whose case has closed, by the inspector who found it.</summary>
    private async Task<int> ReinspectionsAsync(WorkingCalendar calendar, DateTimeOffset now, CancellationToken ct)
    {
        var closed = new[] { CaseStatus.Closed, CaseStatus.Evaluated };
        var pending = await (from item in db.Set<InspectionItem>()
                             join inspection in db.Set<Inspection>() on item.InspectionId equals inspection.Id
                             join c in db.Set<Case>() on item.CaseId equals c.Id
                             where item.ReinspectionTaskId == null && closed.Contains(c.Status)
                             select new { item, inspection.PointId, inspection.PointCode, inspection.RegionCode, inspection.ResponsibleUnitId, inspection.InspectorName, CaseId = c.Id })
            .ToListAsync(ct);
        var today = calendar.LocalDate(now);
        var due = calendar.LocalDate(calendar.AddWorkingDays(now, ReinspectionDays));
        foreach (var p in pending)
        {
            var task = new InspectionTask
            {
                Kind = TaskKind.Reinspection,
                PointId = p.PointId,
                PointCode = p.PointCode,
                RegionCode = p.RegionCode,
                ResponsibleUnitId = p.ResponsibleUnitId,
                ScheduledDate = today,
                DueDate = due,
                Assignees = p.InspectorName,
                SourceCaseId = p.CaseId,
                CreatedAt = now,
            };
            db.Add(task);
            await db.SaveChangesAsync(ct);
            p.item.ReinspectionTaskId = task.Id;
        }

        await db.SaveChangesAsync(ct);
        return pending.Count;
    }

    private static List<ScopePoint> InScope(InspectionPlan plan, List<ScopePoint> points)
    {
        var regions = InspectionPlan.Split(plan.RegionCodes);
        var categories = InspectionPlan.Split(plan.CategoryCodes).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var named = InspectionPlan.Split(plan.PointCodes).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return points.Where(p => (regions.Count == 0 || regions.Any(r => p.RegionCode.StartsWith(r, StringComparison.Ordinal)))
                && (categories.Count == 0 || categories.Contains(p.Category))
                && (named.Count == 0 || named.Contains(p.Code)))
            .OrderBy(p => p.Code, StringComparer.Ordinal).ToList();
    }

    private sealed record ScopePoint(int Id, string Code, string Category, string RegionCode, int UnitId);
}
