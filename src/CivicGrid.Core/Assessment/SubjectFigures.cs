using CivicGrid.Assessment.Figures;
using CivicGrid.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Assessment;

/// <summary>Sums of the daily figures per subject over a period: reads the aggregate table only, never the cases.</summary>
public static class SubjectFigures
{
    private sealed record Row(string Subject, long[] Sums);

    public static async Task<Dictionary<string, FigureTotals>> SumAsync(AppDbContext db, SubjectKind kind, AssessmentPeriod period,
        IReadOnlyDictionary<string, PointTotals> points, CancellationToken ct)
    {
        var figures = db.Set<DailyFigure>().AsNoTracking();
        var inPeriod = await Sum(figures.Where(f => f.Day >= period.FirstDay && f.Day <= period.LastDay), kind, ct);
        var upToEnd = figures.Where(f => f.Day <= period.LastDay && (f.OverdueStarted != 0 || f.LateClosed != 0));
        var overdue = kind switch
        {
            SubjectKind.Town => await upToEnd.GroupBy(f => f.TownCode).Select(g => new { g.Key, N = g.Sum(f => f.OverdueStarted - f.LateClosed) }).ToListAsync(ct),
            SubjectKind.Community => await upToEnd.GroupBy(f => f.CommunityCode).Select(g => new { g.Key, N = g.Sum(f => f.OverdueStarted - f.LateClosed) }).ToListAsync(ct),
            _ => (await upToEnd.GroupBy(f => f.UnitId).Select(g => new { g.Key, N = g.Sum(f => f.OverdueStarted - f.LateClosed) }).ToListAsync(ct))
                .Select(x => new { Key = x.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), x.N }).ToList(),
        };
        var overdueBySubject = overdue.ToDictionary(o => o.Key, o => o.N);
        var result = new Dictionary<string, FigureTotals>();
        foreach (var key in inPeriod.Keys.Concat(overdueBySubject.Keys).Concat(points.Keys).Distinct())
        {
            result[key] = new FigureTotals(inPeriod.GetValueOrDefault(key) ?? new long[FigureSet.Count], overdueBySubject.GetValueOrDefault(key),
                points.GetValueOrDefault(key) ?? new PointTotals(0, 0));
        }

        return result;
    }

    private static async Task<Dictionary<string, long[]>> Sum(IQueryable<DailyFigure> q, SubjectKind kind, CancellationToken ct)
    {
        var grouped = kind switch
        {
            SubjectKind.Town => q.GroupBy(f => f.TownCode),
            SubjectKind.Community => q.GroupBy(f => f.CommunityCode),
            _ => q.GroupBy(f => f.UnitId.ToString()),
        };
        var rows = await grouped.Select(g => new
        {
            g.Key,
            Registered = g.Sum(f => f.Registered),
            RegisteredClosed = g.Sum(f => f.RegisteredClosed),
            Dispatched = g.Sum(f => f.Dispatched),
            DispatchedPostponed = g.Sum(f => f.DispatchedPostponed),
            Closed = g.Sum(f => f.Closed),
            ClosedTimed = g.Sum(f => f.ClosedTimed),
            ClosedOnTime = g.Sum(f => f.ClosedOnTime),
            ClosedReworked = g.Sum(f => f.ClosedReworked),
            ReworkTimes = g.Sum(f => f.ReworkTimes),
            HandlingMinutes = g.Sum(f => f.HandlingMinutes),
            Evaluated = g.Sum(f => f.Evaluated),
            Satisfied = g.Sum(f => f.Satisfied),
            BasicallySatisfied = g.Sum(f => f.BasicallySatisfied),
            Contacted = g.Sum(f => f.Contacted),
            Solved = g.Sum(f => f.Solved),
            AckDue = g.Sum(f => f.AckDue),
            AckOnTime = g.Sum(f => f.AckOnTime),
            OverdueStarted = g.Sum(f => f.OverdueStarted),
            LateClosed = g.Sum(f => f.LateClosed),
            InspectionRegistered = g.Sum(f => f.InspectionRegistered),
            InspectionRegisteredClosed = g.Sum(f => f.InspectionRegisteredClosed),
        }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Key, r => new long[]
        {
            r.Registered, r.RegisteredClosed, r.Dispatched, r.DispatchedPostponed, r.Closed, r.ClosedTimed, r.ClosedOnTime, r.ClosedReworked,
            r.ReworkTimes, r.HandlingMinutes, r.Evaluated, r.Satisfied, r.BasicallySatisfied, r.Contacted, r.Solved, r.AckDue, r.AckOnTime,
            r.OverdueStarted, r.LateClosed, r.InspectionRegistered, r.InspectionRegisteredClosed,
        });
    }
}
