using System.Data.Common;
using System.Diagnostics.Metrics;
using System.Threading.Channels;
using CivicGrid.Assessment.Figures;
using CivicGrid.Data;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CivicGrid.Cases.Intake;

/// <summary>
/// Group commit for reports: a writer takes whatever reports have queued up for it (at most <see cref="IntakeOptions.MaxBatch"/>),
/// writes them — cases, history and automatic dispatch — in one transaction, and answers each caller only after the commit.
/// Under a surge one commit carries many reports; when idle a report is written at once. A batch that fails is retried
/// report by report, so one bad report costs only itself. Reports are shared among <see cref="IntakeOptions.Writers"/>
/// writers by the hash of their text, so one database backend per writer inserts in parallel while the same text always
/// meets the same writer: its duplicate check (same content) stays race-free in the process; a repeated idempotency key
/// is covered by the unique index (the loser of a race answers the winner's case).
/// </summary>
public sealed class IntakeWriter : IAsyncDisposable
{
    public const string MeterName = "CivicGrid.Intake";

    private readonly Channel<PendingReport>[] _queues;
    private readonly IDbContextFactory<AppDbContext> _dbFactory;
    private readonly IntakeOptions _options;
    private readonly ILogger<IntakeWriter> _log;
    private readonly Meter _meter;
    private readonly Histogram<int> _batchSize;
    private readonly Counter<long> _batchFailures;
    private readonly Counter<long> _duplicates;
    private readonly Task[] _loops;

