using CivicGrid.Cases.Catalog;
using CivicGrid.Cases.Responsibility;
using CivicGrid.Data;
using CivicGrid.Platform.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicGrid.Cases;

/// <summary>What automatic dispatch will do with a case: who leads, who assists, and the deadline's inputs.</summary>
public sealed record DispatchPlan(ResponsibilityMatch Match, TimeLimit? Limit, WorkingCalendar Calendar, int AcknowledgeMinutes);

/// <summary>Registers and dispatches a case to the unit the responsibility rules name (智能派遣).</summary>
public sealed class CaseTriage(AppDbContext db, ResponsibilityResolver resolver, WorkingCalendarProvider calendars, IOptions<CaseOptions> options)
{
    /// <summary>
    /// Decides (reading only) whether and where the case would be dispatched; null leaves it in the dispatcher's queue.
    /// Split from <see cref="Apply"/> so the intake can decide in the caller's task and write in its batch.
    /// </summary>
    public async Task<DispatchPlan?> PlanAsync(Case c, CancellationToken ct)
    {
        if (c.CategoryCode is null || c.RegionCode is null || c.Status != CaseStatus.Reported)
        {
            return null;
        }

        var match = await resolver.ResolveAsync(c.CategoryCode, c.RegionCode, ct);
        return match is null
            ? null
            : new DispatchPlan(match, (await resolver.CategoryAsync(c.CategoryCode, ct))?.TimeLimit, await calendars.GetAsync(ct), options.Value.AcknowledgeMinutes);
    }

    /// <summary>
    /// Registers and dispatches the case as planned (status, units, deadline). Needs no id, so the intake applies it
    /// before the insert and writes the dispatched case in one statement, without a later update.
    /// </summary>
    public static void Apply(Case c, DispatchPlan plan, DateTimeOffset now)
    {
        var match = plan.Match;
        CaseWorkflow.Register(c, now);
        CaseWorkflow.Dispatch(c, match.Lead.Id, match.CoUnits.Select(u => u.Id).ToList(), plan.AcknowledgeMinutes, now, plan.Calendar, plan.Limit);
        c.Status = CaseStatus.Dispatched;
    }

    /// <summary>Appends the two steps <see cref="Apply"/> took to the case's history (once the case has its id).</summary>
    public static async Task RecordAsync(Case c, DispatchPlan plan, CaseHistory history, DateTimeOffset now, CancellationToken ct)
    {
        var match = plan.Match;
        await history.AppendAsync(c, "register", CaseAction.Register, CaseStatus.Reported, CaseStatus.Registered, null, null, now,
            comment: "系统按分类置信度自动立案", ct: ct);
        await history.AppendAsync(c, "dispatch", CaseAction.Dispatch, CaseStatus.Registered, CaseStatus.Dispatched, null, null, now,
            comment: $"系统按责任规则派遣至{match.Lead.Name}" + (match.CoUnits.Count > 0 ? "，协办：" + string.Join("、", match.CoUnits.Select(u => u.Name)) : ""),
            data: new { lead = match.Lead.Id, co = match.CoUnits.Select(u => u.Id), deadline = c.Deadline }, ct: ct);
    }

    /// <summary>Assigns the units and sets the deadline from the category's limit on the working calendar.</summary>
    public async Task DispatchAsync(Case c, int leadUnitId, IReadOnlyList<int> coUnitIds, int? acknowledgeMinutes, DateTimeOffset now, CancellationToken ct)
    {
        var calendar = await calendars.GetAsync(ct);
        var limit = c.CategoryCode is null ? null : await TimeLimitAsync(c.CategoryCode, ct);
        CaseWorkflow.Dispatch(c, leadUnitId, coUnitIds, acknowledgeMinutes ?? options.Value.AcknowledgeMinutes, now, calendar, limit);
        c.Status = CaseStatus.Dispatched;
    }

    private async Task<TimeLimit?> TimeLimitAsync(string categoryCode, CancellationToken ct) =>
        (await db.Set<CaseCategory>().AsNoTracking().FirstOrDefaultAsync(x => x.Code == categoryCode, ct))?.TimeLimit;
}
