using CivicGrid.Platform.Calendar;

namespace CivicGrid.Cases;

/// <summary>
/// The rules each step applies to a case (dates, counters, assignments, deadlines), as plain code:
/// the handler checks who may act and persists; this decides what acting means.
/// </summary>
public static class CaseWorkflow
{
    public static void Register(Case c, DateTimeOffset now)
    {
        c.RegisteredAt ??= now;
    }

    /// <summary>吹哨: one lead unit and any co-units, each with its own 报到 deadline; the handling clock restarts.</summary>
    public static void Dispatch(Case c, int leadUnitId, IEnumerable<int> coUnitIds, int acknowledgeMinutes, DateTimeOffset now,
        WorkingCalendar calendar, TimeLimit? limit)
    {
        var round = c.Assignments.Count == 0 ? 1 : c.Assignments.Max(a => a.Round) + 1;
        foreach (var old in c.Assignments.Where(a => a.IsActive))
        {
            old.IsActive = false;
        }

        var by = now.AddMinutes(acknowledgeMinutes);
        c.Assignments.Add(new CaseAssignment { UnitId = leadUnitId, RegionCode = c.RegionCode, IsLead = true, Round = round, DispatchedAt = now, AcknowledgeBy = by });
        foreach (var co in coUnitIds.Where(u => u != leadUnitId).Distinct())
        {
            c.Assignments.Add(new CaseAssignment { UnitId = co, RegionCode = c.RegionCode, IsLead = false, Round = round, DispatchedAt = now, AcknowledgeBy = by });
        }

        c.DispatchedAt = now;
        c.Deadline = limit is null ? null : calendar.Deadline(now, limit);
        c.Card = SupervisionCard.None;
    }

    /// <summary>报到 by one unit; only the lead unit's acknowledgement moves the case on.</summary>
    public static bool Acknowledge(CaseAssignment assignment, DateTimeOffset now)
    {
        if (assignment.AcknowledgedAt is not null)
        {
            return false;
        }

        assignment.AcknowledgedAt = now;
        return assignment.IsLead;
    }

    /// <summary>退单: the whole dispatch goes back to the command centre.</summary>
    public static void Return(Case c, string reason, DateTimeOffset now)
    {
        foreach (var a in c.Assignments.Where(a => a.IsActive))
        {
            a.IsActive = false;
            a.ReturnedAt = now;
            a.ReturnReason = reason;
        }

        c.Deadline = null;
    }

    public static void Handle(Case c, DateTimeOffset now) => c.HandledAt = now;

    public static void Rework(Case c)
    {
        c.ReworkCount++;
        c.HandledAt = null;
    }

    public static void Close(Case c, DateTimeOffset now) => c.ClosedAt = now;

    /// <summary>延期 approved: the deadline moves by the granted time on the working calendar.</summary>
    public static void Postpone(Case c, TimeLimit extension, DateTimeOffset now, WorkingCalendar calendar)
    {
        c.PostponeCount++;
        c.Deadline = calendar.Deadline(c.Deadline is { } d && d > now ? d : now, extension);
        c.Card = SupervisionCard.None;
    }

    public static void Evaluate(Case c, Evaluation evaluation, DateTimeOffset now)
    {
        c.Evaluation = evaluation;
        c.EvaluatedAt = now;
    }

    public static void Reopen(Case c)
    {
        c.ReopenCount++;
        c.ClosedAt = null;
        c.HandledAt = null;
    }

    public static string EvaluationName(Evaluation e) => e switch
    {
        Evaluation.Satisfied => "满意",
        Evaluation.BasicallySatisfied => "基本满意",
        _ => "不满意",
    };

    public static Evaluation? ParseEvaluation(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "满意" or "satisfied" => Evaluation.Satisfied,
        "基本满意" or "basicallysatisfied" or "basically_satisfied" => Evaluation.BasicallySatisfied,
        "不满意" or "dissatisfied" => Evaluation.Dissatisfied,
        _ => null,
    };

    public static CaseSource? ParseSource(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "citizen" => CaseSource.Citizen,
        "hotline" => CaseSource.Hotline,
        "patrol" => CaseSource.Patrol,
        "inspection" => CaseSource.Inspection,
        "duty" => CaseSource.Duty,
        "ai" => CaseSource.Ai,
        "proposal" => CaseSource.Proposal,
        "safety" => CaseSource.Safety,
        _ => null,
    };

    public static string SourceName(CaseSource s) => s switch
    {
        CaseSource.Citizen => "市民随手拍",
        CaseSource.Hotline => "12345热线",
        CaseSource.Patrol => "网格巡查",
        CaseSource.Inspection => "督查发现",
        CaseSource.Duty => "包街值守",
        CaseSource.Ai => "AI识别",
        CaseSource.Proposal => "民事民议",
        CaseSource.Safety => "安全隐患",
        _ => "其他",
    };
}
