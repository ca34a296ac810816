using CivicGrid.Cases.Responsibility;
using CivicGrid.Platform.Calendar;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Cases.Catalog;

public static class CatalogServiceCollectionExtensions
{
    /// <summary>The catalog, responsibility and working-calendar use cases; the resolver and calendar are snapshot singletons.</summary>
    public static IServiceCollection AddCasesCatalogUseCases(this IServiceCollection services) => services
        .AddSingleton<WorkingCalendarProvider>().AddSingleton<ResponsibilityResolver>()
        .AddScoped<CategoryQueries>().AddScoped<SaveCategory>().AddScoped<SetCategoryActive>().AddScoped<ImportCategories>()
        .AddScoped<ResponsibilityRuleQueries>().AddScoped<ResponsibilityRuleChangeQueries>().AddScoped<CreateResponsibilityRule>().AddScoped<UpdateResponsibilityRule>().AddScoped<DeleteResponsibilityRule>()
        .AddScoped<CalendarQueries>().AddScoped<SaveCalendarDay>();
}
