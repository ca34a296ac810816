using System.Globalization;
using System.Linq.Expressions;
using CivicGrid.Assessment.Figures;
using CivicGrid.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Assessment;

/// <summary>
/// Sums of the figures per subject over a period: whole months from the monthly roll-up, the days at either end from
/// the daily figures; the aggregate tables only, never the cases.
/// </summary>
public static class SubjectFigures
{
    public static async Task<Dictionary<string, FigureTotals>> SumAsync(AppDbContext db, SubjectKind kind, AssessmentPeriod period,
        IReadOnlyDictionary<string, PointTotals> points, CancellationToken ct)
    {
        var inPeriod = await SumAsync(db, kind, FigureSpans.Of(period.First, period.Last), ct);
        var overdueBySubject = await OverdueAsync(db, kind, period.Last, ct);
        var result = new Dictionary<string, FigureTotals>();
        foreach (var key in inPeriod.Keys.Concat(overdueBySubject.Keys).Concat(points.Keys).Distinct())
        {
            result[key] = new FigureTotals(inPeriod.GetValueOrDefault(key) ?? new long[FigureSet.Count], overdueBySubject.GetValueOrDefault(key),
                points.GetValueOrDefault(key) ?? new PointTotals(0, 0));
        }

        return result;
    }

    /// <summary>Cases overdue and still open at the end of <paramref name="day"/>, per subject.</summary>
    public static async Task<Dictionary<string, long>> OverdueAsync(AppDbContext db, SubjectKind kind, DateOnly day, CancellationToken ct)
    {
        var s = FigureSpans.Of(FigureSpans.Beginning, day);
        var result = new Dictionary<string, long>();
        if (s.HasMonths)
        {
            var months = db.Set<MonthlyFigure>().AsNoTracking()
                .Where(f => f.Month >= s.FirstMonth && f.Month <= s.LastMonth && (f.OverdueStarted != 0 || f.LateClosed != 0));
            Add(result, kind switch
            {
                SubjectKind.Town => await months.GroupBy(f => f.TownCode).Select(g => new KeyValuePair<string, long>(g.Key, g.Sum(f => f.OverdueStarted - f.LateClosed))).ToListAsync(ct),
                SubjectKind.Community => await months.GroupBy(f => f.CommunityCode).Select(g => new KeyValuePair<string, long>(g.Key, g.Sum(f => f.OverdueStarted - f.LateClosed))).ToListAsync(ct),
                _ => Text(await months.GroupBy(f => f.UnitId).Select(g => new KeyValuePair<int, long>(g.Key, g.Sum(f => f.OverdueStarted - f.LateClosed))).ToListAsync(ct)),
            });
        }

        if (s.HasDays)
        {
            var days = InDays(db, s).Where(f => f.OverdueStarted != 0 || f.LateClosed != 0);
            Add(result, kind switch
            {
                SubjectKind.Town => await days.GroupBy(f => f.TownCode).Select(g => new KeyValuePair<string, long>(g.Key, g.Sum(f => f.OverdueStarted - f.LateClosed))).ToListAsync(ct),
                SubjectKind.Community => await days.GroupBy(f => f.CommunityCode).Select(g => new KeyValuePair<string, long>(g.Key, g.Sum(f => f.OverdueStarted - f.LateClosed))).ToListAsync(ct),
                _ => Text(await days.GroupBy(f => f.UnitId).Select(g => new KeyValuePair<int, long>(g.Key, g.Sum(f => f.OverdueStarted - f.LateClosed))).ToListAsync(ct)),
            });
        }

        return result;
    }

    private static async Task<Dictionary<string, long[]>> SumAsync(AppDbContext db, SubjectKind kind, FigureSpans s, CancellationToken ct)
    {
        var result = new Dictionary<string, long[]>();
        if (s.HasMonths)
        {
            var months = db.Set<MonthlyFigure>().AsNoTracking().Where(f => f.Month >= s.FirstMonth && f.Month <= s.LastMonth);
            Add(result, kind switch
            {
                SubjectKind.Town => await Sum(months, f => f.TownCode, ct),
                SubjectKind.Community => await Sum(months, f => f.CommunityCode, ct),
                _ => Text(await Sum(months, f => f.UnitId, ct)),
            });
        }

        if (s.HasDays)
        {
            var days = InDays(db, s);
            Add(result, kind switch
            {
                SubjectKind.Town => await Sum(days, f => f.TownCode, ct),
                SubjectKind.Community => await Sum(days, f => f.CommunityCode, ct),
                _ => Text(await Sum(days, f => f.UnitId, ct)),
            });
        }

        return result;
    }

    private static IQueryable<DailyFigure> InDays(AppDbContext db, FigureSpans s) => db.Set<DailyFigure>().AsNoTracking()
        .Where(f => (f.Day >= s.HeadFirst && f.Day <= s.HeadLast) || (f.Day >= s.TailFirst && f.Day <= s.TailLast));

    private static void Add(Dictionary<string, long> into, IEnumerable<KeyValuePair<string, long>> rows)
    {
        foreach (var (key, n) in rows)
        {
            into[key] = into.GetValueOrDefault(key) + n;
        }
    }

    private static void Add(Dictionary<string, long[]> into, IEnumerable<KeyValuePair<string, long[]>> rows)
    {
        foreach (var (key, sums) in rows)
        {
            if (into.TryGetValue(key, out var existing))
            {
                for (var i = 0; i < sums.Length; i++)
                {
                    existing[i] += sums[i];
                }
            }
            else
            {
                into[key] = sums;
            }
        }
    }

    private static IEnumerable<KeyValuePair<string, T>> Text<T>(IEnumerable<KeyValuePair<int, T>> rows) =>
        rows.Select(r => new KeyValuePair<string, T>(r.Key.ToString(CultureInfo.InvariantCulture), r.Value));

    /// <summary>Every figure summed per subject key (the same columns in every aggregate table).</summary>
    private static async Task<List<KeyValuePair<TKey, long[]>>> Sum<T, TKey>(IQueryable<T> q, Expression<Func<T, TKey>> key, CancellationToken ct)
        where T : FigureRow
    {
        var rows = await q.GroupBy(key).Select(g => new
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
        return rows.Select(r => new KeyValuePair<TKey, long[]>(r.Key, new long[]
        {
            r.Registered, r.RegisteredClosed, r.Dispatched, r.DispatchedPostponed, r.Closed, r.ClosedTimed, r.ClosedOnTime, r.ClosedReworked,
            r.ReworkTimes, r.HandlingMinutes, r.Evaluated, r.Satisfied, r.BasicallySatisfied, r.Contacted, r.Solved, r.AckDue, r.AckOnTime,
            r.OverdueStarted, r.LateClosed, r.InspectionRegistered, r.InspectionRegisteredClosed,
        })).ToList();
    }
}
