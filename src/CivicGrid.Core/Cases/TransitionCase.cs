using CivicGrid.Accounts;
using CivicGrid.Cases.Attachments;
using CivicGrid.Cases.Catalog;
using CivicGrid.Data;
using CivicGrid.Platform;
using CivicGrid.Platform.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicGrid.Cases;

public sealed record CallbackInput(bool? Contacted, bool? Solved, string? Note);

/// <summary>One step of the loop (CONTRACT.md: POST /api/v1/cases/{id}/transitions).</summary>
public sealed record TransitionRequest(
    string? Action, string? Comment = null, int? LeadUnitId = null, IReadOnlyList<int>? CoUnitIds = null, int? AcknowledgeMinutes = null,
    long? MergeIntoId = null, string? CategoryCode = null, string? Evaluation = null, CallbackInput? Callback = null,
    TimeLimitInput? Extension = null, int? Version = null, IReadOnlyList<string>? Attachments = null);

public sealed class TransitionCase(
    AppDbContext db, CaseTriage triage, WorkingCalendarProvider calendars, IOptions<CaseOptions> options, TimeProvider clock,
    IEnumerable<ICaseStepGuard> guards)
{
    public async Task<Outcome<long>> HandleAsync(AccessScope scope, long caseId, TransitionRequest request, CancellationToken ct = default)
    {
        if (!CaseStatuses.TryParseAction(request.Action, out var action))
        {
            return Outcome<long>.Invalid("action", "操作无效，可选：register、reject、merge、dispatch、acknowledge、return、handle、verify、rework、close、evaluate、postpone、suspend。");
        }

        var c = await db.Set<Case>().Include(x => x.Assignments).FirstOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is null || !CaseAccess.CanSee(scope, c))
        {
            return Outcome<long>.NotFound($"案卷 {caseId} 不存在或您无权查看。");
        }

        if (request.Version is { } expected && expected != c.Version)
        {
            return Outcome<long>.Conflict("案卷已被他人处理，请刷新后重试。");
        }

        var (attachments, attachmentProblem) = await AttachmentRefs.CheckAsync(db, request.Attachments, ct);
        if (attachmentProblem is not null)
        {
            return Outcome<long>.Invalid([attachmentProblem], attachmentProblem.Message);
        }

        if (action is CaseAction.Dispatch or CaseAction.Close && CaseAccess.CanDispatch(scope, c) && CaseStateMachine.IsAllowed(c.Status, action)
            && await GuardRefusalAsync(c, action, ct) is { } guarded)
        {
            return Outcome<long>.Conflict(guarded);
        }

        var step = new CaseStep(c, scope, request with { Attachments = attachments }, clock.GetUtcNow(), new CaseHistory(db));
        var outcome = action switch
        {
            CaseAction.Register => await RegisterAsync(step, ct),
            CaseAction.Reject => await SimpleAsync(step, action, CaseAccess.CanDispatch(scope, c), requireComment: "请填写不予立案的理由。", ct),
            CaseAction.Merge => await MergeAsync(step, ct),
            CaseAction.Dispatch => await DispatchAsync(step, ct),
            CaseAction.Acknowledge => await AcknowledgeAsync(step, ct),
            CaseAction.Return => await ReturnAsync(step, ct),
            CaseAction.Handle => await HandleStepAsync(step, ct),
            CaseAction.Verify => await VerifyAsync(step, ct),
            CaseAction.Rework => await SimpleAsync(step, action, CaseAccess.CanVerify(scope, c), requireComment: "请填写返工原因。", ct),
            CaseAction.Close => await SimpleAsync(step, action, CaseAccess.CanDispatch(scope, c), requireComment: null, ct),
            CaseAction.Evaluate => await EvaluateAsync(step, ct),
            CaseAction.Postpone => await PostponeAsync(step, ct),
            CaseAction.Suspend => await SimpleAsync(step, action, CaseAccess.CanDispatch(scope, c), requireComment: "请填写挂账原因。", ct),
            _ => Outcome<long>.Invalid("action", "不支持的操作。"),
        };
        if (!outcome.Succeeded)
        {
            return outcome;
        }

        c.Version++;
        c.UpdatedAt = step.Now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Concurrency token or the (case, sequence) index: someone else changed the case first.
            return Outcome<long>.Conflict("案卷已被他人处理，请刷新后重试。");
        }

        return Outcome<long>.Ok(c.Id);
    }

    /// <summary>The first refusal of another module's guard (a hidden danger not yet accepted stays verified, not closed).</summary>
    private async Task<string?> GuardRefusalAsync(Case c, CaseAction action, CancellationToken ct)
    {
        foreach (var guard in guards)
        {
            if (await guard.RefusalAsync(c, action, ct) is { } refusal)
            {
                return refusal;
            }
        }

        return null;
    }

    private sealed record CaseStep(Case Case, AccessScope Scope, TransitionRequest Request, DateTimeOffset Now, CaseHistory History)
    {
        public Task Record(CaseAction action, CaseStatus from, object? data = null, string? comment = null, CancellationToken ct = default) =>
            History.AppendAsync(Case, action.ToString().ToLowerInvariant(), action, from, Case.Status, Scope, Scope.UserName, Now,
                comment ?? Request.Comment, data, Request.Attachments, ct: ct);
    }

    /// <summary>Who may act is checked before the state, so an outsider learns nothing about the case's progress.</summary>
    private static Outcome<long>? Refuse(Case c, CaseAction action, bool permitted)
    {
        if (!permitted)
        {
            return Outcome<long>.Forbidden($"您无权对该案卷执行“{CaseStatuses.ChineseName(action)}”。");
        }

        return CaseStateMachine.IsAllowed(c.Status, action) ? null : Outcome<long>.Conflict(CaseStateMachine.RefusalMessage(c.Status, action));
    }

    private static async Task<Outcome<long>> SimpleAsync(CaseStep s, CaseAction action, bool permitted, string? requireComment, CancellationToken ct)
    {
        if (Refuse(s.Case, action, permitted) is { } refusal)
        {
            return refusal;
        }

        if (requireComment is not null && string.IsNullOrWhiteSpace(s.Request.Comment))
        {
            return Outcome<long>.Invalid("comment", requireComment);
        }

        var from = s.Case.Status;
        s.Case.Status = CaseStateMachine.Next(from, action)!.Value;
        switch (action)
        {
            case CaseAction.Rework:
                CaseWorkflow.Rework(s.Case);
                break;
            case CaseAction.Close:
                CaseWorkflow.Close(s.Case, s.Now);
                break;
        }

        await s.Record(action, from, ct: ct);
        return Outcome<long>.Ok(s.Case.Id);
    }

    private async Task<Outcome<long>> RegisterAsync(CaseStep s, CancellationToken ct)
    {
        if (Refuse(s.Case, CaseAction.Register, CaseAccess.CanDispatch(s.Scope, s.Case)) is { } refusal)
        {
            return refusal;
        }

        if (await ApplyCategoryAsync(s, ct) is { } invalid)
        {
            return invalid;
        }

        CaseWorkflow.Register(s.Case, s.Now);
        s.Case.Status = CaseStatus.Registered;
        await s.Record(CaseAction.Register, CaseStatus.Reported, new { category = s.Case.CategoryCode }, ct: ct);
        return Outcome<long>.Ok(s.Case.Id);
    }

    private async Task<Outcome<long>> MergeAsync(CaseStep s, CancellationToken ct)
    {
        if (Refuse(s.Case, CaseAction.Merge, CaseAccess.CanDispatch(s.Scope, s.Case)) is { } refusal)
        {
            return refusal;
        }

        var targetId = s.Request.MergeIntoId;
        var target = targetId is null ? null : await db.Set<Case>().AsNoTracking().Include(x => x.Assignments).FirstOrDefaultAsync(x => x.Id == targetId, ct);
        if (target is null || target.Id == s.Case.Id || !CaseAccess.CanSee(s.Scope, target) || target.Status is CaseStatus.Merged or CaseStatus.Rejected)
        {
            return Outcome<long>.Invalid("mergeIntoId", "请指定要合并到的原案卷（须为其他未合并、未驳回的案卷）。");
        }

        var from = s.Case.Status;
        s.Case.Status = CaseStatus.Merged;
        s.Case.MergedIntoId = target.Id;
        await s.Record(CaseAction.Merge, from, new { into = target.Id, number = target.Number },
            s.Request.Comment ?? $"与案卷 {target.Number} 为同一问题，已合并。", ct);
        return Outcome<long>.Ok(s.Case.Id);
    }

    private async Task<Outcome<long>> DispatchAsync(CaseStep s, CancellationToken ct)
    {
        if (Refuse(s.Case, CaseAction.Dispatch, CaseAccess.CanDispatch(s.Scope, s.Case)) is { } refusal)
        {
            return refusal;
        }

        if (await ApplyCategoryAsync(s, ct) is { } invalid)
        {
            return invalid;
        }

        if (s.Request.LeadUnitId is not { } lead)
        {
            return Outcome<long>.Invalid("leadUnitId", "请指定主办单位（leadUnitId）。");
        }

        var units = new[] { lead }.Concat(s.Request.CoUnitIds ?? []).Distinct().ToList();
        var found = await db.Units.Where(u => units.Contains(u.Id) && u.IsActive).Select(u => new { u.Id, u.Name }).ToListAsync(ct);
        if (found.Count != units.Count)
        {
            return Outcome<long>.Invalid("leadUnitId", "派遣的单位不存在或已停用：" + string.Join("、", units.Except(found.Select(f => f.Id))) + "。");
        }

        if (s.Request.AcknowledgeMinutes is < 1 or > 7 * 24 * 60)
        {
            return Outcome<long>.Invalid("acknowledgeMinutes", "报到时限须在 1 分钟到 7 天之间。");
        }

        var from = s.Case.Status;
        await triage.DispatchAsync(s.Case, lead, units.Skip(1).ToList(), s.Request.AcknowledgeMinutes, s.Now, ct);
        var names = found.ToDictionary(f => f.Id, f => f.Name);
        await s.Record(CaseAction.Dispatch, from, new { lead, co = units.Skip(1), deadline = s.Case.Deadline },
            s.Request.Comment ?? $"派遣至{names[lead]}" + (units.Count > 1 ? "，协办：" + string.Join("、", units.Skip(1).Select(u => names[u])) : ""), ct);
        return Outcome<long>.Ok(s.Case.Id);
    }

    private static async Task<Outcome<long>> AcknowledgeAsync(CaseStep s, CancellationToken ct)
    {
        var acting = CaseAccess.ActingAssignments(s.Scope, s.Case).Where(a => a.AcknowledgedAt is null).ToList();
        if (acting.Count == 0)
        {
            return CaseAccess.ActingAssignments(s.Scope, s.Case).Count > 0
                ? Outcome<long>.Conflict("您的单位已签收该案卷。")
                : Outcome<long>.Forbidden("该案卷未派遣给您的单位。");
        }

        var lead = acting.FirstOrDefault(a => a.IsLead);
        if (lead is not null && Refuse(s.Case, CaseAction.Acknowledge, true) is { } refusal)
        {
            return refusal;
        }

        if (lead is null && CaseStatuses.IsFinal(s.Case.Status))
        {
            return Outcome<long>.Conflict(CaseStateMachine.RefusalMessage(s.Case.Status, CaseAction.Acknowledge));
        }

        var from = s.Case.Status;
        foreach (var a in acting)
        {
            CaseWorkflow.Acknowledge(a, s.Now);
        }

        if (lead is not null)
        {
            s.Case.Status = CaseStatus.Acknowledged;
        }

        var late = acting.Where(a => a.AcknowledgedAt > a.AcknowledgeBy).Select(a => a.UnitId).ToList();
        await s.Record(CaseAction.Acknowledge, from, new { units = acting.Select(a => a.UnitId), late },
            s.Request.Comment ?? (lead is null ? "协办单位已报到" : "主办单位已签收"), ct);
        return Outcome<long>.Ok(s.Case.Id);
    }

    private static async Task<Outcome<long>> ReturnAsync(CaseStep s, CancellationToken ct)
    {
        var acting = CaseAccess.ActingAssignments(s.Scope, s.Case);
        if (Refuse(s.Case, CaseAction.Return, acting.Count > 0) is { } refusal)
        {
            return refusal;
        }

        if (!acting.Any(a => a.IsLead))
        {
            return Outcome<long>.Forbidden("只有主办单位可以退单；协办单位请与主办单位联系。");
        }

        if (string.IsNullOrWhiteSpace(s.Request.Comment))
        {
            return Outcome<long>.Invalid("comment", "请填写退单理由。");
        }

        var from = s.Case.Status;
        CaseWorkflow.Return(s.Case, s.Request.Comment.Trim(), s.Now);
        s.Case.Status = CaseStatus.Returned;
        await s.Record(CaseAction.Return, from, ct: ct);
        return Outcome<long>.Ok(s.Case.Id);
    }

    private static async Task<Outcome<long>> HandleStepAsync(CaseStep s, CancellationToken ct)
    {
        var permitted = s.Case.Status == CaseStatus.Registered
            ? CaseAccess.CanSelfHandle(s.Scope, s.Case)
            : CaseAccess.ActingAssignments(s.Scope, s.Case).Any(a => a.IsLead);
        if (Refuse(s.Case, CaseAction.Handle, permitted) is { } refusal)
        {
            return refusal;
        }

        if (string.IsNullOrWhiteSpace(s.Request.Comment))
        {
            return Outcome<long>.Invalid("comment", "请填写处置情况。");
        }

        var from = s.Case.Status;
        CaseWorkflow.Handle(s.Case, s.Now);
        s.Case.Status = CaseStatus.Handled;
        await s.Record(CaseAction.Handle, from, from == CaseStatus.Registered ? new { selfHandled = true } : null, ct: ct);
        return Outcome<long>.Ok(s.Case.Id);
    }

    private async Task<Outcome<long>> VerifyAsync(CaseStep s, CancellationToken ct)
    {
        if (Refuse(s.Case, CaseAction.Verify, CaseAccess.CanVerify(s.Scope, s.Case)) is { } refusal)
        {
            return refusal;
        }

        s.Case.Status = CaseStatus.Verified;
        await s.Record(CaseAction.Verify, CaseStatus.Handled, comment: s.Request.Comment ?? "核查通过", ct: ct);
        if (options.Value.CloseOnVerify && await GuardRefusalAsync(s.Case, CaseAction.Close, ct) is null)
        {
            CaseWorkflow.Close(s.Case, s.Now);
            s.Case.Status = CaseStatus.Closed;
            await s.History.AppendAsync(s.Case, "close", CaseAction.Close, CaseStatus.Verified, CaseStatus.Closed, null, null, s.Now,
                "核查通过，系统自动结案", ct: ct);
        }

        return Outcome<long>.Ok(s.Case.Id);
    }

    private async Task<Outcome<long>> EvaluateAsync(CaseStep s, CancellationToken ct)
    {
        if (Refuse(s.Case, CaseAction.Evaluate, CaseAccess.CanEvaluate(s.Scope, s.Case)) is { } refusal)
        {
            return refusal;
        }

        if (CaseWorkflow.ParseEvaluation(s.Request.Evaluation) is not { } evaluation)
        {
            return Outcome<long>.Invalid("evaluation", "请选择评价：满意、基本满意或不满意。");
        }

        CaseWorkflow.Evaluate(s.Case, evaluation, s.Now);
        s.Case.Status = CaseStatus.Evaluated;
        var callback = s.Request.Callback;
        await s.Record(CaseAction.Evaluate, CaseStatus.Closed,
            new { evaluation = CaseWorkflow.EvaluationName(evaluation), contacted = callback?.Contacted, solved = callback?.Solved, note = callback?.Note },
            s.Request.Comment ?? "评价：" + CaseWorkflow.EvaluationName(evaluation), ct);

        var reopens = evaluation == Evaluation.Dissatisfied && s.Case.CategoryCode is not null
            && await db.Set<CaseCategory>().AnyAsync(x => x.Code == s.Case.CategoryCode && x.ReopenOnDissatisfied, ct);
        if (reopens)
        {
            CaseWorkflow.Reopen(s.Case);
            s.Case.Status = CaseStatus.Rework;
            await s.History.AppendAsync(s.Case, "reopen", CaseAction.Reopen, CaseStatus.Evaluated, CaseStatus.Rework, null, null, s.Now,
                "群众不满意，案卷重新办理", ct: ct);
        }

        return Outcome<long>.Ok(s.Case.Id);
    }

    private async Task<Outcome<long>> PostponeAsync(CaseStep s, CancellationToken ct)
    {
        if (Refuse(s.Case, CaseAction.Postpone, CaseAccess.CanDispatch(s.Scope, s.Case)) is { } refusal)
        {
            return refusal;
        }

        var unit = TimeLimitUnits.Parse(s.Request.Extension?.Unit ?? "工作日");
        if (s.Request.Extension?.Value is not ({ } value and > 0) || unit is null || TimeLimitUnits.Check(value, s.Request.Extension?.Unit ?? "工作日") is not null)
        {
            return Outcome<long>.Invalid("extension", "请填写延期时长（extension.value，正整数）和单位（工作日或工作时）。");
        }

        if (string.IsNullOrWhiteSpace(s.Request.Comment))
        {
            return Outcome<long>.Invalid("comment", "请填写延期理由。");
        }

        var from = s.Case.Status;
        CaseWorkflow.Postpone(s.Case, new TimeLimit(value, unit.Value), s.Now, await calendars.GetAsync(ct));
        s.Case.Status = CaseStatus.Postponed;
        await s.Record(CaseAction.Postpone, from, new { extension = $"{value} {TimeLimitUnits.ChineseName(unit.Value)}", deadline = s.Case.Deadline }, ct: ct);
        return Outcome<long>.Ok(s.Case.Id);
    }

    private async Task<Outcome<long>?> ApplyCategoryAsync(CaseStep s, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(s.Request.CategoryCode))
        {
            return s.Case.CategoryCode is null ? Outcome<long>.Invalid("categoryCode", "案卷尚未分类，请指定问题分类（categoryCode）。") : null;
        }

        var code = CategoryCodes.Normalize(s.Request.CategoryCode);
        var leaf = await db.Set<CaseCategory>().AnyAsync(x => x.Code == code && x.IsActive, ct)
            && !await db.Set<CaseCategory>().AnyAsync(x => x.ParentCode == code && x.IsActive, ct);
        if (!leaf)
        {
            return Outcome<long>.Invalid("categoryCode", $"问题分类“{code}”不存在或不是末级分类。");
        }

        s.Case.CategoryCode = code;
        return null;
    }
}
