using CivicGrid.Accounts;
using CivicGrid.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Platform.Calendar;

/// <summary>Marks one day as off (休息) or on (上班), with a name such as 国庆节 or 调休上班; administrators only.</summary>
public sealed record SaveCalendarDayRequest(bool? IsOffDay, string? Name);

public sealed class SaveCalendarDay(AppDbContext db, WorkingCalendarProvider calendars, TimeProvider clock)
{
    public const int MinYear = 2000, MaxYear = 2100;

    public async Task<Outcome<DayInfo>> HandleAsync(AccessScope scope, DateOnly date, SaveCalendarDayRequest request, CancellationToken ct = default)
    {
        if (!scope.IsAdmin)
        {
            return Outcome<DayInfo>.Forbidden("只有系统管理员可以调整工作日历。");
        }

        var problems = new List<Problem>();
        if (date.Year is < MinYear or > MaxYear)
        {
            problems.Add(new("date", $"日期须在 {MinYear} 年至 {MaxYear} 年之间。"));
        }

        if (request.IsOffDay is null)
        {
            problems.Add(new("isOffDay", "请说明该日是否休息（isOffDay：true 休息，false 上班）。"));
        }

        if (request.Name?.Trim().Length > 50)
        {
            problems.Add(new("name", "名称不超过 50 个字符。"));
        }

        if (problems.Count > 0)
        {
            return Outcome<DayInfo>.Invalid(problems);
        }

        var entry = await db.Set<CalendarOverride>().FirstOrDefaultAsync(o => o.Date == date, ct);
        var created = entry is null;
        if (entry is null)
        {
            entry = new CalendarOverride { Date = date, UpdatedBy = "" };
            db.Add(entry);
        }

        entry.IsOffDay = request.IsOffDay!.Value;
        entry.Name = string.IsNullOrWhiteSpace(request.Name) ? null : request.Name.Trim();
        entry.UpdatedBy = scope.UserName;
        entry.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        calendars.Invalidate();
        var day = new DayInfo(date, entry.IsOffDay, entry.Name, DaySource.Override);
        return created ? Outcome<DayInfo>.Created(day) : Outcome<DayInfo>.Ok(day);
    }

    /// <summary>Removes an administrator's correction, so the shipped data (or Monday–Friday) applies again.</summary>
    public async Task<Outcome<DayInfo>> RemoveAsync(AccessScope scope, DateOnly date, CancellationToken ct = default)
    {
        if (!scope.IsAdmin)
        {
            return Outcome<DayInfo>.Forbidden("只有系统管理员可以调整工作日历。");
        }

        var removed = await db.Set<CalendarOverride>().Where(o => o.Date == date).ExecuteDeleteAsync(ct);
        if (removed == 0)
        {
            return Outcome<DayInfo>.NotFound($"{date:yyyy-MM-dd} 没有人工调整记录。");
        }

        calendars.Invalidate();
        return Outcome<DayInfo>.Ok((await calendars.GetAsync(ct)).Day(date));
    }
}
