using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CivicGrid.Cases.Intake;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Tests.Cases.Intake;

/// <summary>What one app's intake writer reports about its commits (its meter, not other apps' in the same test run).</summary>
public sealed class IntakeMeasurements : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<int> _batches = new();
    private long _failures;

    public IntakeMeasurements(IServiceProvider services)
    {
        var factory = services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == IntakeWriter.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((instrument, value, _, _) =>
        {
            if (instrument.Name == "civicgrid.intake.batch_size")
            {
                _batches.Enqueue(value);
            }
        });
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == "civicgrid.intake.batch_failures")
            {
                Interlocked.Add(ref _failures, value);
            }
        });
        _listener.Start();
    }

    /// <summary>Reports per commit, in order.</summary>
    public IReadOnlyList<int> Batches => [.. _batches];

    /// <summary>Batches that failed as a whole and were retried report by report.</summary>
    public long BatchFailures => Interlocked.Read(ref _failures);

    public void Dispose() => _listener.Dispose();
}
