namespace CivicGrid.Safety.Detections;

/// <summary>A warning was raised or resolved.</summary>
public sealed record WarningChange(long WarningId, int EnterpriseId, bool IsNew);

/// <summary>
/// Tells open warning boards (Blazor circuits of this process) that a warning appeared or changed, after it is committed.
/// Handlers must be quick and must not throw: they only schedule a refresh on their own circuit.
/// </summary>
public sealed class WarningNotifier
{
    public event Action<WarningChange>? Changed;

    public void Publish(WarningChange change)
    {
        foreach (var handler in Changed?.GetInvocationList().Cast<Action<WarningChange>>() ?? [])
        {
            try
            {
                handler(change);
            }
            catch (Exception)
            {
                // One broken board must not stop the others (or the ingest path) from going on.
            }
        }
    }
}
