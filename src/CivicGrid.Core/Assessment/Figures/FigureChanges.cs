namespace CivicGrid.Assessment.Figures;

/// <summary>
/// Raised (one per application, a singleton) after a save changed the daily figures, so live views such as the
/// dashboard can reload; subscribers throttle themselves, this only tells that something changed.
/// </summary>
public sealed class FigureChanges
{
    public event Action? Changed;

    public void Notify()
    {
        foreach (var handler in Changed?.GetInvocationList() ?? [])
        {
            try
            {
                ((Action)handler)();
            }
            catch (ObjectDisposedException)
            {
                // A subscriber whose circuit went away while being told; it unsubscribes when it is disposed.
            }
        }
    }
}
