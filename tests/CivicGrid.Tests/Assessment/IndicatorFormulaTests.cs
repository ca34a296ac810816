using CivicGrid.Assessment;
using CivicGrid.Assessment.Figures;
using CivicGrid.Cases;

namespace CivicGrid.Tests.Assessment;

/// <summary>Every indicator against a hand-computed example: five cases of one day in one 村居, handled differently.</summary>
public sealed class IndicatorFormulaTests
{
    private static readonly DateTimeOffset Nine = new(2026, 10, 12, 9, 0, 0, TimeSpan.FromHours(8));

    private static Case Dispatched(long id, double deadlineHours, double? ackAfterMinutes)
    {
        var c = new Case
        {
            Id = id,
            DistrictCode = "110199",
            RegionCode = "110199001001001",
            CategoryCode = "SJ0401",
            Description = "测试",
            Status = CaseStatus.Dispatched,
            Source = CaseSource.Citizen,
            ReportedAt = Nine,
            RegisteredAt = Nine,
            DispatchedAt = Nine,
            Deadline = Nine.AddHours(deadlineHours),
        };
        c.Assignments.Add(new CaseAssignment
        {
            UnitId = 7,
            IsLead = true,
            Round = 1,
            DispatchedAt = Nine,
            AcknowledgeBy = Nine.AddMinutes(30),
            AcknowledgedAt = ackAfterMinutes is { } m ? Nine.AddMinutes(m) : null,
        });
        return c;
    }

    private static Case Closed(Case c, double afterHours)
    {
        c.Status = CaseStatus.Closed;
        c.ClosedAt = Nine.AddHours(afterHours);
        return c;
    }

    private static Case Evaluated(Case c, Evaluation e, double afterHours)
    {
        c.Status = CaseStatus.Evaluated;
        c.Evaluation = e;
        c.EvaluatedAt = Nine.AddHours(afterHours);
        return c;
    }

    private static FigureTotals Totals()
    {
        // A: on time, acknowledged in time, 满意, contacted and solved.
        var a = Evaluated(Closed(Dispatched(1, 24, 10), 4), Evaluation.Satisfied, 5);
        // B: closed 3 hours late after one rework, acknowledged late, 基本满意, contacted only.
        var b = Evaluated(Closed(Dispatched(2, 3, 60), 6), Evaluation.BasicallySatisfied, 7);
        b.ReworkCount = 1;
        // C: 挂账 for a while, then closed long after its deadline; never acknowledged.
        var c = Closed(Dispatched(3, 1, null), 8);
        // D: postponed (deadline 20:00), still open: overdue at the end of the day.
        var d = Dispatched(4, 11, 5);
        d.Status = CaseStatus.Postponed;
        d.PostponeCount = 1;
        // E: 不满意 reopened once, then closed again in time.
        var e = Evaluated(Closed(Dispatched(5, 24, 20), 2), Evaluation.Dissatisfied, 1.5);
        e.Status = CaseStatus.Closed;
        e.ReopenCount = 1;
        // F: only reported: counts nowhere.
        var f = new Case { Id = 6, DistrictCode = "110199", RegionCode = "110199001001001", Description = "测试", Status = CaseStatus.Reported, ReportedAt = Nine };

        var all = new CaseContribution();
        foreach (var (x, flags) in new[]
        {
            (a, CaseFigureFlags.Contacted | CaseFigureFlags.Solved), (b, CaseFigureFlags.Contacted), (c, CaseFigureFlags.WasSuspended),
            (d, CaseFigureFlags.None), (e, CaseFigureFlags.None), (f, CaseFigureFlags.None),
        })
        {
            foreach (var (key, values) in CaseContribution.Of(x, flags).Rows)
            {
                Assert.Equal(20261012, key.Day);
                Assert.Equal("110199001001", key.CommunityCode);
                Assert.Equal("110199001", key.TownCode);
                Assert.Equal("SJ04", key.CategoryTop);
                for (var i = 0; i < values.Length; i++)
                {
                    all.Add(key, (Figure)i, values[i]);
                }
            }
        }

        var sums = new long[FigureSet.Count];
        foreach (var values in all.Rows.Values)
        {
            for (var i = 0; i < sums.Length; i++)
            {
                sums[i] += values[i];
            }
        }

        return new FigureTotals(sums, sums[(int)Figure.OverdueStarted] - sums[(int)Figure.LateClosed], new PointTotals(4, 3));
    }

