using CivicGrid.Accounts;
using CivicGrid.Cases.Escalation;
using CivicGrid.Web.Platform;
using Quartz;

namespace CivicGrid.Web.Cases;

/// <summary>Attachments, notifications and the scheduled supervision sweep (督办) of the case loop.</summary>
public static class EscalationModule
{
    public static IServiceCollection AddCaseLoopInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EscalationOptions>(configuration.GetSection(EscalationOptions.Section));
        services.AddCaseLoopServices(AttachmentApi.FileOptions(configuration));
        return services.AddCivicGridJobs(configuration);
    }

    public static void MapCaseLoopInfrastructure(this RouteGroupBuilder api)
    {
        api.MapAttachmentApi();
        var notifications = api.MapGroup("/notifications").RequireAuthorization().WithTags("消息通知");
        notifications.MapGet("/", async (int? page, int? pageSize, Notifications queries, AccessScope scope, CancellationToken ct) =>
            TypedResults.Ok(await queries.ListAsync(scope, page, pageSize, ct))).WithSummary("我的通知（未读在前）");
        notifications.MapPost("/{id:long}/read", async (long id, Notifications queries, AccessScope scope, CancellationToken ct) =>
            await queries.MarkReadAsync(scope, id, ct) ? Results.NoContent() : Problems.NotFound("通知不存在。")).WithSummary("标记通知为已读");
        notifications.MapGet("/unread-count", async (Notifications queries, AccessScope scope, CancellationToken ct) =>
            TypedResults.Ok(new { unread = await queries.UnreadCountAsync(scope, ct) })).WithSummary("我的未读通知数");
        notifications.MapPost("/read-all", async (Notifications queries, AccessScope scope, CancellationToken ct) =>
            TypedResults.Ok(new { marked = await queries.MarkAllReadAsync(scope, ct) })).WithSummary("全部标为已读");
    }
}

/// <summary>The scheduler's thin wrapper around <see cref="EscalationSweep"/>; one run at a time.</summary>
public sealed class EscalationJob(EscalationSweep sweep, TimeProvider clock, ILogger<EscalationJob> log) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var result = await sweep.RunAsync(clock.GetUtcNow(), cancellationToken);
        if (result.Yellow + result.Red + result.LateAcknowledged > 0 && log.IsEnabled(LogLevel.Information))
        {
            log.LogInformation("督办巡检：黄牌 {Yellow}，红牌 {Red}，报到超时 {Late}，跳过 {Skipped}。", result.Yellow, result.Red, result.LateAcknowledged, result.Skipped);
        }
    }
}
