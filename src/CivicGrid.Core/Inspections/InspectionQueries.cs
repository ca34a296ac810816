using CivicGrid.Accounts;
using CivicGrid.Data;
using CivicGrid.Platform.Calendar;
using CivicGrid.Standards;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Inspections;

public sealed record TaskView(
    long Id, string Kind, string KindName, int? PlanId, string? PlanName, string PointCode, string PointName, string CategoryName, string RegionCode,
    DateOnly ScheduledDate, DateOnly DueDate, IReadOnlyList<string> Assignees, string Status, bool Overdue, long? InspectionId, long? SourceCaseId);

public sealed record ChecklistItemView(string Project, string Content, StandardView Standard);

public sealed record TaskChecklist(TaskView Task, double Lon, double Lat, string? Address, double MaxDistanceMeters, IReadOnlyList<ChecklistItemView> Items);

public sealed record InspectionItemView(
    string StandardCode, string Text, decimal Points, string Result, decimal? Value, decimal Earned, string? CaseCategoryCode,
    IReadOnlyList<string> Photos, string? Note, long? CaseId, long? ReinspectionTaskId, long? ReinspectionId, double? ReinspectionScoreRate);

public sealed record InspectionView(
    long Id, string PointCode, string PointName, string CategoryCode, string RegionCode, long? TaskId, long? CorrectsId, long? CorrectedById,
    string InspectorName, double? Lon, double? Lat, double? DistanceMeters, bool LocationWarning, decimal EarnedPoints, decimal TotalPoints,
    double ScoreRate, int FailedItems, string? Note, DateTimeOffset SubmittedAt, IReadOnlyList<InspectionItemView> Items, long? ReinspectsId = null);

/// <summary>Tasks (mine or in my area, overdue flagged), a task's checklist, and submitted records.</summary>
public sealed class InspectionQueries(AppDbContext db, IndexQueries index, WorkingCalendarProvider calendars, Microsoft.Extensions.Options.IOptions<InspectionOptions> options, TimeProvider clock)
{
    public async Task<List<TaskView>> TasksAsync(AccessScope scope, DateOnly? date, bool mine, bool overdueOnly, int? planId = null, CancellationToken ct = default)
    {
        var calendar = await calendars.GetAsync(ct);
        var today = calendar.LocalDate(clock.GetUtcNow());
        var query = db.Set<InspectionTask>().AsNoTracking();
        var name = scope.UserName;
        // Assignees are a short comma list; matching the whole list, its head or its tail avoids partial-name hits.
        var assigned = (System.Linq.Expressions.Expression<Func<InspectionTask, bool>>)(t =>
            t.Assignees == name || t.Assignees.StartsWith(name + ",") || t.Assignees.EndsWith("," + name));
        query = mine ? query.Where(assigned) : query.Where(InspectionAccess.ReadableTask(scope));
        if (date is { } day)
        {
            query = query.Where(t => t.ScheduledDate <= day && (t.DueDate >= day || t.Status == InspectionTaskStatus.Open));
        }

        if (planId is { } plan)
        {
            query = query.Where(t => t.PlanId == plan);
        }

        if (overdueOnly)
        {
            query = query.Where(t => t.Status == InspectionTaskStatus.Open && t.DueDate < today);
        }

        var tasks = await query.OrderBy(t => t.Status).ThenBy(t => t.DueDate).ThenBy(t => t.PointCode).Take(500).ToListAsync(ct);
        return await ViewsAsync(tasks, today, ct);
    }

    /// <summary>Plans are read by whoever works with inspections; they hold no personal data beyond account names.</summary>
    public async Task<List<PlanView>> PlansAsync(AccessScope scope, CancellationToken ct = default)
    {
        if (!scope.IsAuthenticated)
        {
            return [];
        }

        var plans = await db.Set<InspectionPlan>().AsNoTracking().OrderByDescending(p => p.IsActive).ThenBy(p => p.Id).ToListAsync(ct);
        return plans.Select(PlanView.Of).ToList();
    }

    public async Task<TaskChecklist?> ChecklistAsync(AccessScope scope, long taskId, CancellationToken ct = default)
    {
        var task = await db.Set<InspectionTask>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null || !InspectionAccess.CanReadTask(scope, task))
        {
            return null;
        }

