using CivicGrid.Cases;
using CivicGrid.Cases.Responsibility;
using CivicGrid.Platform.Calendar;

namespace CivicGrid.Data.Seed;

/// <summary>
/// Plans one demo case: where, what, how far round the loop, and each step with its actor and time.
/// The steps run on the real workflow rules (<see cref="CaseWorkflow"/>) and always end before "now".
/// </summary>
internal sealed class DemoCasesPlanner(
    DateTimeOffset now, WorkingCalendar calendar, IReadOnlyDictionary<string, TimeLimit?> limits, IReadOnlyDictionary<string, Guid> users, Random random)
{
    public sealed record Cell(string Code, double Lon, double Lat);

    public sealed class Step
    {
        public required string Kind { get; init; }
        public CaseAction? Action { get; init; }
        public CaseStatus? From { get; init; }
        public CaseStatus To { get; init; }
        public string? Actor { get; init; }
        public string? ActorName { get; init; }
        public DateTimeOffset At { get; init; }
        public string? Comment { get; set; }
        public object? Data { get; set; }
    }

    public sealed record Plan(Case Case, List<Step> Steps);

    private static readonly (CaseSource Source, int Weight)[] Sources =
        [(CaseSource.Citizen, 55), (CaseSource.Hotline, 20), (CaseSource.Patrol, 15), (CaseSource.Duty, 4), (CaseSource.Inspection, 3), (CaseSource.Safety, 3)];

    private static readonly string[] Handlings =
        ["已到现场处置完毕，现场已恢复", "已安排人员清理整改", "已联系责任人整改到位", "已维修更换，恢复正常", "已劝离并教育，现场秩序恢复"];

    private readonly string[] _codes = limits.Keys.Order(StringComparer.Ordinal).ToArray();

    public async Task<Plan> PlanAsync(string district, IReadOnlyList<Cell> cells, ResponsibilityResolver resolver, CancellationToken ct)
    {
        var code = _codes[random.Next(_codes.Length)];
        var cell = cells[random.Next(cells.Count)];
        // More recent months are busier: a square root spreads reports towards now.
        var ageDays = 365 * (1 - Math.Sqrt(random.NextDouble()));
        var reportedAt = Trim(now.AddDays(-ageDays).AddMinutes(-random.Next(5, 60)));
        var source = Pick(Sources);
        var c = new Case
        {
            Status = CaseStatus.Reported,
            Source = source,
            CategoryCode = code,
            DistrictCode = district,
            RegionCode = cell.Code,
            Description = DemoCasesCorpus.Describe(code, random),
            Lon = Math.Round(cell.Lon + ((random.NextDouble() - 0.5) * 0.0006), 6),
            Lat = Math.Round(cell.Lat + ((random.NextDouble() - 0.5) * 0.0005), 6),
            ReporterUserId = source == CaseSource.Citizen && random.Next(4) == 0 ? users.GetValueOrDefault("resident") : null,
            ReporterName = source is CaseSource.Citizen or CaseSource.Hotline ? "市民" + "张王李赵刘陈杨黄周吴"[random.Next(10)] + (random.Next(2) == 0 ? "先生" : "女士") : null,
            ReportedAt = reportedAt,
            Version = 1,
        };
        c.SearchText = c.Description;
        var match = await resolver.ResolveAsync(code, cell.Code, ct);
        var target = Target(ageDays, match);
        var steps = Walk(c, target, match, limits.GetValueOrDefault(code));
        c.UpdatedAt = steps[^1].At;
        c.Version = steps.Count;
        return new Plan(c, steps);
    }

    /// <summary>Points merged cases at an earlier case of the same category.</summary>
    public static void LinkMerged(List<Plan> plans)
    {
        var firstByCategory = new Dictionary<string, Case>();
        foreach (var plan in plans)
        {
            var c = plan.Case;
            if (c.Status == CaseStatus.Merged && firstByCategory.TryGetValue(c.CategoryCode!, out var original))
            {
                c.MergedIntoId = original.Id;
                var merge = plan.Steps[^1];
                merge.Data = new { into = original.Id, number = original.Number };
                merge.Comment = $"与案卷 {original.Number} 为同一问题，已合并。";
            }
            else if (c.Status != CaseStatus.Merged)
            {
                firstByCategory.TryAdd(c.CategoryCode!, c);
            }
        }
    }

    private CaseStatus Target(double ageDays, ResponsibilityMatch? match)
    {
        (CaseStatus, int)[] mix = ageDays switch
        {
            > 30 => [(CaseStatus.Evaluated, 52), (CaseStatus.Closed, 32), (CaseStatus.Rejected, 4), (CaseStatus.Merged, 3), (CaseStatus.Suspended, 3),
                (CaseStatus.Handled, 2), (CaseStatus.Rework, 1), (CaseStatus.Postponed, 1), (CaseStatus.Verified, 1), (CaseStatus.Acknowledged, 1)],
            > 7 => [(CaseStatus.Closed, 35), (CaseStatus.Evaluated, 20), (CaseStatus.Handled, 10), (CaseStatus.Acknowledged, 9), (CaseStatus.Postponed, 5),
                (CaseStatus.Rework, 5), (CaseStatus.Dispatched, 5), (CaseStatus.Returned, 2), (CaseStatus.Suspended, 2), (CaseStatus.Rejected, 3),
                (CaseStatus.Merged, 2), (CaseStatus.Registered, 2)],
            _ => [(CaseStatus.Reported, 18), (CaseStatus.Registered, 8), (CaseStatus.Dispatched, 22), (CaseStatus.Acknowledged, 20), (CaseStatus.Handled, 10),
                (CaseStatus.Closed, 12), (CaseStatus.Returned, 3), (CaseStatus.Merged, 3), (CaseStatus.Rejected, 2), (CaseStatus.Rework, 2)],
        };
        var target = Pick(mix);
        // Without a responsible unit nothing can be dispatched; a returned case leaves 城管's list, keep those elsewhere.
        if (match is null && target is not (CaseStatus.Reported or CaseStatus.Rejected or CaseStatus.Merged or CaseStatus.Registered))
        {
            return CaseStatus.Registered;
        }

        return target == CaseStatus.Returned && match?.Lead.Code == DemoOrganization.CityManagementCode ? CaseStatus.Dispatched : target;
    }

    private List<Step> Walk(Case c, CaseStatus target, ResponsibilityMatch? match, TimeLimit? limit)
    {
        var steps = new List<Step>();
        var delays = Delays(target, limit);
        var room = (now.AddMinutes(-1) - c.ReportedAt).TotalMinutes;
        var scale = Math.Min(1, room / Math.Max(1, delays.Sum()));
        var t = c.ReportedAt;
        var i = 0;
        DateTimeOffset Next() => t = Trim(t.AddMinutes(Math.Max(1, delays[Math.Min(i++, delays.Count - 1)] * scale)));

        steps.Add(new Step
        {
            Kind = "report", To = CaseStatus.Reported, At = t, Actor = c.ReporterUserId is null ? null : "resident",
            ActorName = c.ReporterUserId is null ? c.ReporterName ?? CaseWorkflow.SourceName(c.Source) : "resident",
            Comment = "来源：" + CaseWorkflow.SourceName(c.Source),
        });
        if (target == CaseStatus.Reported)
        {
            return steps;
        }

        if (target is CaseStatus.Rejected or CaseStatus.Merged)
        {
            var action = target == CaseStatus.Rejected ? CaseAction.Reject : CaseAction.Merge;
            c.Status = target;
            steps.Add(Person("dispatcher", action, CaseStatus.Reported, target, Next(),
                target == CaseStatus.Rejected ? "不属于城市管理范围，已告知反映人咨询相关单位" : "与已有案卷为同一问题，已合并。"));
            return steps;
        }

        // A confident citizen report is registered and dispatched by the system; the rest by the dispatcher.
        var auto = c.Source == CaseSource.Citizen && match is not null && random.Next(10) < 3;
        CaseWorkflow.Register(c, Next());
        c.Status = CaseStatus.Registered;
        steps.Add(auto
            ? System("register", CaseAction.Register, CaseStatus.Reported, CaseStatus.Registered, t, "系统按分类置信度自动立案")
            : Person("dispatcher", CaseAction.Register, CaseStatus.Reported, CaseStatus.Registered, t, null, new { category = c.CategoryCode }));
        if (target == CaseStatus.Registered || match is null)
        {
            return steps;
        }

        if (target == CaseStatus.Suspended && random.Next(2) == 0)
        {
            c.Status = CaseStatus.Suspended;
            steps.Add(Person("dispatcher", CaseAction.Suspend, CaseStatus.Registered, CaseStatus.Suspended, Next(), "涉及历史遗留问题，需多部门协调，暂挂账"));
            return steps;
        }

        var dispatchedAt = auto ? t : Next();
        CaseWorkflow.Dispatch(c, match.Lead.Id, match.CoUnits.Select(u => u.Id), 30, dispatchedAt, calendar, limit);
        c.Status = CaseStatus.Dispatched;
        var text = $"派遣至{match.Lead.Name}" + (match.CoUnits.Count > 0 ? "，协办：" + string.Join("、", match.CoUnits.Select(u => u.Name)) : "");
        var data = new { lead = match.Lead.Id, co = match.CoUnits.Select(u => u.Id), deadline = c.Deadline };
        steps.Add(auto
            ? System("dispatch", CaseAction.Dispatch, CaseStatus.Registered, CaseStatus.Dispatched, t, "系统按责任规则" + text, data)
            : Person("dispatcher", CaseAction.Dispatch, CaseStatus.Registered, CaseStatus.Dispatched, t, text, data));
        if (target == CaseStatus.Dispatched)
        {
            return Card(c, steps);
        }

        if (target == CaseStatus.Returned)
        {
            CaseWorkflow.Return(c, "不属于本单位职责范围", Next());
            c.Status = CaseStatus.Returned;
            steps.Add(Person("handler.cg", CaseAction.Return, CaseStatus.Dispatched, CaseStatus.Returned, t, "不属于本单位职责范围", actorName: match.Lead.Name));
            return steps;
        }

        Next();
        foreach (var a in c.Assignments.Where(a => a.IsActive))
        {
            CaseWorkflow.Acknowledge(a, t);
        }

        c.Status = CaseStatus.Acknowledged;
        steps.Add(Person("handler.cg", CaseAction.Acknowledge, CaseStatus.Dispatched, CaseStatus.Acknowledged, t, "主办单位已签收",
            new { units = c.Assignments.Where(a => a.IsActive).Select(a => a.UnitId), late = Array.Empty<int>() }, match.Lead.Name));
        if (target == CaseStatus.Acknowledged)
        {
            return Card(c, steps);
        }

        if (target is CaseStatus.Suspended or CaseStatus.Postponed)
        {
            var to = target;
            if (to == CaseStatus.Postponed)
            {
                CaseWorkflow.Postpone(c, new TimeLimit(3, TimeLimitUnit.WorkingDays), Next(), calendar);
            }

            c.Status = to;
            steps.Add(Person("dispatcher", to == CaseStatus.Postponed ? CaseAction.Postpone : CaseAction.Suspend, CaseStatus.Acknowledged, to,
                to == CaseStatus.Postponed ? t : Next(), to == CaseStatus.Postponed ? "需采购配件，申请延期" : "涉及历史遗留问题，需多部门协调，暂挂账",
                to == CaseStatus.Postponed ? new { extension = "3 工作日", deadline = c.Deadline } : null));
            return Card(c, steps);
        }

        var rework = target == CaseStatus.Rework || random.Next(8) == 0;
        Handle(c, steps, CaseStatus.Acknowledged, Next(), match);
        if (rework)
        {
            CaseWorkflow.Rework(c);
            c.Status = CaseStatus.Rework;
            steps.Add(Person("inspector", CaseAction.Rework, CaseStatus.Handled, CaseStatus.Rework, Next(), "现场复核未整改到位，需返工"));
            if (target == CaseStatus.Rework)
            {
                return Card(c, steps);
            }

            Handle(c, steps, CaseStatus.Rework, Next(), match);
        }

        if (target == CaseStatus.Handled)
        {
            return steps;
        }

        c.Status = CaseStatus.Verified;
        steps.Add(Person("inspector", CaseAction.Verify, CaseStatus.Handled, CaseStatus.Verified, Next(), "现场复核已整改"));
        if (target == CaseStatus.Verified)
        {
            return steps;
        }

        CaseWorkflow.Close(c, t);
        c.Status = CaseStatus.Closed;
        steps.Add(System("close", CaseAction.Close, CaseStatus.Verified, CaseStatus.Closed, t, "核查通过，系统自动结案"));
        if (target == CaseStatus.Closed)
        {
            return steps;
        }

        var evaluation = Pick([(Evaluation.Satisfied, 78), (Evaluation.BasicallySatisfied, 16), (Evaluation.Dissatisfied, 6)]);
        CaseWorkflow.Evaluate(c, evaluation, Next());
        c.Status = CaseStatus.Evaluated;
        var name = CaseWorkflow.EvaluationName(evaluation);
        steps.Add(Person(c.ReporterUserId is null ? "dispatcher" : "resident", CaseAction.Evaluate, CaseStatus.Closed, CaseStatus.Evaluated, t, "评价：" + name,
            new { evaluation = name, contacted = true, solved = evaluation != Evaluation.Dissatisfied, note = (string?)null }));
        return steps;
    }

    private void Handle(Case c, List<Step> steps, CaseStatus from, DateTimeOffset at, ResponsibilityMatch match)
    {
        CaseWorkflow.Handle(c, at);
        c.Status = CaseStatus.Handled;
        steps.Add(Person("handler.cg", CaseAction.Handle, from, CaseStatus.Handled, at, Handlings[random.Next(Handlings.Length)], actorName: match.Lead.Name));
    }

    /// <summary>Open cases past their deadline get a red card, those past the configured share a yellow one.</summary>
    private List<Step> Card(Case c, List<Step> steps)
    {
        if (c.Deadline is { } deadline && c.DispatchedAt is { } start)
        {
            c.Card = deadline < now ? SupervisionCard.Red
                : (now - start).TotalMinutes > 0.8 * (deadline - start).TotalMinutes ? SupervisionCard.Yellow : SupervisionCard.None;
        }

        return steps;
    }

    /// <summary>Minutes between the steps: dispatch in an hour or two, handling within (or, for one in eight, beyond) the limit.</summary>
    private List<double> Delays(CaseStatus target, TimeLimit? limit)
    {
        var limitMinutes = limit is null ? 3 * 24 * 60.0 : limit.Unit == TimeLimitUnit.WorkingHours ? limit.Value * 60 * 3.0 : limit.Value * 24 * 60 * 1.4;
        var handling = limitMinutes * (random.Next(8) == 0 ? 1.2 + random.NextDouble() : 0.1 + (0.7 * random.NextDouble()));
        List<double> delays = [random.Next(10, 120), random.Next(5, 90), random.Next(5, 60), handling, random.Next(60, 1440), handling / 2,
            random.Next(60, 2880), random.Next(1440, 7 * 1440)];
        return target is CaseStatus.Reported or CaseStatus.Rejected or CaseStatus.Merged ? delays.Take(2).ToList() : delays;
    }

    private Step Person(string actor, CaseAction action, CaseStatus from, CaseStatus to, DateTimeOffset at, string? comment, object? data = null,
        string? actorName = null) => new()
    {
        Kind = action.ToString().ToLowerInvariant(), Action = action, From = from, To = to, At = at, Comment = comment, Data = data,
        Actor = users.ContainsKey(actor) ? actor : null, ActorName = users.ContainsKey(actor) ? actor : actorName ?? actor,
    };

    private static Step System(string kind, CaseAction action, CaseStatus from, CaseStatus to, DateTimeOffset at, string comment, object? data = null) =>
        new() { Kind = kind, Action = action, From = from, To = to, At = at, Comment = comment, Data = data };

    private T Pick<T>((T Item, int Weight)[] items)
    {
        var roll = random.Next(items.Sum(i => i.Weight));
        foreach (var (item, weight) in items)
        {
            if ((roll -= weight) < 0)
            {
                return item;
            }
        }

        return items[^1].Item;
    }

    /// <summary>Whole seconds: what both databases give back unchanged.</summary>
    private static DateTimeOffset Trim(DateTimeOffset t) => new(t.UtcTicks - (t.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
