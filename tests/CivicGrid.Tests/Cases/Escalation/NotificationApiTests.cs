using System.Net;
using CivicGrid.Cases.Escalation;
using CivicGrid.Data;
using CivicGrid.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Tests.Cases.Escalation;

/// <summary>The unread count behind the console's bell, and 全部标为已读: each only ever about the caller's own notifications.</summary>
public abstract class NotificationApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CivicGridApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_unread_count_follows_reading_one_and_reading_all()
    {
        await AddAsync("leader", 3);
        await AddAsync("inspector", 2);
        var leader = await app.ClientAs("leader");
        Assert.Equal(3, await UnreadAsync(leader));

        var first = (await leader.GetJson("/api/v1/notifications")).GetProperty("items")[0].GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.NoContent, (await leader.Post($"/api/v1/notifications/{first}/read", new { })).StatusCode);
        Assert.Equal(2, await UnreadAsync(leader));

        var all = await (await leader.Post("/api/v1/notifications/read-all", new { })).Json();
        Assert.Equal(2, all.GetProperty("marked").GetInt32());
        Assert.Equal(0, await UnreadAsync(leader));
        Assert.All((await leader.GetJson("/api/v1/notifications")).GetProperty("items").EnumerateArray(), n => Assert.True(n.GetProperty("isRead").GetBoolean()));
        Assert.Equal(0, (await (await leader.Post("/api/v1/notifications/read-all", new { })).Json()).GetProperty("marked").GetInt32());

        // Someone else's stay unread.
        Assert.Equal(2, await UnreadAsync(await app.ClientAs("inspector")));
    }

    [Fact]
    public async Task Anonymous_callers_get_no_count()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().Get("/api/v1/notifications/unread-count")).StatusCode);
    }

    private static async Task<int> UnreadAsync(HttpClient client) =>
        (await client.GetJson("/api/v1/notifications/unread-count")).GetProperty("unread").GetInt32();

    private async Task AddAsync(string userName, int count)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var user = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync(Ct);
        for (var i = 0; i < count; i++)
        {
            db.Add(new Notification { RecipientUserId = user, Title = $"黄牌督办：测试 {i}", Body = "测试通知", Link = "/cases/1", CreatedAt = DateTimeOffset.UtcNow.AddMinutes(-i) });
        }

        await db.SaveChangesAsync(Ct);
    }
}

public sealed class NotificationApiTestsOnSqlite(SqliteApp app) : NotificationApiTests<SqliteApp>(app);

public sealed class NotificationApiTestsOnPostgres(PostgresApp app) : NotificationApiTests<PostgresApp>(app);
