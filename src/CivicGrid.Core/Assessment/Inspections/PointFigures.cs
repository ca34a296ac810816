using System.Globalization;
using CivicGrid.Data;
using CivicGrid.Platform.Calendar;
using CivicGrid.Standards;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Assessment.Inspections;

/// <summary>
/// 点位达标率 from what the Standards module keeps today: each active point's latest inspection result. Isolated here
/// so it can read the inspections module's own records once that exists.
/// </summary>
public static class PointFigures
{
    public static async Task<Dictionary<string, PointTotals>> SumAsync(AppDbContext db, SubjectKind kind, AssessmentPeriod period, CancellationToken ct)
    {
        var end = new DateTimeOffset(period.Last.AddDays(1).ToDateTime(TimeOnly.MinValue), WorkingCalendar.ChinaTimeZone.BaseUtcOffset);
        var points = await db.Set<InspectionPoint>().AsNoTracking()
            .Where(p => p.Status == PointStatus.Active && p.LatestInspection != null)
            .Select(p => new { p.RegionCode, p.ResponsibleUnitId, p.LatestInspection!.InspectedAt, p.LatestInspection.FailedItems })
            .ToListAsync(ct);
        return points.Where(p => p.InspectedAt < end)
            .GroupBy(p => kind switch
            {
                SubjectKind.Town => p.RegionCode[..Math.Min(9, p.RegionCode.Length)],
                SubjectKind.Community => p.RegionCode[..Math.Min(12, p.RegionCode.Length)],
                _ => p.ResponsibleUnitId.ToString(CultureInfo.InvariantCulture),
            })
            .ToDictionary(g => g.Key, g => new PointTotals(g.Count(), g.Count(p => p.FailedItems == 0)));
    }
}
