using Microsoft.AspNetCore.Components;

namespace CivicGrid.Web.Components.Standards;

/// <summary>
/// Base of the 测评点位 pages: pick lists, and the Core queries and use cases run in their own DI scope per call,
/// so a circuit never holds a DbContext between clicks.
/// </summary>
public abstract class StandardsComponent : ComponentBase
{
    [Inject] private IServiceScopeFactory ScopeFactory { get; set; } = default!;

    [Inject] protected StandardsConsoleQueries Picks { get; set; } = default!;

    protected async Task<T> WithServiceAsync<TService, T>(Func<TService, Task<T>> use)
        where TService : notnull
    {
        await using var services = ScopeFactory.CreateAsyncScope();
        return await use(services.ServiceProvider.GetRequiredService<TService>());
    }
}
