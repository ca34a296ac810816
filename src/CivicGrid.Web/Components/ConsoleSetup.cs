using AntDesign;

namespace CivicGrid.Web.Components;

/// <summary>The Blazor console: AntDesign in zh-CN, interactive server rendering.</summary>
public static class ConsoleSetup
{
    public static IServiceCollection AddCivicGridConsole(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddAntDesign();
        LocaleProvider.SetLocale("zh-CN");
        return services;
    }

    public static IEndpointRouteBuilder MapCivicGridConsole(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
