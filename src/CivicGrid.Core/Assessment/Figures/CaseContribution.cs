using System.Globalization;
using System.Text;
using CivicGrid.Cases;
using CivicGrid.Platform.Calendar;

namespace CivicGrid.Assessment.Figures;

/// <summary>
/// What one case adds to the daily figures, a pure function of its current state: 立案 on the registration day,
/// 派遣 on the (latest) dispatch day, 结案 with 按期/返工/处置时长 on the close day, 评价 on the evaluation day, 报到 per
/// assignment on its dispatch day under that assignment's unit, and overdue on the deadline day. Cases ever 挂账
/// (suspended) count in none of the on-time and overdue figures (DESIGN.md). Because it depends on nothing but the
/// case, maintaining the table incrementally (old contribution out, new one in) equals rebuilding it.
/// </summary>
public sealed class CaseContribution
{
    private readonly Dictionary<FigureKey, long[]> _rows = [];

    public IReadOnlyDictionary<FigureKey, long[]> Rows => _rows;

    public bool IsEmpty => _rows.Count == 0;

    public static int DayOf(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, WorkingCalendar.ChinaTimeZone);
        return local.Year * 10000 + local.Month * 100 + local.Day;
    }

    public static string TopCategory(string? code) => code is { Length: >= 4 } ? code[..4] : "";

    /// <summary>The lead unit answering for the case now: the active lead, else the lead of the latest round.</summary>
    public static int LeadUnitOf(Case c) =>
        c.Assignments.Where(a => a.IsLead).OrderByDescending(a => a.IsActive).ThenByDescending(a => a.Round).Select(a => a.UnitId).FirstOrDefault();

    public static CaseContribution Of(Case c, CaseFigureFlags flags)
    {
        var r = new CaseContribution();
        if (c.Status is CaseStatus.Reported or CaseStatus.Rejected || c.RegisteredAt is null)
        {
            return r;
        }

        var region = c.RegionCode ?? "";
        var community = region.Length >= 12 ? region[..12] : "";
        var town = region.Length >= 9 ? region[..9] : "";
        var category = TopCategory(c.CategoryCode);
        var lead = LeadUnitOf(c);
        FigureKey On(DateTimeOffset at, int unit) => new(DayOf(at), community, town, unit, category);

        var suspended = flags.HasFlag(CaseFigureFlags.WasSuspended) || c.Status == CaseStatus.Suspended;
        var merged = c.Status == CaseStatus.Merged;
        var closed = c.ClosedAt is { } closedAt && !merged ? closedAt : (DateTimeOffset?)null;

        var registered = On(c.RegisteredAt.Value, lead);
        r.Add(registered, Figure.Registered);
        if (closed is not null)
        {
            r.Add(registered, Figure.RegisteredClosed);
        }

        if (c.Source == CaseSource.Inspection)
        {
            r.Add(registered, Figure.InspectionRegistered);
            if (closed is not null)
            {
                r.Add(registered, Figure.InspectionRegisteredClosed);
            }
        }

        if (c.DispatchedAt is { } dispatchedAt)
        {
            var dispatched = On(dispatchedAt, lead);
            r.Add(dispatched, Figure.Dispatched);
            if (c.PostponeCount > 0)
            {
                r.Add(dispatched, Figure.DispatchedPostponed);
            }
        }

        foreach (var a in c.Assignments)
        {
            var key = On(a.DispatchedAt, a.UnitId);
            r.Add(key, Figure.AckDue);
            if (a.AcknowledgedAt is { } ack && ack <= a.AcknowledgeBy)
            {
                r.Add(key, Figure.AckOnTime);
            }
        }

        if (closed is { } at)
        {
            var key = On(at, lead);
            r.Add(key, Figure.Closed);
            if (!suspended)
            {
                r.Add(key, Figure.ClosedTimed);
                if (c.Deadline is null || at <= c.Deadline)
                {
                    r.Add(key, Figure.ClosedOnTime);
                }
                else
                {
                    r.Add(key, Figure.LateClosed);
                }
            }

            var reworks = c.ReworkCount + c.ReopenCount;
            if (reworks > 0)
            {
                r.Add(key, Figure.ClosedReworked);
                r.Add(key, Figure.ReworkTimes, reworks);
            }

            var start = c.DispatchedAt ?? c.RegisteredAt.Value;
            r.Add(key, Figure.HandlingMinutes, Math.Max(0, (long)(at - start).TotalMinutes));
        }

        if (!suspended && !merged && c.Deadline is { } deadline && (closed is null || closed > deadline))
        {
            r.Add(On(deadline, lead), Figure.OverdueStarted);
        }

        if (c.Evaluation is { } evaluation && c.EvaluatedAt is { } evaluatedAt && !merged)
        {
            var key = On(evaluatedAt, lead);
            r.Add(key, Figure.Evaluated);
            if (evaluation == Evaluation.Satisfied)
            {
                r.Add(key, Figure.Satisfied);
            }
            else if (evaluation == Evaluation.BasicallySatisfied)
            {
                r.Add(key, Figure.BasicallySatisfied);
            }

            if (flags.HasFlag(CaseFigureFlags.Contacted))
            {
                r.Add(key, Figure.Contacted);
            }

            if (flags.HasFlag(CaseFigureFlags.Solved))
            {
                r.Add(key, Figure.Solved);
            }
        }

        return r;
    }

    public void Add(FigureKey key, Figure figure, long amount = 1)
    {
        if (!_rows.TryGetValue(key, out var values))
        {
            _rows[key] = values = new long[FigureSet.Count];
        }

        values[(int)figure] += amount;
    }

    /// <summary>new − old, per key; keys whose difference is all zero are left out.</summary>
    public static Dictionary<FigureKey, long[]> Difference(CaseContribution? before, CaseContribution after)
    {
        var delta = new Dictionary<FigureKey, long[]>();
        foreach (var (key, values) in after._rows)
        {
            delta[key] = (long[])values.Clone();
        }

        foreach (var (key, values) in before?._rows ?? [])
        {
            if (!delta.TryGetValue(key, out var d))
            {
                delta[key] = d = new long[FigureSet.Count];
            }

            for (var i = 0; i < d.Length; i++)
            {
                d[i] -= values[i];
            }
        }

        foreach (var key in delta.Where(kv => kv.Value.All(v => v == 0)).Select(kv => kv.Key).ToList())
        {
            delta.Remove(key);
        }

        return delta;
    }

    /// <summary>One line per key: <c>day|村居|镇街|unit|category|i=v,i=v</c>.</summary>
    public string Serialize()
    {
        var sb = new StringBuilder();
        foreach (var (k, values) in _rows)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{k.Day}|{k.CommunityCode}|{k.TownCode}|{k.UnitId}|{k.CategoryTop}|");
            sb.AppendJoin(',', values.Select((v, i) => (v, i)).Where(x => x.v != 0).Select(x => $"{x.i}={x.v}"));
            sb.Append('\n');
        }

        return sb.ToString();
    }

    public static CaseContribution Parse(string text)
    {
        var r = new CaseContribution();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split('|');
            var key = new FigureKey(int.Parse(parts[0], CultureInfo.InvariantCulture), parts[1], parts[2],
                int.Parse(parts[3], CultureInfo.InvariantCulture), parts[4]);
            foreach (var pair in parts[5].Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                r.Add(key, (Figure)int.Parse(pair[..eq], CultureInfo.InvariantCulture), long.Parse(pair[(eq + 1)..], CultureInfo.InvariantCulture));
            }
        }

        return r;
    }
}
