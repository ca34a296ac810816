using CivicGrid.Platform.Calendar;

namespace CivicGrid.Tests.Platform.Calendar;

/// <summary>Deadlines on the Chinese working calendar (holiday-cn data, default hours 08:30–12:00, 13:30–17:30).</summary>
public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.Default;

    private static DateTimeOffset Beijing(string local) => DateTimeOffset.Parse(local + "+08:00", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Embedded_holiday_data_covers_2023_to_2026_with_its_licence()
    {
        foreach (var year in new[] { 2023, 2024, 2025, 2026 })
        {
            Assert.False(Calendar.IsFallbackYear(year), year.ToString());
        }

        // holiday-cn ships 2027.json with no days until the State Council announces the year: that is a fallback year.
        Assert.True(Calendar.IsFallbackYear(2027));

        Assert.Contains("MIT License", HolidayData.License());
        Assert.Contains("NateScarlet", HolidayData.License());
    }

    [Fact]
    public void National_day_2026_is_off_and_its_make_up_days_are_on()
    {
        for (var d = new DateOnly(2026, 10, 1); d <= new DateOnly(2026, 10, 7); d = d.AddDays(1))
        {
            Assert.False(Calendar.IsWorkingDay(d), d.ToString());
        }

        var saturday = Calendar.Day(new DateOnly(2026, 10, 10));
        Assert.Equal(DayOfWeek.Saturday, saturday.Date.DayOfWeek);
        Assert.False(saturday.IsOffDay);
        Assert.True(saturday.IsMakeUpWorkday);
        Assert.Equal("国庆节调休上班", saturday.Label);
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2026, 9, 20)));
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 10, 11)));
    }

    [Theory]
    [InlineData("2026-09-30T10:00:00", 1, "2026-10-08T17:30:00")]
    [InlineData("2026-09-30T10:00:00", 2, "2026-10-09T17:30:00")]
    [InlineData("2026-09-30T10:00:00", 3, "2026-10-10T17:30:00")] // spans 国庆, lands on the 调休 Saturday
    [InlineData("2026-09-30T10:00:00", 4, "2026-10-12T17:30:00")]
    [InlineData("2026-09-30T19:00:00", 1, "2026-10-09T17:30:00")] // evening: the clock starts on 10-08
    [InlineData("2026-10-03T10:00:00", 1, "2026-10-09T17:30:00")] // during the holiday: starts 10-08
    [InlineData("2026-10-09T09:00:00", 1, "2026-10-10T17:30:00")] // Friday → the 调休 Saturday is the next working day
    [InlineData("2026-09-18T10:00:00", 1, "2026-09-20T17:30:00")] // Friday → the 调休 Sunday before 中秋/国庆
    [InlineData("2026-11-25T10:00:00", 1, "2026-11-26T17:30:00")] // plain weekday
    [InlineData("2026-11-25T12:30:00", 1, "2026-11-26T17:30:00")] // lunch break counts as the same day
    [InlineData("2026-11-28T10:00:00", 1, "2026-12-01T17:30:00")] // Saturday: treated as Monday 08:30
    [InlineData("2026-11-25T18:00:00", 0, "2026-11-26T17:30:00")] // 0 days: the end of the clock-start day
    public void Working_days_are_due_at_the_end_of_the_nth_working_day_after_the_start_day(string start, int days, string due) =>
        Assert.Equal(Beijing(due), Calendar.AddWorkingDays(Beijing(start), days));

    [Theory]
    [InlineData("2026-11-25T11:00:00", 2, "2026-11-25T14:30:00")] // across lunch
    [InlineData("2026-11-25T12:15:00", 1, "2026-11-25T14:30:00")] // reported at lunch: starts 13:30
    [InlineData("2026-11-25T17:00:00", 1, "2026-11-26T09:00:00")] // across the evening
    [InlineData("2026-11-25T18:00:00", 1, "2026-11-26T09:30:00")] // reported in the evening
    [InlineData("2026-11-25T07:00:00", 3.5, "2026-11-25T12:00:00")] // before work; an exact period end stays there
    [InlineData("2026-11-27T16:30:00", 2, "2026-11-30T09:30:00")] // across the weekend
    [InlineData("2026-11-28T10:00:00", 4, "2026-11-30T14:00:00")] // reported on Saturday
    [InlineData("2026-02-13T17:00:00", 4, "2026-02-14T12:00:00")] // 春节: the 调休 Saturday 02-14 is worked
    [InlineData("2026-02-13T17:00:00", 8, "2026-02-14T17:30:00")]
    [InlineData("2026-02-13T17:00:00", 9, "2026-02-24T09:30:00")] // then nothing until after 春节 (02-15 – 02-23)
    [InlineData("2026-09-30T16:00:00", 2, "2026-10-08T09:00:00")] // 国庆
    public void Working_hours_skip_lunch_evenings_weekends_and_holidays(string start, double hours, string due) =>
        Assert.Equal(Beijing(due), Calendar.AddWorkingHours(Beijing(start), hours));

    [Fact]
    public void Deadlines_accept_any_offset_and_answer_in_beijing_time()
    {
        var due = Calendar.AddWorkingHours(DateTimeOffset.Parse("2026-11-25T03:00:00Z", System.Globalization.CultureInfo.InvariantCulture), 1);
        Assert.Equal(Beijing("2026-11-25T12:00:00"), due);
        Assert.Equal(TimeSpan.FromHours(8), due.Offset);
        Assert.Equal(Beijing("2026-10-10T17:30:00"), Calendar.Deadline(Beijing("2026-09-30T10:00:00"), new TimeLimit(3, TimeLimitUnit.WorkingDays)));
        Assert.Equal(Beijing("2026-11-25T14:30:00"), Calendar.Deadline(Beijing("2026-11-25T11:00:00"), new TimeLimit(2, TimeLimitUnit.WorkingHours)));
    }

    [Theory]
    [InlineData("2026-11-25T11:00:00", "2026-11-25T14:30:00", 2)]
    [InlineData("2026-11-27T16:30:00", "2026-11-30T09:30:00", 2)]
    [InlineData("2026-11-25T00:00:00", "2026-11-26T00:00:00", 7.5)]
    [InlineData("2026-09-30T00:00:00", "2026-10-11T00:00:00", 7.5 * 4)] // 09-30, 10-08, 10-09, 10-10
    [InlineData("2026-11-25T14:30:00", "2026-11-25T11:00:00", -2)]
    public void Working_hours_between_two_instants(string a, string b, double hours) =>
        Assert.Equal(hours, Calendar.WorkingHoursBetween(Beijing(a), Beijing(b)), 6);

    [Fact]
    public void Working_hours_between_is_the_inverse_of_adding_them()
    {
        var start = Beijing("2026-09-29T15:10:00");
        foreach (var hours in new[] { 0.5, 3, 7.5, 11.25, 40 })
        {
            Assert.Equal(hours, Calendar.WorkingHoursBetween(start, Calendar.AddWorkingHours(start, hours)), 6);
        }
    }

    [Fact]
    public void A_year_without_data_falls_back_to_monday_to_friday_with_a_warning()
    {
        Assert.True(Calendar.IsFallbackYear(2030));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2030, 10, 1))); // a Tuesday: no 国庆 without data
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2030, 10, 5)));
        Assert.Equal(Beijing("2030-10-07T17:30:00"), Calendar.AddWorkingDays(Beijing("2030-10-04T10:00:00"), 1));
        var warning = Calendar.WarningFor(2030);
        Assert.NotNull(warning);
        Assert.Contains("2030 年", warning);
        Assert.Contains("周一至周五", warning);
        Assert.Null(Calendar.WarningFor(2026));
        Assert.Equal([Calendar.WarningFor(2027)!], Calendar.Warnings(Beijing("2026-12-01T10:00:00")));
        Assert.Equal(2, Calendar.Warnings(Beijing("2027-03-01T10:00:00")).Count);
    }

    [Fact]
    public void Administrator_overrides_win_over_the_holiday_data()
    {
        var overrides = new[]
        {
            new CalendarOverride { Date = new DateOnly(2026, 10, 10), IsOffDay = true, Name = "取消调休", UpdatedBy = "admin" },
            new CalendarOverride { Date = new DateOnly(2026, 11, 26), IsOffDay = true, Name = "临时放假", UpdatedBy = "admin" },
            new CalendarOverride { Date = new DateOnly(2030, 10, 1), IsOffDay = true, Name = "国庆节", UpdatedBy = "admin" },
        };
        var calendar = new WorkingCalendar(HolidayData.Embedded, overrides, WorkingHours.Default, WorkingCalendar.ChinaTimeZone);
        Assert.Equal(Beijing("2026-10-12T17:30:00"), calendar.AddWorkingDays(Beijing("2026-09-30T10:00:00"), 3));
        Assert.Equal(Beijing("2026-11-27T17:30:00"), calendar.AddWorkingDays(Beijing("2026-11-25T10:00:00"), 1));
        Assert.Equal(DaySource.Override, calendar.Day(new DateOnly(2030, 10, 1)).Source);
        Assert.False(calendar.IsWorkingDay(new DateOnly(2030, 10, 1)));
        Assert.Contains("已人工录入 1 天", calendar.WarningFor(2030));
    }

    [Fact]
    public void Working_hours_are_configurable()
    {
        var calendar = new WorkingCalendar(HolidayData.Embedded, [], WorkingHours.Parse("09:00-17:00"), WorkingCalendar.ChinaTimeZone);
        Assert.Equal(Beijing("2026-11-26T10:00:00"), calendar.AddWorkingHours(Beijing("2026-11-25T16:00:00"), 2));
        Assert.Equal(Beijing("2026-11-26T17:00:00"), calendar.AddWorkingDays(Beijing("2026-11-25T16:00:00"), 1));
        Assert.Equal(7.5, WorkingHours.Default.HoursPerDay);
        Assert.Equal("08:30-12:00,13:30-17:30", WorkingHours.Default.ToString());
        Assert.Throws<FormatException>(() => WorkingHours.Parse("12:00-08:00"));
        Assert.Throws<FormatException>(() => WorkingHours.Parse("08:00-12:00,11:00-17:00"));
        Assert.Throws<FormatException>(() => WorkingHours.Parse(""));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingHours(Beijing("2026-11-25T10:00:00"), -1));
    }

    [Theory]
    [InlineData("工作时", TimeLimitUnit.WorkingHours)]
    [InlineData("小时", TimeLimitUnit.WorkingHours)]
    [InlineData("工作日", TimeLimitUnit.WorkingDays)]
    [InlineData("days", TimeLimitUnit.WorkingDays)]
    public void Time_limit_units_parse_chinese_and_english(string text, TimeLimitUnit unit) =>
        Assert.Equal(unit, TimeLimitUnits.Parse(text));
}
