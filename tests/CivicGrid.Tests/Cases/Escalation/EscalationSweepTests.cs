using System.Net;
using System.Text.Json;
using CivicGrid.Cases.Escalation;
using CivicGrid.Platform.Calendar;
using CivicGrid.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Tests.Cases.Escalation;

/// <summary>督办: yellow and red cards on the working calendar, late 报到, notifications — with a fake clock.</summary>
public abstract class EscalationSweepTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CivicGridApp
{
    private static int _house;

    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    protected abstract Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A citizen's 占道经营 report (4 工作时), auto-dispatched to 城管 at 16:00 on the eve of 国庆.</summary>
    private async Task<JsonElement> ReportBeforeHolidayAsync()
    {
        var eve = new DateTimeOffset(2026, 9, 30, 16, 0, 0, Beijing);
        if (Clock.GetUtcNow() < eve)
        {
            Clock.SetUtcNow(eve);
        }

        var admin = await app.ClientAs("admin");
        var cells = await admin.GetJson("/api/v1/regions/110199003001/children");
        var response = await (await app.ClientAs("resident")).Post("/api/v1/cases", new
        {
            // A house number of its own each time: the same text from the same resident at the same place would be one report.
            description = $"{Interlocked.Increment(ref _house)}号楼前人行道上有人占道经营摆摊卖水果",
            lon = cells[0].GetProperty("centerLon").GetDouble(),
            lat = cells[0].GetProperty("centerLat").GetDouble(),
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Json();
        Assert.Equal("Dispatched", body.GetProperty("status").GetString());
        return body;
    }

    private async Task<JsonElement> DetailAsync(long id) => await (await app.ClientAs("admin")).GetJson($"/api/v1/cases/{id}");

    private static int Count(JsonElement detail, string kind) =>
        detail.GetProperty("history").EnumerateArray().Count(e => e.GetProperty("kind").GetString() == kind);

    [Fact]
    public async Task Yellow_at_eighty_percent_red_after_the_deadline_across_the_holiday_once_each()
    {
        var created = await ReportBeforeHolidayAsync();
        var id = created.GetProperty("id").GetInt64();
        var start = created.GetProperty("responsibleUnits")[0].GetProperty("dispatchedAt").GetDateTimeOffset();
        var deadline = created.GetProperty("deadline").GetDateTimeOffset();
        Assert.Equal(new DateOnly(2026, 10, 8), DateOnly.FromDateTime(deadline.ToOffset(Beijing).DateTime));

        var sweep = app.Services.GetRequiredService<EscalationSweep>();
        var calendar = await app.Services.GetRequiredService<WorkingCalendarProvider>().GetAsync(Ct);
        var limit = calendar.WorkingHoursBetween(start, deadline);

        // Days pass in the holiday but the working clock stands still.
        await sweep.RunAsync(new DateTimeOffset(2026, 10, 6, 12, 0, 0, Beijing), Ct);
        await sweep.RunAsync(calendar.AddWorkingHours(start, limit * 0.79), Ct);
        Assert.Equal("无", (await DetailAsync(id)).GetProperty("card").GetString());

        var yellowAt = calendar.AddWorkingHours(start, limit * 0.81);
        await sweep.RunAsync(yellowAt, Ct);
        await sweep.RunAsync(yellowAt.AddMinutes(1), Ct);
        var yellow = await DetailAsync(id);
        Assert.Equal("黄牌督办", yellow.GetProperty("card").GetString());
        Assert.Equal(1, Count(yellow, EscalationSweep.SuperviseKind));
        var supervise = yellow.GetProperty("history").EnumerateArray().Single(e => e.GetProperty("kind").GetString() == EscalationSweep.SuperviseKind);
        Assert.Equal("系统", supervise.GetProperty("actor").GetString());
        Assert.Equal("督办", supervise.GetProperty("kindName").GetString());

        await sweep.RunAsync(deadline.AddMinutes(-1), Ct);
        Assert.Equal("黄牌督办", (await DetailAsync(id)).GetProperty("card").GetString());
        await sweep.RunAsync(deadline.AddMinutes(1), Ct);
        await sweep.RunAsync(deadline.AddMinutes(6), Ct);
        var red = await DetailAsync(id);
        Assert.Equal("红牌督办", red.GetProperty("card").GetString());
        Assert.Equal(2, Count(red, EscalationSweep.SuperviseKind));
        Assert.Equal(1, Count(red, EscalationSweep.LateAcknowledgeKind));
        Assert.True(red.GetProperty("version").GetInt32() > created.GetProperty("version").GetInt32());
        Assert.True((await (await app.ClientAs("admin")).GetJson($"/api/v1/cases/{id}/history/verification")).GetProperty("intact").GetBoolean());

        // The case is still workable: the handler's next step is not refused by the sweep's version bump.
        var handler = await app.ClientAs("handler.cg");
        Assert.Equal(HttpStatusCode.OK, (await handler.Post($"/api/v1/cases/{id}/transitions", new { action = "acknowledge" })).StatusCode);
    }

    [Fact]
    public async Task The_lead_units_handler_is_notified_and_can_mark_it_read()
    {
        var created = await ReportBeforeHolidayAsync();
        var id = created.GetProperty("id").GetInt64();
        var deadline = created.GetProperty("deadline").GetDateTimeOffset();
        await app.Services.GetRequiredService<EscalationSweep>().RunAsync(deadline.AddMinutes(1), Ct);

        var handler = await app.ClientAs("handler.cg");
        var mine = (await handler.GetJson("/api/v1/notifications?pageSize=200")).GetProperty("items").EnumerateArray()
            .Where(n => n.GetProperty("link").GetString() == $"/cases/{id}").ToList();
        Assert.Contains(mine, n => n.GetProperty("title").GetString()!.StartsWith("红牌督办", StringComparison.Ordinal));
        Assert.Contains(mine, n => n.GetProperty("title").GetString()!.StartsWith("请尽快签收", StringComparison.Ordinal));
        Assert.All(mine, n => Assert.False(n.GetProperty("isRead").GetBoolean()));

        var first = mine[0].GetProperty("id").GetInt64();
        var resident = await app.ClientAs("resident");
        Assert.Equal(HttpStatusCode.NotFound, (await resident.Post($"/api/v1/notifications/{first}/read", new { })).StatusCode);
        Assert.DoesNotContain((await resident.GetJson("/api/v1/notifications")).GetProperty("items").EnumerateArray(),
            n => n.GetProperty("id").GetInt64() == first);

        Assert.Equal(HttpStatusCode.NoContent, (await handler.Post($"/api/v1/notifications/{first}/read", new { })).StatusCode);
        var after = (await handler.GetJson("/api/v1/notifications?pageSize=200")).GetProperty("items").EnumerateArray().ToList();
        Assert.True(after.Single(n => n.GetProperty("id").GetInt64() == first).GetProperty("isRead").GetBoolean());
        var firstRead = after.FindIndex(n => n.GetProperty("isRead").GetBoolean());
        Assert.True(after.Skip(firstRead).All(n => n.GetProperty("isRead").GetBoolean()), "unread come first");
    }

    [Fact]
    public async Task Suspended_cases_are_never_carded()
    {
        var created = await ReportBeforeHolidayAsync();
        var id = created.GetProperty("id").GetInt64();
        var dispatcher = await app.ClientAs("dispatcher");
        Assert.Equal(HttpStatusCode.OK, (await dispatcher.Post($"/api/v1/cases/{id}/transitions", new { action = "suspend", comment = "涉及规划调整，长期挂账" })).StatusCode);

        var sweep = app.Services.GetRequiredService<EscalationSweep>();
        await sweep.RunAsync(new DateTimeOffset(2026, 12, 31, 12, 0, 0, Beijing), Ct);
        var detail = await DetailAsync(id);
        Assert.Equal("Suspended", detail.GetProperty("status").GetString());
        Assert.Equal("无", detail.GetProperty("card").GetString());
        Assert.Equal(0, Count(detail, EscalationSweep.SuperviseKind));
        Assert.Equal(0, Count(detail, EscalationSweep.LateAcknowledgeKind));
    }
}

public sealed class EscalationSweepTestsOnSqlite(ClockedSqliteApp app) : EscalationSweepTests<ClockedSqliteApp>(app)
{
    private readonly ClockedSqliteApp _app = app;

    protected override Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock => _app.Clock;
}

public sealed class EscalationSweepTestsOnPostgres(ClockedPostgresApp app) : EscalationSweepTests<ClockedPostgresApp>(app)
{
    private readonly ClockedPostgresApp _app = app;

    protected override Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock => _app.Clock;
}
