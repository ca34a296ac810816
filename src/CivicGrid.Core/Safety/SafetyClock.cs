namespace CivicGrid.Safety;

/// <summary>Safety dates (review dates, safe days, deadlines) are Beijing calendar days.</summary>
public static class SafetyClock
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Beijing).DateTime);

    public static DateOnly DateOf(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Beijing).DateTime);
}
