using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Safety.Audits;

public static class AuditsServiceCollectionExtensions
{
    /// <summary>NOSA-style audits: templates, create, submit (failed elements become hidden dangers), queries and export.</summary>
    public static IServiceCollection AddAuditUseCases(this IServiceCollection services) => services
        .AddScoped<CreateAudit>().AddScoped<SubmitAudit>().AddScoped<AuditQueries>();
}
