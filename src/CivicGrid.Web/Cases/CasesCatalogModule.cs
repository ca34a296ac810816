using CivicGrid.Cases.Catalog;
using CivicGrid.Platform.Calendar;
using CivicGrid.Web.Platform;

namespace CivicGrid.Web.Cases;

/// <summary>Case catalog (分类), responsibility (谁来办) and the working calendar (工作日历).</summary>
public static class CasesCatalogModule
{
    public static IServiceCollection AddCasesCatalogModule(this IServiceCollection services)
    {
        services.AddOptions<CalendarOptions>().BindConfiguration(CalendarOptions.Section);
        return services.AddCasesCatalogUseCases();
    }

    public static void MapCasesCatalogApi(this RouteGroupBuilder api)
    {
        api.MapCategoryApi();
        api.MapResponsibilityApi();
        api.MapCalendarApi();
    }
}
