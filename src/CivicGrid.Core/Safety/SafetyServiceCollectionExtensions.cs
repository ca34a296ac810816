using CivicGrid.Cases;
using CivicGrid.Safety.Detections;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Safety;

public static class SafetyServiceCollectionExtensions
{
    /// <summary>The safety risk control use cases (places and people, risk register, hidden dangers, 三违, AI detections and warnings).</summary>
    public static IServiceCollection AddSafetyUseCases(this IServiceCollection services) => services
        .AddScoped<EnterpriseQueries>().AddScoped<SaveArea>().AddScoped<SavePost>().AddScoped<SaveTask>().AddScoped<AssignPosts>()
        .AddScoped<SaveSettings>().AddScoped<SaveHazard>().AddScoped<HazardQueries>().AddScoped<ImportHazards>()
        .AddScoped<ICaseStepGuard, HiddenDangerGuard>().AddScoped<HiddenDangerQueries>().AddScoped<ReportHiddenDanger>()
        .AddScoped<FillFiveImplementations>().AddScoped<AcceptHiddenDanger>()
        .AddScoped<RecordViolation>().AddScoped<UpdateRetraining>().AddScoped<ViolationQueries>().AddScoped<RecordIncident>()
        .AddSingleton<CameraDirectory>().AddSingleton<DetectionWriter>().AddSingleton<WarningNotifier>()
        .AddScoped<IngestDetection>().AddScoped<WarningQueries>().AddScoped<ResolveWarning>();
}
