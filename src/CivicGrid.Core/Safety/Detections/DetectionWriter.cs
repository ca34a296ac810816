using System.Threading.Channels;
using CivicGrid.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CivicGrid.Safety.Detections;

/// <summary>One detection waiting to be written, with the warning it raised (if any).</summary>
internal sealed record PendingDetection(Detection Detection, DetectionWarning? Warning);

/// <summary>The detections of one request: written in the same transaction, answered together after its commit.</summary>
internal sealed class PendingGroup(IReadOnlyList<PendingDetection> items)
{
    public IReadOnlyList<PendingDetection> Items { get; } = items;
    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>
/// Group commit for detections, as the case intake does it (<see cref="Cases.Intake.IntakeWriter"/>): one writer takes
/// whatever has queued up (about <see cref="MaxBatch"/> detections), writes warnings and detections in one transaction and
/// answers each caller after the commit. A request's detections always share a transaction. A failed batch is retried
/// request by request, so a bad row costs only its own request. On PostgreSQL the rows go in by binary COPY
/// (<see cref="DetectionCopy"/>), elsewhere through EF Core.
/// </summary>
public sealed class DetectionWriter : IAsyncDisposable
{
    public const int MaxBatch = 500;

    private readonly Channel<PendingGroup> _queue = Channel.CreateBounded<PendingGroup>(
        new BoundedChannelOptions(20_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly IDbContextFactory<AppDbContext> _dbFactory;
    private readonly WarningNotifier _notifier;
    private readonly ILogger<DetectionWriter> _log;
    private readonly Task _loop;

    public DetectionWriter(IDbContextFactory<AppDbContext> dbFactory, WarningNotifier notifier, ILogger<DetectionWriter> log)
    {
        _dbFactory = dbFactory;
        _notifier = notifier;
        _log = log;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Queues the detections and waits for their commit; afterwards each warning carries its id.</summary>
    internal async Task WriteAsync(IReadOnlyList<PendingDetection> items, CancellationToken ct)
    {
        var group = new PendingGroup(items);
        await _queue.Writer.WriteAsync(group, ct);
        await group.Done.Task.WaitAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingGroup>();
        var pending = default(PendingGroup);
        while (pending is not null || await _queue.Reader.WaitToReadAsync())
        {
            var count = 0;
            if (pending is not null)
            {
                batch.Add(pending);
                count = pending.Items.Count;
                pending = null;
            }

            while (count < MaxBatch && _queue.Reader.TryRead(out var group))
            {
                // A request's detections are never split; one that would overflow the batch starts the next.
                if (count > 0 && count + group.Items.Count > MaxBatch)
                {
                    pending = group;
                    break;
                }

                batch.Add(group);
                count += group.Items.Count;
            }

            await WriteBatchAsync(batch);
            batch.Clear();
        }
    }

    private async Task WriteBatchAsync(List<PendingGroup> batch)
    {
        try
        {
            await WriteTogetherAsync(batch);
            Answer(batch);
            return;
        }
        catch (Exception ex) when (batch.Count > 1)
        {
            _log.LogWarning(ex, "{Count} 个请求的识别事件整批写入失败，逐个请求重试。", batch.Count);
        }
        catch (Exception ex)
        {
            _log.LogError(ex, "识别事件写入失败。");
            batch[0].Done.TrySetException(ex);
            return;
        }

        foreach (var group in batch)
        {
            try
            {
                foreach (var p in group.Items)
                {
                    p.Detection.Id = 0;
                    p.Detection.WarningId = null;
                    if (p.Warning is { } w)
                    {
                        w.Id = 0;
                    }
                }

                await WriteTogetherAsync([group]);
                Answer([group]);
            }
            catch (Exception ex)
            {
                _log.LogError(ex, "识别事件写入失败。");
                group.Done.TrySetException(ex);
            }
        }
    }

    private void Answer(IReadOnlyList<PendingGroup> written)
    {
        foreach (var group in written)
        {
            group.Done.TrySetResult();
            foreach (var w in group.Items.Select(p => p.Warning).OfType<DetectionWarning>())
            {
                _notifier.Publish(new WarningChange(w.Id, w.EnterpriseId, IsNew: true));
            }
        }
    }

    private async Task WriteTogetherAsync(IReadOnlyList<PendingGroup> batch)
    {
        var items = batch.Count == 1 ? batch[0].Items : batch.SelectMany(g => g.Items).ToList();
        await using var db = await _dbFactory.CreateDbContextAsync();
        if (db.Database.IsNpgsql())
        {
            await DetectionCopy.WriteAsync(db, items);
            return;
        }

        db.Database.AutoSavepointsEnabled = false;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var tx = await db.Database.BeginTransactionAsync();
        var warnings = items.Where(p => p.Warning is not null).ToList();
        if (warnings.Count > 0)
        {
            db.AddRange(warnings.Select(p => p.Warning!));
            await db.SaveChangesAsync();
            foreach (var p in warnings)
            {
                p.Detection.WarningId = p.Warning!.Id;
            }
        }

        db.AddRange(items.Select(p => p.Detection));
        await db.SaveChangesAsync();
        await tx.CommitAsync();
    }
}
