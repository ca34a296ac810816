using System.Net;
using System.Text.Json;
using CivicGrid.Cases;
using CivicGrid.Data;
using CivicGrid.Testing;
using CivicGrid.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Tests.Cases.Intake;

/// <summary>Group commit through POST /api/v1/cases: many reports at once, each written once, a refused one alone failing.</summary>
public abstract class IntakeBatchTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CivicGridApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<int> CountKeysAsync(string prefix)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Set<Case>().CountAsync(c => c.IdempotencyKey != null && c.IdempotencyKey.StartsWith(prefix), Ct);
    }

    [Fact]
    public async Task Many_parallel_reports_are_each_written_once_with_a_number_of_their_own_in_shared_commits()
    {
        using var measured = new IntakeMeasurements(app.Services);
        var resident = await app.ClientAs("resident");
        var prefix = "batch-" + Guid.NewGuid().ToString("N")[..8];
        var samples = new SampleReports(11);
        var reports = Enumerable.Range(0, 40).Select(n => samples.Citizen(prefix, n)).ToList();

        var responses = await Task.WhenAll(reports.Select(r => resident.Post("/api/v1/cases", r)));
        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Created, s));
        var bodies = await Task.WhenAll(responses.Select(r => r.Json()));
        var firstRound = measured.Batches;

        Assert.Equal(40, bodies.Select(b => b.GetProperty("id").GetInt64()).Distinct().Count());
        Assert.Equal(40, bodies.Select(b => b.GetProperty("number").GetString()).Distinct().Count());
        for (var n = 0; n < 40; n++)
        {
            Assert.Equal(SampleReports.Description(n), bodies[n].GetProperty("description").GetString());
            Assert.Matches(@"^\d{14}$", bodies[n].GetProperty("number").GetString());
            var history = bodies[n].GetProperty("history");
            Assert.Equal("report", history[0].GetProperty("kind").GetString());
            // A confident citizen report is still registered and dispatched by the rules, inside the same commit.
            if (bodies[n].GetProperty("status").GetString() == "Dispatched")
            {
                Assert.Equal(3, history.GetArrayLength());
                Assert.NotEmpty(bodies[n].GetProperty("responsibleUnits").EnumerateArray());
            }
        }

        Assert.Contains(bodies, b => b.GetProperty("status").GetString() == "Dispatched");
        Assert.Equal(40, firstRound.Sum());
        Assert.True(firstRound.Count < 40, $"40 份上报用了 {firstRound.Count} 次提交：[{string.Join(",", firstRound)}]");

        // The same 40 again, all at once (a client retrying after a timeout): the same cases, nothing new.
        var again = await Task.WhenAll(reports.Select(r => resident.Post("/api/v1/cases", r)));
        Assert.All(again, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var againIds = (await Task.WhenAll(again.Select(r => r.Json()))).Select(b => b.GetProperty("id").GetInt64());
        Assert.Equal(bodies.Select(b => b.GetProperty("id").GetInt64()), againIds);
        Assert.Equal(40, await CountKeysAsync(prefix));

        // Every case's history chain is intact (the chain hashes cover the ids the batch insert handed out).
        var admin = await app.ClientAs("admin");
        foreach (var body in bodies.Take(5))
        {
            var verdict = await admin.GetJson($"/api/v1/cases/{body.GetProperty("id").GetInt64()}/history/verification");
            Assert.True(verdict.GetProperty("intact").GetBoolean());

            // Read back from the database, the case is what its reporter was answered (on PostgreSQL the batch is
            // written by the bulk insert, not by EF Core, so every column has to have arrived).
            var stored = await admin.GetJson($"/api/v1/cases/{body.GetProperty("id").GetInt64()}");
            foreach (var field in new[] { "number", "status", "source", "categoryCode", "regionCode", "description", "lon", "lat", "reportedAt", "deadline", "version" })
            {
                Assert.Equal(Text(body.GetProperty(field)), Text(stored.GetProperty(field)));
            }

            Assert.Equal(Units(body), Units(stored));
            Assert.Equal(Steps(body), Steps(stored));
        }
    }

    private static List<string> Units(JsonElement view) =>
        [.. view.GetProperty("responsibleUnits").EnumerateArray().Select(u => $"{u.GetProperty("unitId")}/{u.GetProperty("isLead")}/{Text(u.GetProperty("acknowledgeBy"))}")];

    private static List<string> Steps(JsonElement view) =>
        [.. view.GetProperty("history").EnumerateArray().Select(e => $"{e.GetProperty("sequence")}/{e.GetProperty("kind")}/{Text(e.GetProperty("at"))}/{e.GetProperty("comment")}")];

    /// <summary>A value as text; a time as its instant (the answer shows Beijing time, the stored row UTC).</summary>
    private static string Text(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && value.TryGetDateTimeOffset(out var at) ? at.UtcDateTime.ToString("O") : value.ToString();

    [Fact]
    public async Task A_report_the_database_refuses_fails_alone_and_the_rest_of_its_batch_is_written()
    {
        using var measured = new IntakeMeasurements(app.Services);
        var resident = await app.ClientAs("resident");
        var samples = new SampleReports(12);
        object? poison = null;
        await RefuseAsync();
        try
        {
            // Reports are located and classified in parallel, so the refused one may still reach the writer on its own:
            // then another round, until it has shared a batch.
            for (var round = 0; round < 5 && measured.BatchFailures == 0; round++)
            {
                var prefix = $"poison{round}-" + Guid.NewGuid().ToString("N")[..8];
                var reports = Enumerable.Range(100 + (round * 20), 12).Select(n => samples.Citizen(prefix, n)).ToList();
                var (lon, lat) = samples.Point();
                poison = new { description = "拒收标记：数据库会拒绝这一条", lon, lat, source = "citizen", idempotencyKey = prefix + "-poison" };
                reports.Insert(6, poison);

                var responses = await Task.WhenAll(reports.Select(r => resident.Post("/api/v1/cases", r)));
                Assert.Equal(HttpStatusCode.InternalServerError, responses[6].StatusCode);
                Assert.StartsWith("application/problem+json", responses[6].Content.Headers.ContentType?.ToString());
                Assert.All(responses.Where((_, i) => i != 6), r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
                Assert.Equal(12, await CountKeysAsync(prefix));
            }
        }
        finally
        {
            await StopRefusingAsync();
        }

        Assert.True(measured.BatchFailures >= 1, $"拒收的一条始终没有和其他上报同批：[{string.Join(",", measured.Batches)}]");

        // Once the database accepts it the refused report goes in like any other.
        Assert.Equal(HttpStatusCode.Created, (await resident.Post("/api/v1/cases", poison!)).StatusCode);
    }

    /// <summary>A trigger that makes the database refuse reports containing 拒收标记, as a real constraint would.</summary>
    private async Task RefuseAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("""
                CREATE TRIGGER intake_refuse BEFORE INSERT ON cases WHEN NEW."Description" LIKE '%拒收标记%'
                BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END;
                """, Ct);
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("""
                CREATE FUNCTION intake_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN IF NEW."Description" LIKE '%拒收标记%' THEN RAISE EXCEPTION 'refused by test trigger'; END IF; RETURN NEW; END $$;
                CREATE TRIGGER intake_refuse BEFORE INSERT ON cases FOR EACH ROW EXECUTE FUNCTION intake_refuse();
                """, Ct);
        }
    }

    private async Task StopRefusingAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.ExecuteSqlRawAsync(db.Database.IsSqlite()
            ? "DROP TRIGGER intake_refuse;"
            : "DROP TRIGGER intake_refuse ON cases; DROP FUNCTION intake_refuse();", Ct);
    }
}

public sealed class IntakeBatchTestsOnSqlite(LingeringSqliteApp app) : IntakeBatchTests<LingeringSqliteApp>(app);

public sealed class IntakeBatchTestsOnPostgres(LingeringPostgresApp app) : IntakeBatchTests<LingeringPostgresApp>(app);
