using CivicGrid.Cases.Intake;
using CivicGrid.Cases.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Cases;

public static class CasesServiceCollectionExtensions
{
    public static IServiceCollection AddCaseUseCases(this IServiceCollection services) => services
        .AddSingleton<ICategorySuggester, KeywordCategorySuggester>()
        .AddScoped<CaseTriage>().AddScoped<ReportCase>().AddScoped<TransitionCase>().AddScoped<CaseQueries>();
}
