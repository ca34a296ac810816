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
/// Group commit for reports: one writer takes whatever reports have queued up (at most <see cref="IntakeOptions.MaxBatch"/>),
/// writes them — cases, history and automatic dispatch — in one transaction, and answers each caller only after the commit.
/// Under a surge one commit carries many reports; when idle a report is written at once. A batch that fails is retried
/// report by report, so one bad report costs only itself. Being the only writer of new cases in the process also makes the
/// duplicate checks (idempotency key, same content) race-free here; the unique key index covers other processes.
/// </summary>
public sealed class IntakeWriter : IAsyncDisposable
{
    public const string MeterName = "CivicGrid.Intake";

    private readonly Channel<PendingReport> _queue;
    private readonly IDbContextFactory<AppDbContext> _dbFactory;
    private readonly IntakeOptions _options;
    private readonly ILogger<IntakeWriter> _log;
    private readonly Meter _meter;
    private readonly Histogram<int> _batchSize;
    private readonly Counter<long> _batchFailures;
    private readonly Counter<long> _duplicates;
    private readonly Task _loop;

    public IntakeWriter(IDbContextFactory<AppDbContext> dbFactory, IOptions<CaseOptions> options, ILogger<IntakeWriter> log,
        IMeterFactory? meters = null)
    {
        _dbFactory = dbFactory;
        _options = options.Value.Intake;
        _log = log;
        _meter = meters?.Create(MeterName) ?? new Meter(MeterName);
        _batchSize = _meter.CreateHistogram<int>("civicgrid.intake.batch_size", "{report}", "每次提交写入的上报数");
        _batchFailures = _meter.CreateCounter<long>("civicgrid.intake.batch_failures", "{batch}", "整批失败后逐条重试的批次数");
        _duplicates = _meter.CreateCounter<long>("civicgrid.intake.duplicates", "{report}", "按幂等键或相同内容返回已有案卷的上报数");
        _queue = Channel.CreateBounded<PendingReport>(new BoundedChannelOptions(Math.Max(1, _options.QueueCapacity))
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Queues the report and waits until it is committed (or found to repeat an earlier one).</summary>
    internal async Task<ReportedCase> WriteAsync(PendingReport report, CancellationToken ct)
    {
        await _queue.Writer.WriteAsync(report, ct);
        // Once queued the report is written even if the caller goes away; a retry with its idempotency key finds it.
        return await report.Done.Task.WaitAsync(ct);
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
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
                        await companion.AddAsync(db, winner, null, CancellationToken.None);
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
        await using var tx = await db.Database.BeginTransactionAsync();
        var answers = new ReportedCase?[reports.Count];
        var written = new Case?[reports.Count];
        var sameAs = new int[reports.Count];
        Array.Fill(sameAs, -1);
        var (known, recent) = await EarlierAsync(db, reports);
        var fresh = new List<(int Index, Case Case)>();
        var keysInBatch = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < reports.Count; i++)
        {
            var report = reports[i];
            var key = report.Template.IdempotencyKey;
            if (key is not null && known.TryGetValue(key, out var existing))
            {
                answers[i] = new ReportedCase(existing, false);
            }
            else if (key is not null && keysInBatch.TryGetValue(key, out var earlier))
            {
                sameAs[i] = earlier;
            }
            else if (recent.Find(r => ReportDuplicates.IsSameReport(r, report.Fingerprint, _options)) is { } first)
            {
                answers[i] = new ReportedCase(first.Id, false);
            }
            else if (fresh.FindIndex(f => ReportDuplicates.IsSameReport(reports[f.Index].Fingerprint, report.Fingerprint, _options)) is var twin and >= 0)
            {
                sameAs[i] = fresh[twin].Index;
            }
            else
            {
                var c = report.NewCase();
                if (report.Plan is { } plan)
                {
                    CaseTriage.Apply(c, plan, c.ReportedAt);
                }

                fresh.Add((i, c));
                if (key is not null)
                {
                    keysInBatch[key] = i;
                }
            }
        }

        var events = new List<CaseEvent>();
        if (fresh.Count > 0)
        {
            await WriteNewAsync(db, reports, fresh, events);
            foreach (var (index, c) in fresh)
            {
                answers[index] = new ReportedCase(c.Id, true);
                written[index] = c;
            }
        }

        var resolved = answers.Select((a, i) => a ?? new ReportedCase(answers[sameAs[i]]!.Id, false)).ToArray();
        var companions = false;
        for (var i = 0; i < reports.Count; i++)
        {
            if (reports[i].Companion is { } companion)
            {
                await companion.AddAsync(db, resolved[i].Id, resolved[i].IsNew ? written[i] : null, CancellationToken.None);
                companions = true;
            }
        }

        if (companions || (fresh.Count > 0 && !db.Database.IsNpgsql()))
        {
            await db.SaveChangesAsync();
        }

        await tx.CommitAsync();
        var history = events.ToLookup(e => e.CaseId);
        foreach (var (index, c) in fresh)
        {
            reports[index].Written = c;
            reports[index].WrittenEvents = [.. history[c.Id]];
        }

        return resolved;
    }

    /// <summary>
    /// Writes the batch's new cases, registered and dispatched as planned, with their history. On PostgreSQL without EF
    /// Core's change tracking (ids from the sequence, then one multi-row insert per table, figures by SQL); elsewhere the
    /// cases are saved first (the history hashes cover their ids) and the history is saved with the companions.
    /// </summary>
    private static async Task WriteNewAsync(AppDbContext db, IReadOnlyList<PendingReport> reports, List<(int Index, Case Case)> fresh,
        List<CaseEvent> events)
    {
        var cases = fresh.ConvertAll(f => f.Case);
        var bulk = db.Database.IsNpgsql();
        if (bulk)
        {
            await CaseBulkInsert.AssignIdsAsync(db, cases);
        }
        else
        {
            db.AddRange(cases);
            await db.SaveChangesAsync();
        }

        var history = new CaseHistory(db, bulk ? events.Add : e =>
        {
            db.Add(e);
            events.Add(e);
        });
        foreach (var (index, c) in fresh)
        {
            var report = reports[index];
            history.Begin(c);
            await history.AppendAsync(c, "report", null, null, CaseStatus.Reported, report.Reporter, report.ReporterName, c.ReportedAt,
                comment: "来源：" + CaseWorkflow.SourceName(c.Source), attachments: report.Attachments);
            if (report.Plan is { } plan)
            {
                await CaseTriage.RecordAsync(c, plan, history, c.ReportedAt, CancellationToken.None);
            }
        }

        if (bulk)
        {
            await CaseBulkInsert.InsertAsync(db, cases, events);
            await CaseFigureTracker.AddInsertedAsync(db, cases, CancellationToken.None);
        }
    }

    /// <summary>
    /// In one round trip: the cases already holding one of the batch's idempotency keys, and the recent cases with the
    /// same text as one of its reports (the candidates for a resubmission).
    /// </summary>
    private async Task<(Dictionary<string, long> Known, List<ReportFingerprint> Recent)> EarlierAsync(AppDbContext db, IReadOnlyList<PendingReport> reports)
    {
        var keys = reports.Select(r => r.Template.IdempotencyKey).OfType<string>().Distinct().ToList();
        var hashes = reports.Select(r => r.Template.ContentHash).OfType<string>().Distinct().ToList();
        var since = reports.Min(r => r.Template.ReportedAt) - _options.DuplicateWindow;
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
        var known = rows.Where(r => r.IdempotencyKey is not null && keys.Contains(r.IdempotencyKey))
            .ToDictionary(r => r.IdempotencyKey!, r => r.Fingerprint.Id, StringComparer.Ordinal);
        var recent = rows.Select(r => r.Fingerprint).Where(f => f.ContentHash is not null && hashes.Contains(f.ContentHash) && f.ReportedAt >= since).ToList();
        return (known, recent);
    }

    /// <summary>Writes what is queued, then stops; reports arriving after this are refused.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
        _meter.Dispose();
    }
}
