using CivicGrid.Inspections;
using CivicGrid.Platform.Calendar;
using Quartz;

namespace CivicGrid.Web.Inspections;

/// <summary>督查巡查: plans, the daily task job, inspections on the phone, findings as cases, results.</summary>
public static class InspectionsModule
{
    public static IServiceCollection AddInspectionsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<InspectionOptions>(configuration.GetSection(InspectionOptions.Section));
        var options = configuration.GetSection(InspectionOptions.Section).Get<InspectionOptions>() ?? new InspectionOptions();
        if (options.JobEnabled)
        {
            // Quartz itself is set up with the case loop's sweep (JobsSetup); this adds one job to it.
            services.AddQuartz(q => q.ScheduleJob<InspectionTasksJob>(
                t => t.WithIdentity("inspection-tasks", "inspections")
                    .WithCronSchedule("0 5 0,12 * * ?", c => c.InTimeZone(WorkingCalendar.ChinaTimeZone)),
                j => j.WithIdentity("inspection-tasks", "inspections").WithDescription("督查任务：按计划生成当日任务与复查任务").DisallowConcurrentExecution()));
        }

        return services.AddInspectionUseCases();
    }

    /// <summary>The API under <paramref name="api"/>, and the phone page 现场督查 at <c>/inspect</c> (login required).</summary>
    public static void MapInspectionsModule(this IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        api.MapInspectionApi();
        app.MapGet("/inspect", (IWebHostEnvironment env) => Results.File(env.WebRootFileProvider.GetFileInfo("inspect/inspect.html").CreateReadStream(), "text/html; charset=utf-8"))
            .RequireAuthorization().ExcludeFromDescription();
    }

    /// <summary>Today's tasks (and 复查 tasks); run on start too, so a fresh demo has its tasks at once.</summary>
    public static async Task GenerateTodayAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var calendar = await scope.ServiceProvider.GetRequiredService<WorkingCalendarProvider>().GetAsync(ct);
        var today = calendar.LocalDate(scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow());
        await scope.ServiceProvider.GetRequiredService<GenerateTasks>().RunAsync(today, today, ct: ct);
    }
}

/// <summary>Makes the day's tasks just after midnight and again at noon (catching re-inspections of cases closed in the morning).</summary>
public sealed class InspectionTasksJob(IServiceProvider services) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await InspectionsModule.GenerateTodayAsync(services, cancellationToken);
}
