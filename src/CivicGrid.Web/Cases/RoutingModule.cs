using CivicGrid.Cases.Routing;
using CivicGrid.Platform.Calendar;
using CivicGrid.Web.Platform;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CivicGrid.Web.Cases;

/// <summary>Smart routing: the ML category suggester (keyword fallback), its model store and schedule, duplicate suggestions.</summary>
public static class RoutingModule
{
    /// <summary>Call after <c>AddCasesModule</c>: replaces the keyword suggester with the model-backed one.</summary>
    public static IServiceCollection AddRoutingModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RoutingOptions>().Bind(configuration.GetSection("CivicGrid:Routing"))
            .PostConfigure<IOptions<CivicGridOptions>>((o, civic) => o.ModelPath ??= Path.Combine(civic.Value.DataDir, "models", "category.zip"));
        services.AddSingleton<KeywordCategorySuggester>();
        services.AddSingleton<CategoryModelService>();
        services.Replace(ServiceDescriptor.Singleton<ICategorySuggester, MlCategorySuggester>());
        services.AddScoped<DuplicateFinder>();
        services.AddHostedService<CategoryModelSchedule>();
        return services;
    }

    public static void MapRoutingApi(this RouteGroupBuilder api) => api.MapRoutingEndpoints();
}

/// <summary>
/// Loads the saved model on start (or, without one, trains after <see cref="StartDelay"/> so short-lived hosts such as
/// tests never pay for it), then retrains daily at <see cref="RoutingOptions.DailyRetrainAt"/> Beijing time.
/// </summary>
internal sealed class CategoryModelSchedule(CategoryModelService models, IOptions<RoutingOptions> options, TimeProvider clock,
    ILogger<CategoryModelSchedule> log) : BackgroundService
{
    public static readonly TimeSpan StartDelay = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (!await models.LoadAsync(stoppingToken) && options.Value.TrainOnStart)
            {
                await Task.Delay(StartDelay, clock, stoppingToken);
                if (models.Current is null && models.StartRetrain(out var run))
                {
                    await run;
                }
            }

            while (options.Value.DailyRetrainAt is { } at)
            {
                await Task.Delay(UntilNext(at), clock, stoppingToken);
                if (models.StartRetrain(out var run))
                {
                    await run;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or System.Data.Common.DbException)
        {
            log.LogError(ex, "分类模型计划任务出错，已停止定时训练。");
        }
    }

    private TimeSpan UntilNext(TimeOnly at)
    {
        var now = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), WorkingCalendar.ChinaTimeZone);
        var next = new DateTimeOffset(DateOnly.FromDateTime(now.DateTime).ToDateTime(at), now.Offset);
        return (next > now ? next : next.AddDays(1)) - now;
    }
}
