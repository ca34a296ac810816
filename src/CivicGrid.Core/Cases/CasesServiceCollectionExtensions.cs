using CivicGrid.Cases.Intake;
using CivicGrid.Cases.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CivicGrid.Cases;

public static class CasesServiceCollectionExtensions
{
    public static IServiceCollection AddCaseUseCases(this IServiceCollection services)
    {
        // One intake writer per process: it batches every front door's reports into shared commits.
        services.AddSingleton<IntakeWriter>();
        services.TryAddScoped<IReportOrigin, UnknownReportOrigin>();
        return services
            .AddSingleton<ICategorySuggester, KeywordCategorySuggester>()
            .AddScoped<CaseTriage>().AddScoped<ReportCase>().AddScoped<TransitionCase>().AddScoped<CaseQueries>();
    }
}