    [Theory]
    [InlineData("立案数", 5.0)]
    [InlineData("派遣数", 5.0)]
    [InlineData("结案数", 4.0)]
    [InlineData("结案率", 0.8)] // A, B, C, E of five registered
    [InlineData("按期结案率", 0.6667)] // A and E of A, B, E (C was suspended)
    [InlineData("返工率", 0.5)] // B (rework) and E (reopened) of four closed
    [InlineData("返工次数", 2.0)]
    [InlineData("延期率", 0.2)] // D of five dispatched
    [InlineData("超期未结数", 1.0)] // D; B closed late, C suspended
    [InlineData("平均处置时长", 5.0)] // (4 + 6 + 8 + 2) h / 4
    [InlineData("按时报到率", 0.6)] // A, D, E of five
    [InlineData("响应率", 0.6667)] // A, B of three evaluated
    [InlineData("解决率", 0.3333)] // A
    [InlineData("满意率", 0.6333)] // (1 + 0.9) / 3
    [InlineData("点位达标率", 0.75)]
    public void Indicator_matches_the_hand_computed_value(string name, double expected)
    {
        var value = Indicators.Find(name)!.Compute(Totals(), new IndicatorSettings());
        Assert.Equal(expected, value!.Value, 4);
    }

    [Fact]
    public void The_basically_satisfied_weight_is_configurable_and_empty_denominators_give_no_value()
    {
        Assert.Equal(0.5, Indicators.Find("满意率")!.Compute(Totals(), new IndicatorSettings(0.5))!.Value, 4);
        var empty = new FigureTotals(new long[FigureSet.Count], 0, new PointTotals(0, 0));
        Assert.Null(Indicators.Find("按期结案率")!.Compute(empty, new IndicatorSettings()));
        Assert.Null(Indicators.Find("问题整改率")!.Compute(empty, new IndicatorSettings()));
    }

    [Fact]
    public void Inspection_cases_give_the_rectification_rate()
    {
        var closed = Closed(Dispatched(1, 24, 1), 2);
        closed.Source = CaseSource.Inspection;
        var open = Dispatched(2, 24, 1);
        open.Source = CaseSource.Inspection;
        var sums = new long[FigureSet.Count];
        foreach (var values in new[] { closed, open }.SelectMany(c => CaseContribution.Of(c, CaseFigureFlags.None).Rows.Values))
        {
            for (var i = 0; i < sums.Length; i++)
            {
                sums[i] += values[i];
            }
        }

        Assert.Equal(0.5, Indicators.Find("问题整改率")!.Compute(new FigureTotals(sums, 0, new PointTotals(0, 0)), new IndicatorSettings()));
    }

    [Fact]
    public void A_contribution_survives_its_serialized_form_and_a_change_is_old_out_new_in()
    {
        var c = Closed(Dispatched(9, 1, 5), 3);
        var before = CaseContribution.Of(c, CaseFigureFlags.None);
        var again = CaseContribution.Parse(before.Serialize());
        Assert.Empty(CaseContribution.Difference(before, again));

        c.Status = CaseStatus.Rework;
        c.ClosedAt = null;
        c.ReopenCount = 1;
        var delta = CaseContribution.Difference(before, CaseContribution.Of(c, CaseFigureFlags.None));
        Assert.Equal(-1, delta.Values.Sum(v => v[(int)Figure.Closed]));
        Assert.Equal(1, delta.Values.Sum(v => v[(int)Figure.OverdueStarted]) - delta.Values.Sum(v => v[(int)Figure.LateClosed]));
    }
}
