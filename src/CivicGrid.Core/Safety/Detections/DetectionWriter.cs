using System.Threading.Channels;
using CivicGrid.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CivicGrid.Safety.Detections;

/// <summary>One detection waiting to be written, with the warning it raised (if any).</summary>
internal sealed class PendingDetection(Detection detection, DetectionWarning? warning)
{
    public Detection Detection { get; } = detection;
    public DetectionWarning? Warning { get; } = warning;
    public TaskCompletionSource<long?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>
/// Group commit for detections, as the case intake does it (<see cref="Cases.Intake.IntakeWriter"/>): one writer takes
/// whatever has queued up (at most <see cref="MaxBatch"/>), writes warnings and detections in one transaction and answers
/// each caller after the commit. A failed batch is retried one by one, so a bad row costs only itself.
/// </summary>
public sealed class DetectionWriter : IAsyncDisposable
{
    public const int MaxBatch = 500;

    private readonly Channel<PendingDetection> _queue = Channel.CreateBounded<PendingDetection>(
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

    /// <summary>Queues the detection and waits for its commit; answers the id of the warning it raised, if any.</summary>
    internal async Task<long?> WriteAsync(PendingDetection pending, CancellationToken ct)
    {
        await _queue.Writer.WriteAsync(pending, ct);
        return await pending.Done.Task.WaitAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingDetection>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            await WriteBatchAsync(batch);
            batch.Clear();
        }
    }

    private async Task WriteBatchAsync(List<PendingDetection> batch)
    {
        try
        {
            await WriteTogetherAsync(batch);
            Answer(batch);
            return;
        }
        catch (Exception ex) when (batch.Count > 1)
        {
            _log.LogWarning(ex, "{Count} 条识别事件整批写入失败，逐条重试。", batch.Count);
        }
        catch (Exception ex)
        {
            _log.LogError(ex, "识别事件写入失败。");
            batch[0].Done.TrySetException(ex);
            return;
        }

        foreach (var pending in batch)
        {
            try
            {
                pending.Detection.Id = 0;
                pending.Detection.WarningId = null;
                if (pending.Warning is { } w)
                {
                    w.Id = 0;
                }

                await WriteTogetherAsync([pending]);
                Answer([pending]);
            }
            catch (Exception ex)
            {
                _log.LogError(ex, "识别事件写入失败。");
                pending.Done.TrySetException(ex);
            }
        }
    }

    private void Answer(IReadOnlyList<PendingDetection> written)
    {
        foreach (var pending in written)
        {
            pending.Done.TrySetResult(pending.Warning?.Id);
            if (pending.Warning is { } w)
            {
                _notifier.Publish(new WarningChange(w.Id, w.EnterpriseId, IsNew: true));
            }
        }
    }

    private async Task WriteTogetherAsync(IReadOnlyList<PendingDetection> batch)
    {
        await using var db = await _dbFactory.CreateDbContextAsync();
        db.Database.AutoSavepointsEnabled = false;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var tx = await db.Database.BeginTransactionAsync();
        var warnings = batch.Where(p => p.Warning is not null).ToList();
        if (warnings.Count > 0)
        {
            db.AddRange(warnings.Select(p => p.Warning!));
            await db.SaveChangesAsync();
            foreach (var p in warnings)
            {
                p.Detection.WarningId = p.Warning!.Id;
            }
        }

        db.AddRange(batch.Select(p => p.Detection));
        await db.SaveChangesAsync();
        await tx.CommitAsync();
    }
}
