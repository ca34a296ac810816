using System.Diagnostics;
using System.Globalization;

namespace CivicGrid.Bench;

/// <summary>What one closed-loop load run measured: completions per second inside the window and their latencies.</summary>
internal sealed record IntakeLoadResult(string Name, int Concurrency, long Completed, long Failed, double Seconds, double[] LatenciesMs, string? FirstError,
    TimeSpan? ServerCpu = null)
{
    /// <summary>Items (e.g. events of a batch) each operation carries; rates and CPU are per item.</summary>
    public int ItemsPerOperation { get; init; } = 1;

    public double PerSecond => Completed * ItemsPerOperation / Seconds;

    /// <summary>The server process's CPU time per completed item inside the window; null when not measured.</summary>
    public double? ServerCpuMsPerOperation => ServerCpu is { } cpu && Completed > 0 ? cpu.TotalMilliseconds / (Completed * ItemsPerOperation) : null;

    /// <summary>The database processes' CPU time inside the window, when measured.</summary>
    public TimeSpan? DatabaseCpu { get; init; }

    /// <summary>How busy the whole machine was inside the window (0–1 of all its cores), when measured.</summary>
    public double? MachineBusy { get; init; }

    /// <summary>Prints one result line: rate, p50/p99, the server's CPU per operation and the ratio to the baseline.</summary>
    public void Print(IntakeLoadResult? baseline, int nameWidth)
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{Name.PadRight(nameWidth)} 并发 {Concurrency,3}  {PerSecond,8:N0} 条/秒  p50 {Percentile(0.5),7:N1} ms  p99 {Percentile(0.99),7:N1} ms");
        if (ServerCpuMsPerOperation is { } cpu)
        {
            line += string.Create(CultureInfo.InvariantCulture, $"  应用 CPU {cpu:N2} ms/条");
        }

        if (DatabaseCpu is { } database && Completed > 0)
        {
            line += string.Create(CultureInfo.InvariantCulture, $"  数据库 CPU {database.TotalMilliseconds / (Completed * ItemsPerOperation):N2} ms/条");
        }

        if (MachineBusy is { } busy)
        {
            line += string.Create(CultureInfo.InvariantCulture, $"  整机 CPU {busy:P0}");
        }

        if (ItemsPerOperation > 1)
        {
            line += string.Create(CultureInfo.InvariantCulture, $"  （{Completed / Seconds:N0} 请求/秒 × {ItemsPerOperation} 条；p50/p99 为每请求，亦即其中每条等到确认的时间）");
        }

        if (Failed > 0)
        {
            line += $"  失败 {Failed}（{FirstError}）";
        }

        if (baseline is not null)
        {
            line += string.Create(CultureInfo.InvariantCulture, $"  基线之比 {PerSecond / baseline.PerSecond:N2}");
        }

        Console.WriteLine(line);
    }

    public double Percentile(double p)
    {
        if (LatenciesMs.Length == 0)
        {
            return double.NaN;
        }

        var sorted = LatenciesMs.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}

/// <summary>
/// A closed loop: <c>concurrency</c> workers each send one operation, wait for it, send the next. Operations finishing
/// during the warm-up are not counted; the window is the measured time after it.
/// </summary>
internal static class IntakeLoad
{
    /// <summary>One operation; null when it succeeded, else what went wrong. The number is unique across the run.</summary>
    public delegate Task<string?> Operation(int worker, long n, CancellationToken ct);

    /// <param name="serverCpu">Reads the server process's CPU time, to tell CPU per operation on a machine shared with others.</param>
    /// <param name="databaseCpu">Reads the database processes' CPU time, likewise.</param>
    public static async Task<IntakeLoadResult> RunAsync(string name, int concurrency, TimeSpan warmup, TimeSpan window, Operation operation,
        Func<TimeSpan>? serverCpu = null, Func<TimeSpan>? databaseCpu = null)
    {
        long next = 0;
        long completed = 0;
        long failed = 0;
        string? firstError = null;
        var latencies = new List<double>[concurrency];
        var clock = Stopwatch.StartNew();
        var measureFrom = warmup;
        var measureTo = warmup + window;
        using var stop = new CancellationTokenSource();
        var cpu = Task.Run(async () =>
        {
            await Task.Delay(measureFrom - clock.Elapsed);
            var (server, database, machine) = (serverCpu?.Invoke(), databaseCpu?.Invoke(), MachineCpu.Read());
            await Task.Delay(measureTo - clock.Elapsed);
            return (Server: serverCpu?.Invoke() - server, Database: databaseCpu?.Invoke() - database, Busy: MachineCpu.Read().BusySince(machine));
        });
        var workers = Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            var mine = latencies[w] = new List<double>(4096);
            while (clock.Elapsed < measureTo)
            {
                var started = clock.Elapsed;
                string? error;
                try
                {
                    error = await operation(w, Interlocked.Increment(ref next), stop.Token);
                }
                catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException or Npgsql.NpgsqlException)
                {
                    error = ex.Message;
                }

                var ok = error is null;
                if (!ok)
                {
                    Interlocked.CompareExchange(ref firstError, error, null);
                }

                var ended = clock.Elapsed;
                if (started < measureFrom || ended > measureTo)
                {
                    continue;
                }

                if (ok)
                {
                    Interlocked.Increment(ref completed);
                    mine.Add((ended - started).TotalMilliseconds);
                }
                else
                {
                    Interlocked.Increment(ref failed);
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
        var used = await cpu;
        return new IntakeLoadResult(name, concurrency, completed, failed, window.TotalSeconds, [.. latencies.SelectMany(l => l)], firstError, used.Server)
        {
            DatabaseCpu = used.Database,
            MachineBusy = used.Busy,
        };
    }
}

/// <summary>The machine's CPU counters (Linux /proc/stat): all cores' busy and total time.</summary>
internal readonly record struct MachineCpu(long Busy, long Total)
{
    public static MachineCpu Read()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        // user nice system idle iowait irq softirq steal: idle and iowait are the idle time.
        return new MachineCpu(fields.Sum() - fields[3] - fields[4], fields.Sum());
    }

    /// <summary>The share of all cores' time that was busy since <paramref name="earlier"/>.</summary>
    public double BusySince(MachineCpu earlier) => Total == earlier.Total ? 0 : (Busy - earlier.Busy) / (double)(Total - earlier.Total);
}
