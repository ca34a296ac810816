using CivicGrid.Cases;
using CivicGrid.Cases.Responsibility;
using CivicGrid.Data;
using CivicGrid.Open311;
using CivicGrid.Public;
using CivicGrid.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CivicGrid.Tests.Cases.Intake;

/// <summary>
/// On PostgreSQL the intake writes the front doors' rows (Open311 reports, tracking links) itself, from the EF model's
/// metadata, in the batch that writes the cases. Read back through EF Core they must equal what was added; a type it
/// cannot write (here: a list column) must be refused so the writer saves it through EF Core instead.
/// </summary>
public sealed class AddedRowsInsertTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rows_written_from_the_model_read_back_as_added()
    {
        app.EnsureAvailable();
        var marker = Guid.NewGuid().ToString("N")[..12];
        Open311Report report;
        TrackingLink link;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var caseId = await db.Set<Case>().Where(c => !db.Set<Open311Report>().Any(r => r.CaseId == c.Id)).Select(c => c.Id).FirstAsync(Ct);
            var integration = await db.Set<Open311Integration>().Select(i => i.Id).FirstAsync(Ct);
            report = new Open311Report
            {
                CaseId = caseId,
                Token = "t" + marker,
                IntegrationId = integration,
                MediaUrl = $"https://img.example.cn/{marker}.jpg",
                ReporterEmail = "zhang@example.cn",
                Attributes = """{"STALL_TYPE":["mobile"]}""",
                SubmittedAt = new DateTimeOffset(2026, 11, 27, 16, 5, 7, TimeSpan.FromHours(8)).AddTicks(1_234_560),
            };
            link = new TrackingLink
            {
                CaseId = caseId,
                TokenHash = "h" + marker,
                Role = TrackingRole.Supporter,
                ReporterKey = Guid.NewGuid(),
                CreatedAt = new DateTimeOffset(2026, 11, 27, 8, 5, 7, TimeSpan.Zero),
            };
            db.AddRange(report, link);

            Assert.True(AddedRowsInsert.TryBuild(db, out var commands));
            Assert.Equal(2, commands.Count);
            await db.Database.OpenConnectionAsync(Ct);
            await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection());
            commands.ForEach(batch.BatchCommands.Add);
            Assert.Equal(2, await batch.ExecuteNonQueryAsync(Ct));
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var stored = await db.Set<Open311Report>().AsNoTracking().SingleAsync(r => r.Token == report.Token, Ct);
            Assert.Equal((report.CaseId, report.IntegrationId, report.MediaUrl, report.ReporterEmail, report.Attributes, report.SubmittedAt),
                (stored.CaseId, stored.IntegrationId, stored.MediaUrl, stored.ReporterEmail, stored.Attributes, stored.SubmittedAt));
            Assert.True(stored.Id > 0);
            var storedLink = await db.Set<TrackingLink>().AsNoTracking().SingleAsync(t => t.TokenHash == link.TokenHash, Ct);
            Assert.Equal((link.CaseId, link.Role, link.ReporterKey, link.CreatedAt),
                (storedLink.CaseId, storedLink.Role, storedLink.ReporterKey, storedLink.CreatedAt));
        }
    }

    [Fact]
    public async Task A_type_with_a_list_column_is_left_to_ef_core()
    {
        app.EnsureAvailable();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Add(new ResponsibilityRule
        {
            CategoryCode = "SJ0401",
            RegionCode = "110199001",
            DistrictCode = "110199",
            UnitId = 1,
            CoUnitIds = [2, 3],
            CreatedBy = "test",
        });

        Assert.False(AddedRowsInsert.TryBuild(db, out var commands));
        Assert.Empty(commands);
    }
}
