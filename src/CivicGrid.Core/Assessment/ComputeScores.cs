using System.Text.Json;
using CivicGrid.Accounts;
using CivicGrid.Assessment.Figures;
using CivicGrid.Assessment.Inspections;
using CivicGrid.Data;
using CivicGrid.Grid;
using CivicGrid.Organization;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Assessment;

/// <summary>
/// Scores of a scheme over a period for every subject of its kind, from the daily figures: indicators, points per
/// item, rank (ties share a rank), and the change from the previous period. A published run answers instead of a
/// live computation, so later cases do not change what was published.
/// </summary>
public sealed class ComputeScores(AppDbContext db)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<Outcome<ScoreBoard>> DefaultAsync(AccessScope scope, string? subjectKind, string? period, CancellationToken ct = default)
    {
        if (!AssessmentAccess.CanRead(scope))
        {
            return Outcome<ScoreBoard>.Forbidden("您无权查看考评结果。");
        }

        if (SubjectKinds.Parse(subjectKind) is not { } kind)
        {
            return Outcome<ScoreBoard>.Invalid("subjectKind", "考评对象类型（subjectKind）应为 town、community 或 department。");
        }

        var scheme = await db.Set<Scheme>().AsNoTracking().Where(s => s.SubjectKind == kind && s.IsDefault).OrderBy(s => s.Id).FirstOrDefaultAsync(ct);
        if (scheme is null)
        {
            return Outcome<ScoreBoard>.NotFound($"尚未配置{SubjectKinds.ChineseName(kind)}的默认考评方案。");
        }

        return await SchemeAsync(scope, scheme, period, ct);
    }

    public async Task<Outcome<ScoreBoard>> SchemeAsync(AccessScope scope, Scheme scheme, string? periodText, CancellationToken ct = default)
    {
        if (!AssessmentAccess.CanRead(scope))
        {
            return Outcome<ScoreBoard>.Forbidden("您无权查看考评结果。");
        }

        if (AssessmentPeriod.Parse(periodText, scheme.PeriodKind, scheme.MonthStartDay) is not { } period)
        {
            return Outcome<ScoreBoard>.Invalid("period", PeriodHint(scheme.PeriodKind));
        }

        var district = await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.District).Select(r => r.Code).FirstOrDefaultAsync(ct) ?? "";
        var subjects = await SubjectsAsync(scheme.SubjectKind, ct);
        var visible = subjects.Where(s => AssessmentAccess.CanReadSubject(scope, scheme.SubjectKind, s.Region, district)).Select(s => s.Code).ToHashSet();
        if (visible.Count == 0 && subjects.Count > 0)
        {
            return Outcome<ScoreBoard>.Forbidden($"您无权查看{SubjectKinds.ChineseName(scheme.SubjectKind)}的考评结果。");
        }

        var published = await db.Set<AssessmentRun>().AsNoTracking()
            .Where(r => r.SchemeId == scheme.Id && r.PeriodKey == period.Key && r.PublishedAt != null)
            .OrderByDescending(r => r.PublishedAt).Select(r => r.BoardJson).FirstOrDefaultAsync(ct);
        var board = published is not null
            ? JsonSerializer.Deserialize<ScoreBoard>(published, Json)!
            : await ComputeAsync(scheme, period, subjects, ct);
        return Outcome<ScoreBoard>.Ok(board with { Items = board.Items.Where(i => visible.Contains(i.SubjectCode)).ToList() });
    }

    internal sealed record Subject(string Code, string Name, string Region, string Key);

    private async Task<List<Subject>> SubjectsAsync(SubjectKind kind, CancellationToken ct)
    {
        if (kind == SubjectKind.Department)
        {
            return (await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Department && u.IsActive).OrderBy(u => u.Code)
                .Select(u => new { u.Id, u.Code, u.Name, u.RegionCode }).ToListAsync(ct))
                .Select(u => new Subject(u.Code, u.Name, u.RegionCode, u.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        }

        var level = kind == SubjectKind.Town ? RegionLevel.Town : RegionLevel.Community;
        return (await db.Regions.AsNoTracking().Where(r => r.Level == level).OrderBy(r => r.Code).Select(r => new { r.Code, r.Name }).ToListAsync(ct))
            .Select(r => new Subject(r.Code, r.Name, r.Code, r.Code)).ToList();
    }

    /// <summary>The full ranking over every subject (no scope filter): what a run stores.</summary>
    internal async Task<ScoreBoard> ComputeAsync(Scheme scheme, AssessmentPeriod period, List<Subject>? subjects = null, CancellationToken ct = default)
    {
        subjects ??= await SubjectsAsync(scheme.SubjectKind, ct);
        var current = await ScoreAsync(scheme, period, subjects, ct);
        var previous = (await ScoreAsync(scheme, period.Previous(scheme.MonthStartDay), subjects, ct)).ToDictionary(s => s.SubjectCode);
        var items = current.Select(s => previous.TryGetValue(s.SubjectCode, out var p)
            ? s with { PreviousScore = p.Score, PreviousRank = p.Rank, RankChange = p.Rank - s.Rank }
            : s).ToList();
        return new ScoreBoard(period.Key, period.ChineseName, SubjectKinds.ApiName(scheme.SubjectKind), scheme.Id, scheme.Name, items);
    }

    private async Task<List<SubjectScore>> ScoreAsync(Scheme scheme, AssessmentPeriod period, List<Subject> subjects, CancellationToken ct)
    {
        var points = await PointFigures.SumAsync(db, scheme.SubjectKind, period, ct);
        var totals = await SubjectFigures.SumAsync(db, scheme.SubjectKind, period, points, ct);
        var settings = new IndicatorSettings(scheme.BasicallySatisfiedWeight);
        var empty = new FigureTotals(new long[FigureSet.Count], 0, new PointTotals(0, 0));
        var items = scheme.Items;
        var scored = subjects.Select(s =>
        {
            var t = totals.GetValueOrDefault(s.Key) ?? empty;
            var indicators = new Dictionary<string, double?>();
            var figures = new Dictionary<string, double?>();
            foreach (var indicator in Indicators.All)
            {
                (indicator.Unit == IndicatorUnit.Rate ? indicators : figures)[indicator.Name] = indicator.Compute(t, settings);
            }

            var score = items.Sum(item => Indicators.Find(item.Indicator) is { } i ? item.Score(i.Compute(t, settings), i.HigherIsBetter) : 0);
            return new SubjectScore(s.Code, s.Name, Math.Round(score, 2), 0, indicators, figures, null, null, null);
        }).OrderByDescending(s => s.Score).ThenBy(s => s.SubjectCode, StringComparer.Ordinal).ToList();
        for (var i = 0; i < scored.Count; i++)
        {
            var rank = i > 0 && scored[i].Score == scored[i - 1].Score ? scored[i - 1].Rank : i + 1;
            scored[i] = scored[i] with { Rank = rank };
        }

        return scored;
    }

    internal static string PeriodHint(PeriodKind kind) => kind switch
    {
        PeriodKind.Week => "考评周期（period）格式应为 YYYY-Www，如 2026-W43。",
        PeriodKind.Quarter => "考评周期（period）格式应为 YYYY-Qn，如 2026-Q3。",
        PeriodKind.Year => "考评周期（period）格式应为 YYYY，如 2026。",
        _ => "考评周期（period）格式应为 YYYY-MM，如 2026-10。",
    };
}
