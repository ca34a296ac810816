using CivicGrid.Cases.Catalog;
using CivicGrid.Cases.Responsibility;
using CivicGrid.Data;
using CivicGrid.Platform.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicGrid.Cases;

/// <summary>Registers and dispatches a case to the unit the responsibility rules name (智能派遣).</summary>
public sealed class CaseTriage(AppDbContext db, ResponsibilityResolver resolver, WorkingCalendarProvider calendars, IOptions<CaseOptions> options)
{
    /// <summary>True when the case was dispatched; false leaves it in the dispatcher's queue.</summary>
    public async Task<bool> AutoDispatchAsync(Case c, CaseHistory history, DateTimeOffset now, CancellationToken ct)
    {
        if (c.CategoryCode is null || c.RegionCode is null || c.Status != CaseStatus.Reported)
        {
            return false;
        }

        var match = await resolver.ResolveAsync(c.CategoryCode, c.RegionCode, ct);
        if (match is null)
        {
            return false;
        }

        CaseWorkflow.Register(c, now);
        c.Status = CaseStatus.Registered;
        await history.AppendAsync(c, "register", CaseAction.Register, CaseStatus.Reported, CaseStatus.Registered, null, null, now,
            comment: "系统按分类置信度自动立案", ct: ct);
        await DispatchAsync(c, match.Lead.Id, match.CoUnits.Select(u => u.Id).ToList(), null, now, ct);
        await history.AppendAsync(c, "dispatch", CaseAction.Dispatch, CaseStatus.Registered, CaseStatus.Dispatched, null, null, now,
            comment: $"系统按责任规则派遣至{match.Lead.Name}" + (match.CoUnits.Count > 0 ? "，协办：" + string.Join("、", match.CoUnits.Select(u => u.Name)) : ""),
            data: new { lead = match.Lead.Id, co = match.CoUnits.Select(u => u.Id), deadline = c.Deadline }, ct: ct);
        return true;
    }

    /// <summary>Assigns the units and sets the deadline from the category's limit on the working calendar.</summary>
    public async Task DispatchAsync(Case c, int leadUnitId, IReadOnlyList<int> coUnitIds, int? acknowledgeMinutes, DateTimeOffset now, CancellationToken ct)
    {
        var calendar = await calendars.GetAsync(ct);
        var limit = c.CategoryCode is null ? null
            : (await db.Set<CaseCategory>().AsNoTracking().FirstOrDefaultAsync(x => x.Code == c.CategoryCode, ct))?.TimeLimit;
        CaseWorkflow.Dispatch(c, leadUnitId, coUnitIds, acknowledgeMinutes ?? options.Value.AcknowledgeMinutes, now, calendar, limit);
        c.Status = CaseStatus.Dispatched;
    }
}
