using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Inspections;

public static class InspectionsServiceCollectionExtensions
{
    /// <summary>Plans, tasks, inspections and their results.</summary>
    public static IServiceCollection AddInspectionUseCases(this IServiceCollection services) => services
        .AddScoped<SavePlan>().AddScoped<GenerateTasks>().AddScoped<SubmitInspection>().AddScoped<InspectionQueries>().AddScoped<InspectionResults>();
}
