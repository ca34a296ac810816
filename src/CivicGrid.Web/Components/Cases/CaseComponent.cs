using CivicGrid.Accounts;
using CivicGrid.Cases;
using CivicGrid.Platform;
using Microsoft.AspNetCore.Components;

namespace CivicGrid.Web.Components.Cases;

/// <summary>
/// Base of the case console components: the console-side queries, and the Core use cases run in their own
/// DI scope per call (like the unit dialog), so a circuit never holds a DbContext between clicks.
/// </summary>
public abstract class CaseComponent : ComponentBase
{
    [Inject] private IServiceScopeFactory ScopeFactory { get; set; } = default!;

    [Inject] protected CaseConsoleQueries Cases { get; set; } = default!;

    protected async Task<Outcome<long>> TransitionAsync(AccessScope scope, long caseId, TransitionRequest request)
    {
        await using var services = ScopeFactory.CreateAsyncScope();
        return await services.ServiceProvider.GetRequiredService<TransitionCase>().HandleAsync(scope, caseId, request);
    }

    protected async Task<CaseView?> GetCaseAsync(AccessScope scope, long caseId)
    {
        await using var services = ScopeFactory.CreateAsyncScope();
        return await services.ServiceProvider.GetRequiredService<CaseQueries>().GetAsync(scope, caseId);
    }

    protected async Task<T> WithServiceAsync<TService, T>(Func<TService, Task<T>> use)
        where TService : notnull
    {
        await using var services = ScopeFactory.CreateAsyncScope();
        return await use(services.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>The outcome's Chinese message with its details, for an error alert.</summary>
    protected static string Describe<T>(Outcome<T> outcome)
    {
        var details = outcome.Problems.Select(p => p.Message).Where(m => m != outcome.Message).ToList();
        var message = outcome.Message ?? "操作失败，请稍后重试。";
        return details.Count == 0 ? message : message + string.Join("；", details);
    }
}
