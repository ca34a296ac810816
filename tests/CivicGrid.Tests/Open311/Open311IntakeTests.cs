using System.Globalization;
using System.Net;
using CivicGrid.Cases;
using CivicGrid.Data;
using CivicGrid.Open311;
using CivicGrid.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Tests.Open311;

/// <summary>
/// Open311 POST requests go through the one intake: the duplicate window answers the first request, and the case and its
/// Open311 row (token, media, attributes) are committed together before the answer — or not at all.
/// </summary>
public abstract class Open311IntakeTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CivicGridApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Open311Client Client() => new(app.Anonymous());

    private async Task<List<KeyValuePair<string, string>>> FormAsync(string description, string? phone = null, string? mediaUrl = null, int cell = 0)
    {
        var c = (await (await app.ClientAs("admin")).GetJson("/api/v1/regions/110199003001/children"))[cell];
        List<KeyValuePair<string, string>> form =
        [
            new("api_key", GeoReportTests<TApp>.DemoKey), new("service_code", "SJ0401"), new("attribute[STALL_TYPE]", "mobile"),
            new("lat", c.GetProperty("centerLat").GetDouble().ToString("R", CultureInfo.InvariantCulture)),
            new("long", c.GetProperty("centerLon").GetDouble().ToString("R", CultureInfo.InvariantCulture)), new("description", description),
        ];
        if (phone is not null)
        {
            form.Add(new("phone", phone));
        }

        if (mediaUrl is not null)
        {
            form.Add(new("media_url", mediaUrl));
        }

        return form;
    }

    private static async Task<(HttpStatusCode Status, string Id, string Token)> PostAsync(Open311Client client, List<KeyValuePair<string, string>> form)
    {
        var (status, body, response) = await client.PostJsonAsync(form);
        Assert.True(response.IsSuccessStatusCode, $"{(int)status}: {body}");
        return (status, body[0].GetProperty("service_request_id").GetString()!, response.Headers.GetValues("X-Open311-Token").Single());
    }

    /// <summary>What another connection sees committed: the case's description and its Open311 token.</summary>
    private async Task<(string? Description, string? Token)> CommittedAsync(string serviceRequestId)
    {
        var id = CaseNumbers.ParseId(serviceRequestId)!.Value;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var description = await db.Set<Case>().Where(c => c.Id == id).Select(c => c.Description).SingleOrDefaultAsync(Ct);
        var tokens = await db.Set<Open311Report>().Where(r => r.CaseId == id).Select(r => r.Token).ToListAsync(Ct);
        return (description, Assert.Single(tokens));
    }

    private async Task<int> CasesContainingAsync(string marker)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<Case>().CountAsync(c => c.Description.Contains(marker), Ct);
    }

    [Fact]
    public async Task A_repeated_post_within_the_window_answers_the_first_request_and_its_token()
    {
        var client = Client();
        var marker = Guid.NewGuid().ToString("N")[..8];
        var form = await FormAsync($"农贸市场西侧有人占道摆摊卖菜，编号{marker}", phone: "13800007788");

        var first = await PostAsync(client, form);
        Assert.Equal(HttpStatusCode.Created, first.Status);
        var again = await PostAsync(client, form);
        Assert.Equal((HttpStatusCode.OK, first.Id, first.Token), again);

        // Both at once from another phone: one new request, answered to both.
        var other = await FormAsync($"农贸市场西侧有人占道摆摊卖菜，编号{marker}", phone: "13900007788");
        var pair = await Task.WhenAll(PostAsync(client, other), PostAsync(client, other));
        Assert.NotEqual(first.Id, pair[0].Id);
        Assert.Equal(pair[0].Id, pair[1].Id);
        Assert.Equal(pair[0].Token, pair[1].Token);
        Assert.Single(pair, p => p.Status == HttpStatusCode.Created);
        Assert.Equal(2, await CasesContainingAsync(marker));
        Assert.Equal(first.Token, (await CommittedAsync(first.Id)).Token);
        Assert.Equal(pair[0].Token, (await CommittedAsync(pair[0].Id)).Token);
    }

    [Fact]
    public async Task Every_answered_post_is_committed_with_its_open311_row_before_the_answer()
    {
        var client = Client();
        var marker = Guid.NewGuid().ToString("N")[..8];
        var forms = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            FormAsync($"第{i}号摊位占道经营，编号{marker}", mediaUrl: $"https://img.example.cn/{marker}/{i}.jpg", cell: i % 4)));

        var answers = await Task.WhenAll(forms.Select(f => PostAsync(client, f)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.Status));
        Assert.Equal(12, answers.Select(a => a.Id).Distinct().Count());
        for (var i = 0; i < answers.Length; i++)
        {
            var (description, token) = await CommittedAsync(answers[i].Id);
            Assert.StartsWith($"第{i}号摊位占道经营，编号{marker}", description);
            Assert.Equal(answers[i].Token, token);
            var (_, tokens) = await client.GetJsonAsync($"tokens/{answers[i].Token}.json", "tokens.json");
            Assert.Equal(answers[i].Id, tokens[0].GetProperty("service_request_id").GetString());
        }
    }

    [Fact]
    public async Task When_the_open311_row_cannot_be_written_the_case_is_not_written_either()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        await RefuseOpen311RowsAsync();
        try
        {
            var response = await Client().PostAsync("json", await FormAsync($"桥下有人摆摊，编号{marker}", mediaUrl: "https://img.example.cn/refuse-me.jpg"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("错误编号", (await Open311Client.CheckJsonAsync(response, "errors.json"))[0].GetProperty("description").GetString());
        }
        finally
        {
            await StopRefusingAsync();
        }

        Assert.Equal(0, await CasesContainingAsync(marker));
        var ok = await PostAsync(Client(), await FormAsync($"桥下有人摆摊，编号{marker}", mediaUrl: "https://img.example.cn/refuse-me.jpg"));
        Assert.Equal(HttpStatusCode.Created, ok.Status);
        Assert.Equal(1, await CasesContainingAsync(marker));
    }

    /// <summary>A trigger refusing Open311 rows whose media URL says so, as a failing constraint or disk would.</summary>
    private async Task RefuseOpen311RowsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.ExecuteSqlRawAsync(db.Database.IsSqlite()
            ? """
              CREATE TRIGGER open311_refuse BEFORE INSERT ON open311_reports WHEN NEW."MediaUrl" LIKE '%refuse-me%'
              BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END;
              """
            : """
              CREATE FUNCTION open311_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
              BEGIN IF NEW."MediaUrl" LIKE '%refuse-me%' THEN RAISE EXCEPTION 'refused by test trigger'; END IF; RETURN NEW; END $$;
              CREATE TRIGGER open311_refuse BEFORE INSERT ON open311_reports FOR EACH ROW EXECUTE FUNCTION open311_refuse();
              """, Ct);
    }

    private async Task StopRefusingAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.ExecuteSqlRawAsync(db.Database.IsSqlite()
            ? "DROP TRIGGER open311_refuse;"
            : "DROP TRIGGER open311_refuse ON open311_reports; DROP FUNCTION open311_refuse();", Ct);
    }
}

public sealed class Open311IntakeTestsOnSqlite(SqliteApp app) : Open311IntakeTests<SqliteApp>(app);

public sealed class Open311IntakeTestsOnPostgres(PostgresApp app) : Open311IntakeTests<PostgresApp>(app);
