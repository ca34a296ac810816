using CivicGrid.Cases.Escalation;
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
