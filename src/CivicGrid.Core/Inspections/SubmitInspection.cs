using CivicGrid.Accounts;
using CivicGrid.Cases.Attachments;
using CivicGrid.Cases.Intake;
using CivicGrid.Data;
using CivicGrid.Platform;
using CivicGrid.Standards;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicGrid.Inspections;

/// <summary>One checklist answer: <c>result</c> pass / fail / na, or a <c>value</c> (count or score) that decides it.</summary>
public sealed record ItemAnswer(string? StandardCode, string? Result = null, decimal? Value = null, IReadOnlyList<string>? Photos = null, string? Note = null);

public sealed record SubmitInspectionRequest(
    string? SubmissionKey, long? TaskId = null, string? PointCode = null, double? Lon = null, double? Lat = null, long? CorrectsId = null,
    string? Note = null, IReadOnlyList<ItemAnswer>? Items = null);

public sealed record SubmittedInspection(long Id, bool IsNew);

/// <summary>
/// Records an inspection: every item of the point's checklist answered, a photo for every failure, the position checked
/// against the point (a warning, not a block). The record is written once per submission key; each failed item then
/// becomes one case (source 督查) through the case intake, keyed so that repeats never make a second case. The point's
/// sign shows the result and the task is done.
/// </summary>
public sealed class SubmitInspection(
    AppDbContext db, IndexQueries index, ReportCase reportCase, RecordLatestInspection latest, IOptions<InspectionOptions> options, TimeProvider clock)
{
    public async Task<Outcome<SubmittedInspection>> HandleAsync(AccessScope scope, SubmitInspectionRequest r, CancellationToken ct = default)
    {
        var key = r.SubmissionKey?.Trim();
        if (string.IsNullOrEmpty(key) || key.Length > 100)
        {
            return Outcome<SubmittedInspection>.Invalid("submissionKey", "缺少提交标识 submissionKey（客户端生成，不超过 100 字符），用于防止重复提交。");
        }

        if (await db.Set<Inspection>().Where(i => i.SubmissionKey == key).Select(i => new { i.Id, i.InspectorUserId }).FirstOrDefaultAsync(ct) is { } earlier)
        {
            if (earlier.InspectorUserId != scope.UserId)
            {
                return Outcome<SubmittedInspection>.Conflict("该提交标识已被他人使用。");
            }

            await RaiseCasesAsync(scope, earlier.Id, ct);
            return Outcome<SubmittedInspection>.Ok(new SubmittedInspection(earlier.Id, false));
        }

        InspectionTask? task = null;
        if (r.TaskId is { } taskId)
        {
            task = await db.Set<InspectionTask>().FirstOrDefaultAsync(t => t.Id == taskId, ct);
            if (task is null)
            {
                return Outcome<SubmittedInspection>.NotFound($"督查任务 {taskId} 不存在。");
            }

            if (task.Status == InspectionTaskStatus.Done)
            {
                return Outcome<SubmittedInspection>.Conflict("该任务已完成；如需更正，请提交更正记录（correctsId）。");
            }
        }

        var pointCode = task?.PointCode ?? r.PointCode?.Trim();
        var point = pointCode is null ? null
            : await db.Set<InspectionPoint>().AsNoTracking().Include(p => p.Category).FirstOrDefaultAsync(p => p.Code == pointCode, ct);
        if (point is null)
        {
            return Outcome<SubmittedInspection>.NotFound($"点位 {pointCode} 不存在。");
        }

        if (!InspectionAccess.CanInspect(scope, task?.Assignees) || !PointAccess.CanRead(scope, point))
        {
            return Outcome<SubmittedInspection>.Forbidden("您不是该点位的督查人员，不能提交督查记录。");
        }

        if (r.CorrectsId is { } correctsId
            && !await db.Set<Inspection>().AnyAsync(i => i.Id == correctsId && i.PointId == point.Id, ct))
        {
            return Outcome<SubmittedInspection>.Invalid("correctsId", "被更正的记录不存在或不是该点位的记录。");
        }

        var checklist = await index.ForCategoryAsync(point.Category!.Code, ct);
        var (items, problems) = Judge(checklist.Select(c => c.Standard).ToList(), r.Items ?? []);
        var photos = items.SelectMany(i => InspectionPlan.Split(i.Photos)).Distinct().ToList();
        var (_, photoProblem) = await CheckPhotosAsync(photos, ct);
        if (photoProblem is not null)
        {
            problems.Add(photoProblem);
        }

        if ((r.Lon is null) != (r.Lat is null) || r.Lon is < -180 or > 180 || r.Lat is < -90 or > 90)
        {
            problems.Add(new("lon", "位置无效：经度 lon 与纬度 lat 须同时提供且在有效范围内。"));
        }

        if (r.Note?.Length > 500)
        {
            problems.Add(new("note", "备注不能超过 500 字。"));
        }

        if (problems.Count > 0)
        {
            return Outcome<SubmittedInspection>.Invalid(problems);
        }

        var distance = r.Lon is { } lon && r.Lat is { } lat ? PointDistance.Meters(point, lon, lat) : (double?)null;
        var applicable = items.Where(i => i.Outcome != ItemOutcome.NotApplicable).ToList();
        var total = applicable.Sum(i => i.Points);
        var earned = applicable.Sum(i => i.Earned);
        var inspection = new Inspection
        {
            SubmissionKey = key,
            TaskId = task?.Id,
            PointId = point.Id,
            PointCode = point.Code,
            PointName = point.Name,
            CategoryCode = point.Category.Code,
            RegionCode = point.RegionCode,
            ResponsibleUnitId = point.ResponsibleUnitId,
            CorrectsId = r.CorrectsId,
            InspectorUserId = scope.UserId,
            InspectorName = scope.UserName,
            Lon = r.Lon,
            Lat = r.Lat,
            DistanceMeters = distance is { } d ? Math.Round(d, 1) : null,
            LocationWarning = distance > options.Value.MaxDistanceMeters,
            EarnedPoints = earned,
            TotalPoints = total,
            ScoreRate = total > 0 ? Math.Round((double)(earned / total), 4) : 1,
            FailedItems = items.Count(i => i.Outcome == ItemOutcome.Fail),
            Note = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim(),
            SubmittedAt = clock.GetUtcNow(),
            Items = items,
        };
        db.Add(inspection);
        if (task is not null)
        {
            task.Status = InspectionTaskStatus.Done;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Lost a race for the submission key (two taps at once): the first record is the answer.
            db.ChangeTracker.Clear();
            var winner = await db.Set<Inspection>().Where(i => i.SubmissionKey == key).Select(i => (long?)i.Id).FirstOrDefaultAsync(ct);
            return winner is { } id ? Outcome<SubmittedInspection>.Ok(new SubmittedInspection(id, false)) : throw new InvalidOperationException("督查记录写入失败。");
        }

        if (task is not null)
        {
            task.InspectionId = inspection.Id;
            await db.SaveChangesAsync(ct);
        }

        await RaiseCasesAsync(scope, inspection.Id, ct);
        var failures = items.Where(i => i.Outcome == ItemOutcome.Fail).Select(i => i.Text).ToList();
        await latest.HandleAsync(point.Code, new InspectionResult(inspection.SubmittedAt, inspection.ScoreRate, inspection.FailedItems,
            failures.Count == 0 ? "全部达标" : string.Join("；", failures), inspection.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ct);
        return Outcome<SubmittedInspection>.Created(new SubmittedInspection(inspection.Id, true));
    }

    /// <summary>
    /// One case per failed item that has none yet. The case's idempotency key is derived from the record and the standard,
    /// so a retry after a crash or a repeated submission finds the case instead of making another.
    /// </summary>
    private async Task RaiseCasesAsync(AccessScope scope, long inspectionId, CancellationToken ct)
    {
        var inspection = await db.Set<Inspection>().Include(i => i.Items).FirstAsync(i => i.Id == inspectionId, ct);
        var point = await db.Set<InspectionPoint>().AsNoTracking().FirstAsync(p => p.Id == inspection.PointId, ct);
        foreach (var item in inspection.Items.Where(i => i.Outcome == ItemOutcome.Fail && i.CaseId is null))
        {
            var description = $"【督查发现】{inspection.PointName}（{inspection.PointCode}）：{item.Text}" + (item.Note is { Length: > 0 } n ? $"。{n}" : "");
            var outcome = await reportCase.HandleAsync(scope, new ReportCaseRequest(
                description, item.CaseCategoryCode, point.Lon, point.Lat, point.Address, "inspection",
                $"inspection:{inspection.Id}:{item.StandardCode}", Attachments: InspectionPlan.Split(item.Photos)), ct);
            if (outcome.Value is { } reported)
            {
                item.CaseId = reported.Id;
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task<(IReadOnlyList<string>, Problem?)> CheckPhotosAsync(List<string> photos, CancellationToken ct)
    {
        if (photos.Count == 0)
        {
            return ([], null);
        }

        var problem = (await AttachmentRefs.CheckAsync(db, photos.Take(AttachmentRefs.MaxPerEvent).ToList(), ct)).Problem;
        if (problem is null && photos.Count > AttachmentRefs.MaxPerEvent)
        {
            problem = (await AttachmentRefs.CheckAsync(db, photos.Skip(AttachmentRefs.MaxPerEvent).ToList(), ct)).Problem;
        }

        return ([], problem);
    }

    /// <summary>Judges every answer against its standard's rule; every standard of the checklist must be answered once.</summary>
    internal static (List<InspectionItem> Items, List<Problem> Problems) Judge(IReadOnlyList<StandardView> checklist, IReadOnlyList<ItemAnswer> answers)
    {
        var problems = new List<Problem>();
        var items = new List<InspectionItem>();
        var byCode = answers.Where(a => a.StandardCode is not null).GroupBy(a => a.StandardCode!.Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);
        foreach (var extra in byCode.Keys.Where(k => checklist.All(s => !s.Code.Equals(k, StringComparison.OrdinalIgnoreCase))))
        {
            problems.Add(new($"items.{extra}", $"标准 {extra} 不在该点位的检查清单中。"));
        }

        foreach (var standard in checklist)
        {
            var where = $"items.{standard.Code}";
            if (!byCode.TryGetValue(standard.Code, out var given))
            {
                problems.Add(new(where, $"请填写“{standard.Text}”的检查结果。"));
                continue;
            }

            if (given.Count > 1)
            {
                problems.Add(new(where, $"标准 {standard.Code} 填写了不止一次。"));
                continue;
            }

            var answer = given[0];
            var rule = new ObservationRule(ObservationKinds.Parse(standard.ObservationName) ?? ObservationKind.PassFail, standard.Threshold, standard.MaxScore, standard.PassScore);
            var result = answer.Result?.Trim().ToLowerInvariant();
            ItemOutcome outcome;
            decimal? value = answer.Value;
            if (result is "na" or "notapplicable" or "不适用")
            {
                outcome = ItemOutcome.NotApplicable;
                value = null;
            }
            else if (rule.Kind == ObservationKind.PassFail && result is "pass" or "fail" && value is null)
            {
                value = result == "pass" ? 1 : 0;
                outcome = result == "pass" ? ItemOutcome.Pass : ItemOutcome.Fail;
            }
            else if (value is { } v && rule.Accepts(v))
            {
                outcome = rule.Passes(v) ? ItemOutcome.Pass : ItemOutcome.Fail;
            }
            else
            {
                problems.Add(new(where, rule.Kind == ObservationKind.PassFail
                    ? $"“{standard.Text}”请选择达标（pass）、不达标（fail）或不适用（na）。"
                    : $"“{standard.Text}”请填写有效的{ObservationKinds.ChineseName(rule.Kind)}数值（{standard.HowObserved}），或选择不适用（na）。"));
                continue;
            }

            var photos = (answer.Photos ?? []).Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim().ToLowerInvariant()).Distinct().ToList();
            if (outcome == ItemOutcome.Fail && photos.Count == 0)
            {
                problems.Add(new(where, $"“{standard.Text}”不达标，须拍照留证。"));
                continue;
            }

            if (answer.Note?.Length > 200)
            {
                problems.Add(new(where, "单项说明不能超过 200 字。"));
                continue;
            }

            items.Add(new InspectionItem
            {
                StandardCode = standard.Code,
                Text = standard.Text,
                Points = standard.Points,
                Outcome = outcome,
                Value = value,
                Earned = outcome == ItemOutcome.NotApplicable ? 0 : rule.Earned(standard.Points, value ?? 0),
                CaseCategoryCode = standard.CaseCategoryCode,
                Photos = string.Join(',', photos),
                Note = string.IsNullOrWhiteSpace(answer.Note) ? null : answer.Note.Trim(),
            });
        }

        return (items, problems);
    }
}
