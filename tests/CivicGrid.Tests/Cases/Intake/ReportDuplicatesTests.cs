using CivicGrid.Cases.Intake;

namespace CivicGrid.Tests.Cases.Intake;

public sealed class ReportDuplicatesTests
{
    private static readonly IntakeOptions Options = new();
    private static readonly DateTimeOffset At = new(2026, 11, 26, 2, 0, 0, TimeSpan.Zero);

    private static ReportFingerprint Report(string text, string? phone = null, Guid? user = null, string? address = null,
        double? lon = 116.6, double? lat = 40.1, string? where = null, TimeSpan after = default) =>
        new(0, ReportDuplicates.ContentHash(text), phone, user, ReportDuplicates.AddressHash(address), lon, lat, where, At + after);

    [Theory]
    [InlineData("路灯不亮，晚上很黑", "路灯不亮 晚上很黑！")]
    [InlineData("ＡＢＣ小区３号楼漏水", "abc小区3号楼漏水")]
    [InlineData("  井盖\t缺失。 ", "井盖缺失")]
    public void Spacing_punctuation_width_and_case_do_not_make_another_text(string a, string b) =>
        Assert.Equal(ReportDuplicates.ContentHash(a), ReportDuplicates.ContentHash(b));

    [Fact]
    public void Another_word_is_another_text() =>
        Assert.NotEqual(ReportDuplicates.ContentHash("路灯不亮"), ReportDuplicates.ContentHash("路灯太亮"));

    [Fact]
    public void Same_reporter_means_the_same_phone_account_or_network_address()
    {
        var user = Guid.NewGuid();
        Assert.True(ReportDuplicates.IsSameReport(Report("路灯不亮", phone: "13800001234"), Report("路灯不亮", phone: "13800001234"), Options));
        Assert.True(ReportDuplicates.IsSameReport(Report("路灯不亮", user: user), Report("路灯不亮", user: user), Options));
        Assert.True(ReportDuplicates.IsSameReport(Report("路灯不亮", address: "10.1.2.3"), Report("路灯不亮", address: "10.1.2.3"), Options));
        Assert.False(ReportDuplicates.IsSameReport(Report("路灯不亮", phone: "13800001234"), Report("路灯不亮", phone: "13900001234"), Options));
        Assert.False(ReportDuplicates.IsSameReport(Report("路灯不亮"), Report("路灯不亮"), Options));
    }

    [Fact]
    public void Same_place_is_within_the_radius_or_the_same_address_text()
    {
        var user = Guid.NewGuid();
        Assert.True(ReportDuplicates.IsSameReport(Report("路灯不亮", user: user), Report("路灯不亮", user: user, lat: 40.1004), Options));
        Assert.False(ReportDuplicates.IsSameReport(Report("路灯不亮", user: user), Report("路灯不亮", user: user, lat: 40.1006), Options));
        Assert.True(ReportDuplicates.IsSameReport(Report("路灯不亮", user: user, lon: null, lat: null, where: "青年路 8 号"),
            Report("路灯不亮", user: user, lon: null, lat: null, where: "青年路8号"), Options));
        Assert.False(ReportDuplicates.IsSameReport(Report("路灯不亮", user: user, lon: null, lat: null, where: "青年路8号"),
            Report("路灯不亮", user: user), Options));
    }

    [Fact]
    public void The_window_closes_after_two_minutes()
    {
        var user = Guid.NewGuid();
        Assert.True(ReportDuplicates.IsSameReport(Report("路灯不亮", user: user), Report("路灯不亮", user: user, after: TimeSpan.FromMinutes(2)), Options));
        Assert.False(ReportDuplicates.IsSameReport(Report("路灯不亮", user: user), Report("路灯不亮", user: user, after: TimeSpan.FromSeconds(121)), Options));
    }
}
