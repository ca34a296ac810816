using CivicGrid.Accounts;
using CivicGrid.Data;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Safety.Detections;

/// <summary>
/// What a person made of a warning: <c>hidden_danger</c> (opens a hidden-danger case), <c>violation</c> (records a 三违
/// against <see cref="PersonId"/>) or <c>dismissed</c> (a false alarm).
/// </summary>
public sealed record ResolveWarningRequest(string? Outcome, int? PersonId = null, string? Grade = null, string? Note = null);

/// <summary>
/// Confirms or dismisses a warning, reusing the hidden-danger and 三违 use cases (with their own checks and access rules).
/// The warning is claimed first (only an open one can be), so two people cannot both confirm it; if the follow-up is
/// refused the claim is given back.
/// </summary>
public sealed class ResolveWarning(AppDbContext db, ReportHiddenDanger reportDanger, RecordViolation recordViolation, WarningNotifier notifier, TimeProvider clock)
{
    public async Task<Outcome<WarningStatus>> HandleAsync(AccessScope scope, long warningId, ResolveWarningRequest request, CancellationToken ct = default)
    {
        var target = request.Outcome?.Trim() switch
        {
            "hidden_danger" => WarningStatus.HiddenDanger,
            "violation" => WarningStatus.Violation,
            "dismissed" => WarningStatus.Dismissed,
            _ => (WarningStatus?)null,
        };
        if (target is null)
        {
            return Outcome<WarningStatus>.Invalid("outcome", "处理结果无效，可选：hidden_danger（立隐患）、violation（定三违）、dismissed（误报）。");
        }

        if (request.Note?.Trim().Length > 500)
        {
            return Outcome<WarningStatus>.Invalid("note", "备注不超过 500 字。");
        }

        var warning = await db.Set<DetectionWarning>().AsNoTracking().FirstOrDefaultAsync(w => w.Id == warningId, ct);
        var enterprise = warning is null ? null : await SafetyAccess.EnterpriseAsync(db, scope, warning.EnterpriseId, ct);
        if (warning is null || enterprise is { Status: OutcomeStatus.NotFound })
        {
            return Outcome<WarningStatus>.NotFound($"预警 {warningId} 不存在或不在您的管辖范围内。");
        }

        if (!enterprise!.Succeeded)
        {
            return enterprise.Fail<Organization.Unit, WarningStatus>();
        }

        if (target == WarningStatus.Violation && request.PersonId is null)
        {
            return Outcome<WarningStatus>.Invalid("personId", "定三违须选择违章人员。");
        }

        var now = clock.GetUtcNow();
        var claimed = await db.Set<DetectionWarning>().Where(w => w.Id == warningId && w.Status == WarningStatus.New)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.Status, target.Value).SetProperty(w => w.ResolvedBy, scope.UserName)
                .SetProperty(w => w.ResolvedAt, now).SetProperty(w => w.Note, request.Note == null ? null : request.Note.Trim()), ct);
        if (claimed == 0)
        {
            return Outcome<WarningStatus>.Conflict("该预警已被处理。");
        }

        var followUp = await FollowUpAsync(scope, warning, target.Value, request, ct);
        if (!followUp.Succeeded)
        {
            await db.Set<DetectionWarning>().Where(w => w.Id == warningId)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.Status, WarningStatus.New).SetProperty(w => w.ResolvedBy, (string?)null)
                    .SetProperty(w => w.ResolvedAt, (DateTimeOffset?)null).SetProperty(w => w.Note, (string?)null), CancellationToken.None);
            return followUp.Fail<int?, WarningStatus>();
        }

        if (followUp.Value is { } id)
        {
            var row = db.Set<DetectionWarning>().Where(w => w.Id == warningId);
            _ = target == WarningStatus.HiddenDanger
                ? await row.ExecuteUpdateAsync(s => s.SetProperty(w => w.HiddenDangerId, id), ct)
                : await row.ExecuteUpdateAsync(s => s.SetProperty(w => w.ViolationId, id), ct);
        }

        notifier.Publish(new WarningChange(warningId, warning.EnterpriseId, IsNew: false));
        return Outcome<WarningStatus>.Ok(target.Value);
    }

    private async Task<Outcome<int?>> FollowUpAsync(AccessScope scope, DetectionWarning warning, WarningStatus target, ResolveWarningRequest request, CancellationToken ct)
    {
        if (target == WarningStatus.Dismissed)
        {
            return Outcome<int?>.Ok(null);
        }

        var camera = await db.Set<Camera>().AsNoTracking().FirstAsync(c => c.Id == warning.CameraId, ct);
        var typeName = DetectionTypes.Name(warning.Type);
        var local = warning.RaisedAt.ToOffset(TimeSpan.FromHours(8));
        if (target == WarningStatus.HiddenDanger)
        {
            var danger = await reportDanger.HandleAsync(scope, warning.EnterpriseId, new ReportHiddenDangerRequest(
                $"AI 识别预警：{camera.Name}（{camera.Code}）{local:yyyy-MM-dd HH:mm:ss} 发现{typeName}，置信度 {warning.Confidence:P0}。"
                    + (string.IsNullOrWhiteSpace(request.Note) ? "" : request.Note.Trim()),
                request.Grade ?? "一般", AreaId: camera.AreaId, IdempotencyKey: $"safety-warning-{warning.Id}"), ct);
            return danger.Succeeded ? Outcome<int?>.Ok(danger.Value) : danger.Fail<int, int?>();
        }

        var violation = await recordViolation.HandleAsync(scope, warning.EnterpriseId, new RecordViolationRequest(
            request.PersonId, warning.RaisedAt, ViolationTypeOf(warning.Type), request.Grade ?? "一般",
            $"{typeName}（AI 识别：{camera.Code}，置信度 {warning.Confidence:P0}）", "AI 识别 / " + scope.UserName, AreaId: camera.AreaId, Place: camera.Name), ct);
        return violation.Succeeded ? Outcome<int?>.Ok(violation.Value!.Id) : violation.Fail<RecordedViolation, int?>();
    }

    /// <summary>Smoking or a phone at work breaks labour discipline; the rest are unsafe work (违章作业).</summary>
    private static string ViolationTypeOf(DetectionType type) =>
        type is DetectionType.Smoking or DetectionType.Phone ? "违反劳动纪律" : "违章作业";
}
