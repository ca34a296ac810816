using CivicGrid.Platform.Calendar;

namespace CivicGrid.Cases.Escalation;

/// <summary>督办 as a rule: yellow once the given share of the working time to the deadline is used, red once it has passed.</summary>
public static class SupervisionRule
{
    public static (SupervisionCard Card, double Used) CardFor(WorkingCalendar calendar, DateTimeOffset start, DateTimeOffset deadline,
        DateTimeOffset now, double yellowFraction)
    {
        var limit = calendar.WorkingHoursBetween(start, deadline);
        var used = limit <= 0 ? 1 : Math.Max(0, calendar.WorkingHoursBetween(start, now)) / limit;
        if (now > deadline)
        {
            return (SupervisionCard.Red, used);
        }

        return (used >= yellowFraction ? SupervisionCard.Yellow : SupervisionCard.None, used);
    }

    public static string Name(SupervisionCard card) => card switch
    {
        SupervisionCard.Yellow => "黄牌督办",
        SupervisionCard.Red => "红牌督办",
        _ => "无",
    };
}
