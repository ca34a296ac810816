using CivicGrid.Platform;
using CivicGrid.Web.Components.Console;
using Microsoft.AspNetCore.Components;

namespace CivicGrid.Web.Components.Safety;

/// <summary>
/// Base of the safety console pages: the caller, the enterprise he works on (from <c>?enterprise=</c> or his first), and the
/// Core use cases run in their own DI scope per call so a circuit never holds a DbContext between clicks.
/// </summary>
public abstract class SafetyPage : ComponentBase
{
    [Inject] private IServiceScopeFactory ScopeFactory { get; set; } = default!;

    [Inject] private ConsoleUser CurrentUser { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "enterprise")] public int? EnterpriseQuery { get; set; }

    protected ConsoleUserInfo User { get; private set; } = ConsoleUserInfo.Anonymous;

    protected IReadOnlyList<CivicGrid.Safety.EnterpriseSummary> Enterprises { get; private set; } = [];

    protected int? EnterpriseId { get; set; }

    /// <summary>Why the page shows nothing (no safety role, no enterprise), or null.</summary>
    protected string? Refusal { get; private set; }

    protected override async Task OnInitializedAsync()
    {
        User = await CurrentUser.GetAsync();
        var list = await WithServiceAsync<CivicGrid.Safety.EnterpriseQueries, Outcome<IReadOnlyList<CivicGrid.Safety.EnterpriseSummary>>>(q => q.ListAsync(User.Scope));
        if (!list.Succeeded)
        {
            Refusal = list.Message;
            return;
        }

        Enterprises = list.Value!;
        EnterpriseId = Enterprises.FirstOrDefault(e => e.Id == EnterpriseQuery)?.Id ?? (Enterprises.Count > 0 ? Enterprises[0].Id : null);
        Refusal = EnterpriseId is null ? "您的管辖范围内还没有企业。" : null;
        if (EnterpriseId is not null)
        {
            await LoadAsync();
        }
    }

    protected abstract Task LoadAsync();

    protected async Task EnterpriseChanged(int id)
    {
        EnterpriseId = id;
        await LoadAsync();
    }

    protected async Task<T> WithServiceAsync<TService, T>(Func<TService, Task<T>> use)
        where TService : notnull
    {
        await using var services = ScopeFactory.CreateAsyncScope();
        return await use(services.ServiceProvider.GetRequiredService<TService>());
    }
}
