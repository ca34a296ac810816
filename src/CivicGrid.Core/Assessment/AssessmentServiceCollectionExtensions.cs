using CivicGrid.Assessment.Figures;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Assessment;

public static class AssessmentServiceCollectionExtensions
{
    /// <summary>Scores, runs, notices and the daily figures' rebuild (the figures themselves follow the cases through <see cref="CaseFigureTracker"/>).</summary>
    public static IServiceCollection AddAssessmentUseCases(this IServiceCollection services) => services
        .AddScoped<ComputeScores>().AddScoped<PublishRun>().AddScoped<SchemeQueries>().AddScoped<AssessmentReports>()
        .AddScoped<RebuildDailyFigures>().AddSingleton<FigureChanges>().AddScoped<Dashboard.DashboardQueries>()
        .AddScoped<Reports.GenerateReport>().AddScoped<Reports.ReportQueries>().AddScoped<PublicHonours>();
}
