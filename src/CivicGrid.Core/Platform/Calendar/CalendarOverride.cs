namespace CivicGrid.Platform.Calendar;

/// <summary>An administrator's correction of one day (a new holiday, an extra make-up workday); wins over the holiday data.</summary>
public sealed class CalendarOverride
{
    public DateOnly Date { get; set; }
    public bool IsOffDay { get; set; }
    public string? Name { get; set; }
    public required string UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
