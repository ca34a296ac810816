using CivicGrid.Data;
using CivicGrid.Web.Accounts;
using CivicGrid.Web.Components;
using Scalar.AspNetCore;

namespace CivicGrid.Web.Platform;

/// <summary>Wires the modules into one host; each module registers itself in its own file.</summary>
public static class HostingExtensions
{
    public static WebApplicationBuilder AddCivicGrid(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(CivicGridOptions.Section).Get<CivicGridOptions>() ?? new CivicGridOptions();
        var dataDir = Path.GetFullPath(options.DataDir);
        Directory.CreateDirectory(dataDir);
        options.DataDir = dataDir;
        builder.Services.Configure<CivicGridOptions>(builder.Configuration.GetSection(CivicGridOptions.Section));
        builder.Services.PostConfigure<CivicGridOptions>(o => o.DataDir = dataDir);

        if (builder.Configuration["urls"] is null && builder.Configuration["ASPNETCORE_URLS"] is null
            && Environment.GetEnvironmentVariable("ASPNETCORE_URLS") is null)
        {
            builder.WebHost.UseUrls("http://localhost:5080");
        }

        builder.WebHost.UseStaticWebAssets();

        var provider = DatabaseSettings.ParseProvider(builder.Configuration["CivicGrid:Database:Provider"]);
        var connection = builder.Configuration.GetConnectionString("Default");
        if (string.IsNullOrWhiteSpace(connection))
        {
            connection = provider == DatabaseProvider.Sqlite
                ? DatabaseSettings.DefaultSqliteConnectionString(dataDir)
                : throw new InvalidOperationException("使用 PostgreSQL 时必须设置连接字符串 ConnectionStrings__Default。");
        }

        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.AddCivicGridDatabase(new DatabaseSettings(provider, connection));
        services.AddChineseProblemDetails();
        services.AddCivicGridRateLimits(options.RateLimits);
        services.AddCivicGridAuthentication(dataDir);
        services.AddOpenApi(o => o.ShouldInclude = d => d.RelativePath?.StartsWith("api/v1", StringComparison.Ordinal) == true);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
            o.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowReadingFromString;
        });
        services.AddScoped<CivicGrid.Data.Seed.DemoSeeder>();
        services.AddCivicGridModules(builder.Configuration);
        services.AddCivicGridConsole();
        return builder;
    }

    public static WebApplication UseCivicGrid(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<AccessScopeMiddleware>();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/scalar", o => o.WithTitle("CivicGrid API"));
        app.MapHealth();
        app.MapAuthApi();
        app.MapCivicGridModules();
        app.MapCivicGridConsole();
        return app;
    }
}
