using CivicGrid.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicGrid.Platform.Calendar;

/// <summary>
/// The current <see cref="WorkingCalendar"/>: shipped holiday data + the overrides in the database, kept as an
/// in-memory snapshot. Changes made through this instance invalidate it at once; other instances refresh within
/// <see cref="RefreshAfter"/>.
/// </summary>
public sealed class WorkingCalendarProvider(IDbContextFactory<AppDbContext> dbFactory, IOptions<CalendarOptions> options, TimeProvider clock)
{
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private (WorkingCalendar Calendar, DateTimeOffset LoadedAt)? _snapshot;

    public async ValueTask<WorkingCalendar> GetAsync(CancellationToken ct = default)
    {
        if (_snapshot is { } s && clock.GetUtcNow() - s.LoadedAt < RefreshAfter)
        {
            return s.Calendar;
        }

        await _loading.WaitAsync(ct);
        try
        {
            if (_snapshot is { } again && clock.GetUtcNow() - again.LoadedAt < RefreshAfter)
            {
                return again.Calendar;
            }

            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var overrides = await db.Set<CalendarOverride>().AsNoTracking().ToListAsync(ct);
            var calendar = new WorkingCalendar(HolidayData.Embedded, overrides, WorkingHours.Parse(options.Value.WorkingHours),
                TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone));
            _snapshot = (calendar, clock.GetUtcNow());
            return calendar;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>Forgets the snapshot; the next call reloads the overrides.</summary>
    public void Invalidate() => _snapshot = null;
}
