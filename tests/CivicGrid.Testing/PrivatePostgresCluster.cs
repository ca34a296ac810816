using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CivicGrid.Testing;

/// <summary>
/// A throw-away PostgreSQL cluster started from the machine's binaries (<c>pg_config --bindir</c>)
/// in a temp folder on a free port, as the <c>postgres</c> user when running as root.
/// Used by the tests and the benchmarks; no Docker needed.
/// </summary>
public sealed class PrivatePostgresCluster : IAsyncDisposable
{
    private readonly string _clusterDir;
    private readonly string _pgCtl;
    private int _stopped;

    private PrivatePostgresCluster(string clusterDir, string pgCtl, string adminConnectionString)
    {
        _clusterDir = clusterDir;
        _pgCtl = pgCtl;
        AdminConnectionString = adminConnectionString;
    }

    /// <summary>Connection string to the <c>postgres</c> database as the superuser, without pooling.</summary>
    public string AdminConnectionString { get; }

    private static bool AsPostgres => Environment.UserName == "root";

    /// <summary>
    /// CPU time the cluster's processes have used (Linux /proc): the postmaster, its live backends, and the backends
    /// that have ended (counted in the postmaster's waited-for children). For benchmarks' CPU per operation.
    /// </summary>
    public TimeSpan TotalProcessorTime
    {
        get
        {
            var postmaster = int.Parse(File.ReadLines(Path.Combine(_clusterDir, "data", "postmaster.pid")).First(), CultureInfo.InvariantCulture);
            long ticks = 0;
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(dir), out var pid) || Stat(pid) is not { } stat)
                {
                    continue;
                }

                // Fields after the command: [1] parent, [11] utime, [12] stime, [13] cutime, [14] cstime.
                if (pid == postmaster)
                {
                    ticks += stat[11] + stat[12] + stat[13] + stat[14];
                }
                else if (stat[1] == postmaster)
                {
                    ticks += stat[11] + stat[12];
                }
            }

            return TimeSpan.FromSeconds(ticks / (double)ClockTicksPerSecond.Value);
        }
    }

    private static readonly Lazy<int> ClockTicksPerSecond = new(() =>
        int.Parse(RunAsync("getconf", "CLK_TCK", asPostgres: false).GetAwaiter().GetResult().Trim(), CultureInfo.InvariantCulture));

    private static long[]? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            // The command may hold spaces and parentheses: the fields start after the last ')'.
            return [.. text[(text.LastIndexOf(')') + 2)..].Split(' ').Select(f => long.TryParse(f, out var v) ? v : 0)];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Starts a cluster. <paramref name="durable"/> keeps fsync and synchronous commit on, as a production
    /// server runs (benchmarks of write paths need it); otherwise they are off, which is what tests want.
    /// </summary>
    public static async Task<PrivatePostgresCluster> StartAsync(bool durable = false, string? extraSettings = null)
    {
        var binDir = (await RunAsync("pg_config", "--bindir", asPostgres: false)).Trim();
        var initdb = Path.Combine(binDir, "initdb");
        var pgCtl = Path.Combine(binDir, "pg_ctl");
        if (!File.Exists(initdb))
        {
            throw new InvalidOperationException($"找不到 initdb（{initdb}）");
        }

        var clusterDir = Path.Combine(Path.GetTempPath(), "civicgrid-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(clusterDir);
        var dataDir = Path.Combine(clusterDir, "data");
        if (AsPostgres)
        {
            await RunAsync("chown", $"postgres:postgres {clusterDir}", asPostgres: false);
        }

        await RunAsync(initdb, $"-D {dataDir} -U postgres --auth=trust -E UTF8 --locale=C.UTF-8", AsPostgres);
        var port = FreePort();
        var durability = durable ? string.Empty : "-c fsync=off -c synchronous_commit=off -c full_page_writes=off ";
        var settings = $"-p {port} -k {clusterDir} -c listen_addresses=127.0.0.1 {durability}-c max_connections=300 -c shared_buffers=256MB {extraSettings}";
        await RunAsync(pgCtl, $"-D {dataDir} -l {clusterDir}/server.log -o \"{settings}\" -w start", AsPostgres);
        return new PrivatePostgresCluster(clusterDir, pgCtl, $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<string> RunAsync(string file, string arguments, bool asPostgres)
    {
        var psi = asPostgres
            ? new ProcessStartInfo("runuser", $"-u postgres -- {file} {arguments}")
            : new ProcessStartInfo(file, arguments);
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.WorkingDirectory = Path.GetTempPath();
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"无法启动 {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} 失败（{process.ExitCode}）：{await stderr}");
        }

        return await stdout;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        try
        {
            await RunAsync(_pgCtl, $"-D {_clusterDir}/data -m immediate -w stop", AsPostgres);
            Directory.Delete(_clusterDir, recursive: true);
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }
    }
}