    public IntakeWriter(IDbContextFactory<AppDbContext> dbFactory, IOptions<CaseOptions> options, DatabaseSettings database,
        ILogger<IntakeWriter> log, IMeterFactory? meters = null)
    {
        _dbFactory = dbFactory;
        _options = options.Value.Intake;
        _log = log;
        _meter = meters?.Create(MeterName) ?? new Meter(MeterName);
        _batchSize = _meter.CreateHistogram<int>("civicgrid.intake.batch_size", "{report}", "每次提交写入的上报数");
        _batchFailures = _meter.CreateCounter<long>("civicgrid.intake.batch_failures", "{batch}", "整批失败后逐条重试的批次数");
        _duplicates = _meter.CreateCounter<long>("civicgrid.intake.duplicates", "{report}", "按幂等键或相同内容返回已有案卷的上报数");
        // SQLite writes one transaction at a time anyway: more writers would only wait for its lock.
        var writers = database.Provider == DatabaseProvider.Postgres ? Math.Max(1, _options.Writers) : 1;
        _queues = [.. Enumerable.Range(0, writers).Select(_ => Channel.CreateBounded<PendingReport>(
            new BoundedChannelOptions(Math.Max(1, _options.QueueCapacity / writers)) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait }))];
        _loops = [.. _queues.Select(q => Task.Run(() => RunAsync(q.Reader)))];
    }

    /// <summary>Queues the report and waits until it is committed (or found to repeat an earlier one).</summary>
    internal async Task<ReportedCase> WriteAsync(PendingReport report, CancellationToken ct)
    {
        var lane = _queues.Length == 1 ? 0 : (int)((uint)StringComparer.Ordinal.GetHashCode(report.Template.ContentHash ?? "") % (uint)_queues.Length);
        await _queues[lane].Writer.WriteAsync(report, ct);
        // Once queued the report is written even if the caller goes away; a retry with its idempotency key finds it.
        return await report.Done.Task.WaitAsync(ct);
    }

    private async Task RunAsync(ChannelReader<PendingReport> reader)
    {
        var max = Math.Max(1, _options.MaxBatch);
        var batch = new List<PendingReport>(max);
        while (await reader.WaitToReadAsync())
        {
            while (batch.Count < max && reader.TryRead(out var report))
            {
                batch.Add(report);
            }

            if (_options.LingerMicroseconds > 0 && batch.Count < max)
            {
                await LingerAsync(reader, batch, max);
            }

            await WriteBatchAsync(batch);
            batch.Clear();
        }
    }

    private async Task LingerAsync(ChannelReader<PendingReport> reader, List<PendingReport> batch, int max)
    {
        using var linger = new CancellationTokenSource(TimeSpan.FromMicroseconds(_options.LingerMicroseconds));
        try
        {
            while (batch.Count < max && await reader.WaitToReadAsync(linger.Token))
            {
                while (batch.Count < max && reader.TryRead(out var report))
                {
                    batch.Add(report);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The linger time is over: write what there is.
        }
    }

    private async Task WriteBatchAsync(List<PendingReport> batch)
    {
        try
        {
            Answer(batch, await WriteTogetherAsync(batch));
            return;
        }
        catch (Exception ex) when (batch.Count > 1)
        {
            _batchFailures.Add(1);
            _log.LogWarning(ex, "{Count} 条上报整批写入失败，逐条重试。", batch.Count);
        }
        catch (Exception ex)
        {
            await FailAsync(batch[0], ex);
            return;
        }

        foreach (var report in batch)
        {
            try
            {
                Answer([report], await WriteTogetherAsync([report]));
            }
            catch (Exception ex)
            {
                await FailAsync(report, ex);
            }
        }
    }

    /// <summary>Called after the commit: the figures first, so whoever the answers wake sees them.</summary>
    private void Answer(IReadOnlyList<PendingReport> reports, ReportedCase[] answers)
    {
        _batchSize.Record(reports.Count);
        _duplicates.Add(answers.Count(a => !a.IsNew));
        for (var i = 0; i < reports.Count; i++)
        {
            reports[i].Done.TrySetResult(answers[i]);
        }
    }

    /// <summary>
    /// A report that cannot be written fails alone; when it lost a race for its idempotency key (another process
    /// wrote the key between our check and our insert), the winner's case is its answer.
    /// </summary>
    private async Task FailAsync(PendingReport report, Exception ex)
    {
        if (report.Template.IdempotencyKey is { } key && ex is DbUpdateException or DbException)
        {
            try
            {
                await using var db = await _dbFactory.CreateDbContextAsync();
                if (await db.Set<Case>().Where(c => c.IdempotencyKey == key).Select(c => (long?)c.Id).FirstOrDefaultAsync() is { } winner)
                {
                    if (report.Companion is { } companion)
                    {
                        await companion.AddAsync(db, new ReportTarget(winner, false, null), CancellationToken.None);
                        await db.SaveChangesAsync();
                    }

                    _duplicates.Add(1);
                    report.Done.TrySetResult(new ReportedCase(winner, false));
                    return;
                }
            }
            catch (Exception lookup)
            {
                _log.LogWarning(lookup, "查找幂等键的已有案卷失败。");
            }
        }

        _log.LogError(ex, "上报写入失败（{Description}）。", report.Template.Description.Length > 40 ? report.Template.Description[..40] : report.Template.Description);
        report.Done.TrySetException(ex);
    }

    private async Task<ReportedCase[]> WriteTogetherAsync(IReadOnlyList<PendingReport> reports)
    {
        await using var db = await _dbFactory.CreateDbContextAsync();
        // The batch is all or nothing (a failure retries report by report), so savepoints would only cost round trips.
        db.Database.AutoSavepointsEnabled = false;
        return db.Database.IsNpgsql() ? await WriteOnPostgresAsync(db, reports) : await WriteThroughEfAsync(db, reports);
    }

    /// <summary>
    /// PostgreSQL without EF Core's change tracking, in two round trips: the look-up of earlier cases with the new ids,
    /// then cases, assignments, history, the front doors' own rows and the figures in one batch, an implicit transaction
    /// of its own.
    /// </summary>
    private async Task<ReportedCase[]> WriteOnPostgresAsync(AppDbContext db, IReadOnlyList<PendingReport> reports)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            var lookUp = IntakeBatch.LookUp(reports, _options);
            var (rows, ids) = await CaseBulkInsert.LookUpAsync(db, lookUp, reports.Count);
            var batch = IntakeBatch.Decide(reports, rows, lookUp, _options);
            var cases = batch.Fresh.ConvertAll(f => f.Case);
            for (var i = 0; i < cases.Count; i++)
            {
                cases[i].Id = ids[i];
            }

            await batch.AppendHistoryAsync(new CaseHistory(db, batch.Events.Add));
            var answers = batch.Answers();
            var figures = CaseFigureTracker.ForInserted(cases);
            await batch.AddCompanionsAsync(db, answers);
            if (!AddedRowsInsert.TryBuild(db, out var companions))
            {
                throw new NotSupportedException("入口附带的记录含有批量写入不支持的列（数据库生成的值、从属类型或非标量列），无法随上报一起写入。");
            }

            await CaseBulkInsert.InsertAsync(db, cases, batch.Events, figures, companions);
            batch.Committed();
            if (cases.Count > 0)
            {
                await AfterCommitAsync(() =>
                {
                    CaseFigureTracker.NotifyChanged(db);
                    return Task.CompletedTask;
                });
            }

            return answers;
        }
        finally
        {
            await AfterCommitAsync(() => db.Database.CloseConnectionAsync());
        }
    }

    /// <summary>
    /// Runs what follows a commit: a failure here must not make the committed batch look failed (it would be retried,
    /// and its callers answered as repeats or with an error for reports that are stored).
    /// </summary>
    private async Task AfterCommitAsync(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception ex)
        {
            _log.LogWarning(ex, "上报写入后的收尾（通知考评数据变化、关闭连接）出错，已忽略。");
        }
    }

    /// <summary>
    /// Any other database, through EF Core in one transaction: the cases are saved first (the history hashes cover their
    /// ids), then the history with the front doors' rows.
    /// </summary>
    private async Task<ReportedCase[]> WriteThroughEfAsync(AppDbContext db, IReadOnlyList<PendingReport> reports)
    {
        await using var tx = await db.Database.BeginTransactionAsync();
        var lookUp = IntakeBatch.LookUp(reports, _options);
        var batch = IntakeBatch.Decide(reports, await EarlierAsync(db, lookUp), lookUp, _options);
        if (batch.Fresh.Count > 0)
        {
            db.AddRange(batch.Fresh.Select(f => f.Case));
            await db.SaveChangesAsync();
            await batch.AppendHistoryAsync(new CaseHistory(db, e =>
            {
                db.Add(e);
                batch.Events.Add(e);
            }));
        }

        var answers = batch.Answers();
        await batch.AddCompanionsAsync(db, answers);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        batch.Committed();
        return answers;
    }

    /// <summary>
    /// In one round trip: the cases already holding one of the batch's idempotency keys, and the recent cases with the
    /// same text as one of its reports (the candidates for a resubmission).
    /// </summary>
    private static async Task<List<(string? Key, ReportFingerprint Fingerprint)>> EarlierAsync(AppDbContext db, IntakeLookUp lookUp)
    {
        var (keys, hashes, since) = lookUp;
        var rows = await db.Set<Case>()
            .Where(c => (c.IdempotencyKey != null && keys.Contains(c.IdempotencyKey))
                        || (c.ContentHash != null && hashes.Contains(c.ContentHash) && c.ReportedAt >= since))
            .OrderBy(c => c.Id)
            .Select(c => new
            {
                c.IdempotencyKey,
                Fingerprint = new ReportFingerprint(c.Id, c.ContentHash, c.ReporterPhone, c.ReporterUserId, c.ReporterAddressHash, c.Lon, c.Lat, c.Address, c.ReportedAt),
            })
            .ToListAsync();
        return rows.ConvertAll(r => (r.IdempotencyKey, r.Fingerprint));
    }

    /// <summary>Writes what is queued, then stops; reports arriving after this are refused.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var queue in _queues)
        {
            queue.Writer.TryComplete();
        }

        await Task.WhenAll(_loops);
        _meter.Dispose();
    }
}
