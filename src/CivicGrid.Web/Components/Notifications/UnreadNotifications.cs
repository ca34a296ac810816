using CivicGrid.Accounts;
using NotificationStore = CivicGrid.Cases.Escalation.Notifications;

namespace CivicGrid.Web.Components.Notifications;

/// <summary>
/// The signed-in user's unread count for one circuit: the bell in the top bar shows it, and the notification page
/// refreshes it after marking something read so the bell follows at once.
/// </summary>
public sealed class UnreadNotifications(IServiceScopeFactory scopes)
{
    public int Count { get; private set; }

    public event Action? Changed;

    public async Task RefreshAsync(AccessScope scope, CancellationToken ct = default)
    {
        if (!scope.IsAuthenticated)
        {
            return;
        }

        await using var services = scopes.CreateAsyncScope();
        var count = await services.ServiceProvider.GetRequiredService<NotificationStore>().UnreadCountAsync(scope, ct);
        if (count != Count)
        {
            Count = count;
            Changed?.Invoke();
        }
    }
}
