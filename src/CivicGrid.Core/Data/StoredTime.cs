namespace CivicGrid.Data;

/// <summary>A time as the database gives it back: PostgreSQL keeps microseconds, .NET ticks are tenths of them.</summary>
public static class StoredTime
{
    public static DateTimeOffset Of(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % 10), TimeSpan.Zero);
}
