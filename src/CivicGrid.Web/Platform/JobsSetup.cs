using CivicGrid.Cases.Escalation;
using CivicGrid.Cases.Search;
using CivicGrid.Web.Cases;
using Quartz;

namespace CivicGrid.Web.Platform;

/// <summary>
/// Scheduled jobs (Quartz). The job store is in memory, right for one web node; a deployment with several
/// nodes switches to the clustered PostgreSQL job store (<c>UsePersistentStore(s => { s.UsePostgres(…); s.UseClustering(); })</c>)
/// so each sweep runs on one node only.
/// </summary>
public static class JobsSetup
{
    public static IServiceCollection AddCivicGridJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var escalation = configuration.GetSection(EscalationOptions.Section).Get<EscalationOptions>() ?? new EscalationOptions();
        var minutes = Math.Clamp(escalation.IntervalMinutes, 1, 24 * 60);
        services.AddQuartz(q =>
        {
            // Once at start: segment the search text of cases written before full-text search existed.
            q.ScheduleJob<SearchBackfillJob>(t => t.WithIdentity("search-backfill", "cases").StartNow(),
                j => j.WithIdentity("search-backfill", "cases").WithDescription("全文检索：补齐旧案卷的分词"));
            if (!escalation.Enabled)
            {
                return;
            }

            // Quartz keeps wall-clock time; the first sweep comes one interval after start, then every interval.
            var interval = TimeSpan.FromMinutes(minutes);
            q.ScheduleJob<EscalationJob>(
                t => t.WithIdentity("escalation-sweep", "cases").StartAt(TimeProvider.System.GetUtcNow() + interval)
                    .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(interval).RepeatForever()
                        .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
                j => j.WithIdentity("escalation-sweep", "cases").WithDescription("督办巡检：黄牌、红牌与报到超时").DisallowConcurrentExecution());
        });
        return services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
    }
}

/// <summary>Runs <see cref="SearchBackfill"/> once after start.</summary>
public sealed class SearchBackfillJob(SearchBackfill backfill, ILogger<SearchBackfillJob> log) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var changed = await backfill.RunAsync(cancellationToken);
        if (changed > 0 && log.IsEnabled(LogLevel.Information))
        {
            log.LogInformation("全文检索：已为 {Count} 件旧案卷补齐分词。", changed);
        }
    }
}
