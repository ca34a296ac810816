using CivicGrid.Assessment.Reports;
using CivicGrid.Platform.Calendar;
using Quartz;

namespace CivicGrid.Web.Assessment;

/// <summary>Settings of the scheduled reports (<c>CivicGrid:Assessment:Reports:…</c>); cron expressions in China time.</summary>
public sealed class AssessmentReportOptions
{
    public const string Section = "CivicGrid:Assessment:Reports";

    public bool JobEnabled { get; set; } = true;

    /// <summary>日调度 of the previous day: every morning at 8:00.</summary>
    public string DailyCron { get; set; } = "0 0 8 * * ?";

    /// <summary>周督查 of the previous week: Mondays at 8:30.</summary>
    public string WeeklyCron { get; set; } = "0 30 8 ? * MON";

    public static void Schedule(IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<AssessmentReportOptions>() ?? new AssessmentReportOptions();
        if (!options.JobEnabled)
        {
            return;
        }

        // Quartz itself is set up with the case loop's sweep (JobsSetup); this adds two triggers of one job.
        services.AddQuartz(q =>
        {
            var job = new JobKey("assessment-reports", "assessment");
            q.AddJob<AssessmentReportsJob>(j => j.WithIdentity(job).WithDescription("调度与督查报告：日调度、周督查").DisallowConcurrentExecution());
            q.AddTrigger(t => t.ForJob(job).WithIdentity("daily-report", "assessment").UsingJobData(AssessmentReportsJob.KindKey, "daily")
                .WithCronSchedule(options.DailyCron, c => c.InTimeZone(WorkingCalendar.ChinaTimeZone)));
            q.AddTrigger(t => t.ForJob(job).WithIdentity("weekly-report", "assessment").UsingJobData(AssessmentReportsJob.KindKey, "weekly")
                .WithCronSchedule(options.WeeklyCron, c => c.InTimeZone(WorkingCalendar.ChinaTimeZone)));
        });
    }
}

/// <summary>Generates the report its trigger names (daily or weekly) for the period just ended, as the system.</summary>
public sealed class AssessmentReportsJob(IServiceProvider services, ILogger<AssessmentReportsJob> log) : IJob
{
    public const string KindKey = "kind";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (ScheduledReportKinds.Parse(context.MergedJobDataMap.GetString(KindKey)) is not { } kind)
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var generate = scope.ServiceProvider.GetRequiredService<GenerateReport>();
        var report = await generate.GenerateAsync(kind, generate.PeriodOf(kind, null)!, cancellationToken);
        if (log.IsEnabled(LogLevel.Information))
        {
            log.LogInformation("调度与督查报告：已生成 {Title}。", report.Title);
        }
    }
}
