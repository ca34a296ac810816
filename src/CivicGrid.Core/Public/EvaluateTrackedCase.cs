using CivicGrid.Cases;
using CivicGrid.Data;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Public;

public sealed record TrackedEvaluation(string? Evaluation, string? Comment);

/// <summary>
/// The reporter evaluates his closed case (满意 / 基本满意 / 不满意) through the loop's own <c>evaluate</c> step,
/// acting as the pseudonymous identity he reported under. Once is enough: a second evaluation is refused.
/// </summary>
public sealed class EvaluateTrackedCase(AppDbContext db, TrackCase tracking, TransitionCase transition)
{
    public const int MaxCommentLength = 500;
    public const string AlreadyEvaluated = "您已经评价过该问题，不能重复评价。感谢您的反馈！";

    public async Task<Outcome<long>> HandleAsync(string? token, TrackedEvaluation request, CancellationToken ct = default)
    {
        if (await tracking.LinkAsync(token, ct) is not { } link)
        {
            return Outcome<long>.NotFound("跟踪链接无效，请核对链接是否完整。");
        }

        if (link.Role != TrackingRole.Reporter || link.ReporterKey is not { } reporter)
        {
            return Outcome<long>.Forbidden("只有问题的反映人可以评价。");
        }

        var c = await db.Set<Case>().AsNoTracking().Where(x => x.Id == link.CaseId).Select(x => new { x.Status, x.ReporterPhone }).SingleAsync(ct);
        if (c.Status == CaseStatus.Evaluated)
        {
            return Outcome<long>.Conflict(AlreadyEvaluated);
        }

        if (c.Status != CaseStatus.Closed)
        {
            return Outcome<long>.Conflict("问题办结后才能评价，请耐心等待。");
        }

        if (CaseWorkflow.ParseEvaluation(request.Evaluation) is not { } evaluation)
        {
            return Outcome<long>.Invalid("evaluation", "请选择评价：满意、基本满意或不满意。");
        }

        var comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim();
        if (comment?.Length > MaxCommentLength)
        {
            return Outcome<long>.Invalid("comment", $"评价内容不能超过 {MaxCommentLength} 个字。");
        }

        var outcome = await transition.HandleAsync(ResidentIdentity.Scope(reporter, c.ReporterPhone), link.CaseId,
            new TransitionRequest("evaluate", Comment: comment is null ? null : "评价：" + CaseWorkflow.EvaluationName(evaluation) + "。" + comment,
                Evaluation: CaseWorkflow.EvaluationName(evaluation)), ct);
        if (outcome.Status == OutcomeStatus.Conflict)
        {
            // Evaluated from another tap or tab meanwhile.
            db.ChangeTracker.Clear();
            var now = await db.Set<Case>().AsNoTracking().Where(x => x.Id == link.CaseId).Select(x => x.Status).SingleAsync(ct);
            return Outcome<long>.Conflict(now == CaseStatus.Evaluated ? AlreadyEvaluated : outcome.Message!);
        }

        return outcome;
    }
}
