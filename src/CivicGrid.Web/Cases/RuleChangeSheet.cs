using System.Globalization;
using CivicGrid.Cases.Responsibility;
using CivicGrid.Platform.Calendar;

namespace CivicGrid.Web.Cases;

/// <summary>A 变更记录 as a row of the Excel export (times in Beijing time, units and categories by name).</summary>
public static class RuleChangeSheet
{
    public static IDictionary<string, object?> Row(RuleChangeView c) => new Dictionary<string, object?>
    {
        ["时间"] = Time(c.At),
        ["操作人"] = c.ActorName,
        ["操作"] = c.ActionName,
        ["规则编号"] = c.RuleId,
        ["问题分类编码"] = c.CategoryCode,
        ["问题分类"] = c.CategoryName,
        ["区域编码"] = c.RegionCode,
        ["区域"] = c.RegionName,
        ["变更内容"] = c.Summary,
    };

    /// <summary>Beijing time to the second: who changed a rule first can matter in a dispute.</summary>
    public static string Time(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, WorkingCalendar.ChinaTimeZone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
