using CivicGrid.Accounts;
using CivicGrid.Cases;
using CivicGrid.Data;
using CivicGrid.Platform;
using CivicGrid.Platform.Calendar;
using CivicGrid.Standards;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Inspections;

/// <summary>One row of results: a point, category, 镇街 or responsible unit over a period.</summary>
public sealed record ResultRow(string Key, string Name, int Inspections, double PassRate, double AverageScoreRate, int Failures, int OpenFindings);

/// <summary>
/// 督查结果 over a period (local dates, inclusive): inspections done, pass rate (share of inspections with no failure),
/// average 得分率, failed items and open findings (their cases not yet closed), grouped by point, category, region (镇街) or unit.
/// Corrected records count once, as their correction.
/// </summary>
public sealed class InspectionResults(AppDbContext db, WorkingCalendarProvider calendars)
{
    public static readonly string[] Groupings = ["point", "category", "region", "unit"];

    public async Task<Outcome<List<ResultRow>>> HandleAsync(AccessScope scope, string? groupBy, DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        var by = (groupBy ?? "point").Trim().ToLowerInvariant();
        if (!Groupings.Contains(by))
        {
            return Outcome<List<ResultRow>>.Invalid("groupBy", "groupBy 可选：point（点位）、category（类别）、region（镇街）、unit（责任单位）。");
        }

        if (from > to)
        {
            return Outcome<List<ResultRow>>.Invalid("from", "开始日期不能晚于结束日期。");
        }

        var calendar = await calendars.GetAsync(ct);
        var query = db.Set<Inspection>().AsNoTracking().Where(InspectionAccess.Readable(scope))
            .Where(i => !db.Set<Inspection>().Any(c => c.CorrectsId == i.Id));
        if (from is { } f)
        {
            var start = calendar.At(f, TimeOnly.MinValue);
            query = query.Where(i => i.SubmittedAt >= start);
        }

        if (to is { } t)
        {
            var end = calendar.At(t.AddDays(1), TimeOnly.MinValue);
            query = query.Where(i => i.SubmittedAt < end);
        }

        var rows = await query.Select(i => new
        {
            i.PointCode,
            i.PointName,
            i.CategoryCode,
            i.RegionCode,
            i.ResponsibleUnitId,
            i.ScoreRate,
            i.FailedItems,
            Open = i.Items.Count(x => x.CaseId != null && db.Set<Case>().Any(c => c.Id == x.CaseId
                && c.Status != CaseStatus.Closed && c.Status != CaseStatus.Evaluated && c.Status != CaseStatus.Rejected && c.Status != CaseStatus.Merged)),
        }).ToListAsync(ct);
        var names = by switch
        {
            "category" => await db.Set<PointCategory>().ToDictionaryAsync(c => c.Code, c => c.Name, ct),
            "region" => await db.Regions.Where(r => r.Level == CivicGrid.Grid.RegionLevel.Town).ToDictionaryAsync(r => r.Code, r => r.Name, ct),
            "unit" => await db.Units.ToDictionaryAsync(u => u.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), u => u.Name, ct),
            _ => rows.GroupBy(r => r.PointCode).ToDictionary(g => g.Key, g => g.First().PointName),
        };
        return Outcome<List<ResultRow>>.Ok(rows.GroupBy(r => by switch
            {
                "category" => r.CategoryCode,
                "region" => r.RegionCode[..Math.Min(9, r.RegionCode.Length)],
                "unit" => r.ResponsibleUnitId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => r.PointCode,
            })
            .Select(g => new ResultRow(g.Key, names.GetValueOrDefault(g.Key) ?? g.Key, g.Count(), Math.Round(g.Count(r => r.FailedItems == 0) / (double)g.Count(), 4),
                Math.Round(g.Average(r => r.ScoreRate), 4), g.Sum(r => r.FailedItems), g.Sum(r => r.Open)))
            .OrderBy(r => r.Key, StringComparer.Ordinal).ToList());
    }

    public static IDictionary<string, object?> ToSheetRow(ResultRow r) => new Dictionary<string, object?>
    {
        ["编码"] = r.Key,
        ["名称"] = r.Name,
        ["督查次数"] = r.Inspections,
        ["达标率"] = r.PassRate,
        ["平均得分率"] = r.AverageScoreRate,
        ["不达标项"] = r.Failures,
        ["未办结问题"] = r.OpenFindings,
    };
}