        var point = await db.Set<InspectionPoint>().AsNoTracking().Include(p => p.Category).FirstAsync(p => p.Id == task.PointId, ct);
        var calendar = await calendars.GetAsync(ct);
        var view = (await ViewsAsync([task], calendar.LocalDate(clock.GetUtcNow()), ct))[0];
        var items = (await index.ForCategoryAsync(point.Category!.Code, ct)).Select(r => new ChecklistItemView(r.Project, r.Content, r.Standard)).ToList();
        return new TaskChecklist(view, point.Lon, point.Lat, point.Address, options.Value.MaxDistanceMeters, items);
    }

    public async Task<InspectionView?> GetAsync(AccessScope scope, long id, CancellationToken ct = default)
    {
        var i = await db.Set<Inspection>().AsNoTracking().Include(x => x.Items).Where(InspectionAccess.Readable(scope)).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (i is null)
        {
            return null;
        }

        var correctedBy = await db.Set<Inspection>().Where(x => x.CorrectsId == id).Select(x => (long?)x.Id).FirstOrDefaultAsync(ct);

        // A 复查 record names the record whose failure it re-inspects (through the task made for that failure).
        var reinspects = i.TaskId is { } ownTask
            ? await db.Set<InspectionItem>().Where(x => x.ReinspectionTaskId == ownTask).Select(x => (long?)x.InspectionId).FirstOrDefaultAsync(ct)
            : null;
        var taskIds = i.Items.Select(x => x.ReinspectionTaskId).OfType<long>().ToList();
        var reinspections = await (from t in db.Set<InspectionTask>()
                                   where taskIds.Contains(t.Id)
                                   join r in db.Set<Inspection>() on t.InspectionId equals r.Id into done
                                   from r in done.DefaultIfEmpty()
                                   select new { t.Id, InspectionId = (long?)r.Id, ScoreRate = (double?)r.ScoreRate }).ToDictionaryAsync(x => x.Id, ct);
        return new InspectionView(
            i.Id, i.PointCode, i.PointName, i.CategoryCode, i.RegionCode, i.TaskId, i.CorrectsId, correctedBy, i.InspectorName, i.Lon, i.Lat,
            i.DistanceMeters, i.LocationWarning, i.EarnedPoints, i.TotalPoints, i.ScoreRate, i.FailedItems, i.Note, i.SubmittedAt,
            i.Items.OrderBy(x => x.Id).Select(x =>
            {
                var re = x.ReinspectionTaskId is { } rt ? reinspections.GetValueOrDefault(rt) : null;
                return new InspectionItemView(x.StandardCode, x.Text, x.Points, ResultName(x.Outcome), x.Value, x.Earned, x.CaseCategoryCode,
                    InspectionPlan.Split(x.Photos), x.Note, x.CaseId, x.ReinspectionTaskId, re?.InspectionId, re?.ScoreRate);
            }).ToList(), reinspects);
    }

    public static string ResultName(ItemOutcome o) => o switch
    {
        ItemOutcome.Pass => "pass",
        ItemOutcome.Fail => "fail",
        _ => "na",
    };

    private async Task<List<TaskView>> ViewsAsync(List<InspectionTask> tasks, DateOnly today, CancellationToken ct)
    {
        var pointIds = tasks.Select(t => t.PointId).Distinct().ToList();
        var points = await db.Set<InspectionPoint>().AsNoTracking().Where(p => pointIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Name, Category = p.Category!.Name }).ToDictionaryAsync(p => p.Id, ct);
        var planIds = tasks.Select(t => t.PlanId).OfType<int>().Distinct().ToList();
        var plans = await db.Set<InspectionPlan>().AsNoTracking().Where(p => planIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return tasks.Select(t => new TaskView(
            t.Id, t.Kind == TaskKind.Reinspection ? "reinspection" : "routine", t.Kind == TaskKind.Reinspection ? "复查" : "例行督查", t.PlanId,
            t.PlanId is { } p ? plans.GetValueOrDefault(p) : null, t.PointCode, points[t.PointId].Name, points[t.PointId].Category, t.RegionCode,
            t.ScheduledDate, t.DueDate, InspectionPlan.Split(t.Assignees), t.Status == InspectionTaskStatus.Done ? "done" : "open", t.IsOverdue(today),
            t.InspectionId, t.SourceCaseId)).ToList();
    }
}
