using CivicGrid.Cases.Catalog;
using CivicGrid.Platform.Calendar;
using CivicGrid.Web.Platform;

namespace CivicGrid.Web.Cases;

/// <summary>Case catalog (分类), responsibility (谁来办) and the working calendar (工作日历).</summary>
public static class CasesCatalogModule
{
    public static IServiceCollection AddCasesCatalogModule(this IServiceCollection services)
    {
        services.AddOptions<CalendarOptions>().BindConfiguration(CalendarOptions.Section)
            .Validate(o => IsValidTimeZone(o.TimeZone), $"{CalendarOptions.Section}:TimeZone 不是有效的时区（应如 Asia/Shanghai）。")
            .Validate(o => IsValidHours(o.WorkingHours), $"{CalendarOptions.Section}:WorkingHours 格式不正确（应如 {WorkingHours.DefaultText}）。")
            .ValidateOnStart();
        return services.AddCasesCatalogUseCases();
    }

    private static bool IsValidTimeZone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);

    private static bool IsValidHours(string text)
    {
        try
        {
            WorkingHours.Parse(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public static void MapCasesCatalogApi(this RouteGroupBuilder api)
    {
        api.MapCategoryApi();
        api.MapResponsibilityApi();
        api.MapCalendarApi();
    }
}
