using AntDesign;
using CivicGrid.Web.Components.Console;
using CivicGrid.Web.Components.Pages.Grid;

namespace CivicGrid.Web.Components;

/// <summary>The Blazor console: AntDesign in zh-CN, interactive server rendering.</summary>
public static class ConsoleSetup
{
    public static IServiceCollection AddCivicGridConsole(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddAntDesign();
        LocaleProvider.SetLocale("zh-CN");
        services.AddScoped<ConsoleUser>();
        services.AddScoped<RegionQueries>();
        services.AddScoped<CivicGrid.Web.Components.Pages.WorkbenchQueries>();
        services.AddScoped<CivicGrid.Web.Components.Pages.Organization.OrganizationQueries>();
        services.AddScoped<CivicGrid.Web.Components.Cases.CaseConsoleQueries>();
        services.AddScoped<CivicGrid.Web.Components.Configuration.ConfigurationQueries>();
        services.AddScoped<CivicGrid.Web.Components.Notifications.UnreadNotifications>();
        return services;
    }

    public static IEndpointRouteBuilder MapCivicGridConsole(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
