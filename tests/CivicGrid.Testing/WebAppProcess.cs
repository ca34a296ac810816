using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CivicGrid.Testing;

/// <summary>
/// The built web app (<c>CivicGrid.Web.dll</c>) run with <c>dotnet</c> as a separate OS process on a free loopback port,
/// configured by environment variables; for crash tests (it can be killed) and load benchmarks (its own process and GC).
/// </summary>
public sealed class WebAppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _output = new();

    private WebAppProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>CPU time the app process has used so far (all its threads), for CPU-per-request figures.</summary>
    public TimeSpan TotalProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>The last lines the process printed, for failure messages.</summary>
    public string RecentOutput
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    /// <summary>
    /// The web app beside the calling assembly (a project that references CivicGrid.Web gets it copied to its output).
    /// </summary>
    public static string WebAssemblyBesideMe() =>
        Path.Combine(AppContext.BaseDirectory, "CivicGrid.Web.dll") is var path && File.Exists(path)
            ? path
            : throw new FileNotFoundException("找不到 CivicGrid.Web.dll：调用方项目须引用 src/CivicGrid.Web。", path);

    /// <summary>Starts the app and waits until <c>/health</c> answers 200.</summary>
    public static async Task<WebAppProcess> StartAsync(string webAssembly, IReadOnlyDictionary<string, string> environment, TimeSpan timeout,
        int? port = null)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{port ?? FreePort()}");
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(webAssembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(webAssembly);
        psi.ArgumentList.Add("--urls");
        psi.ArgumentList.Add(baseAddress.ToString().TrimEnd('/'));
        psi.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment)
        {
            psi.Environment[key] = value;
        }

        var app = new WebAppProcess(Process.Start(psi) ?? throw new InvalidOperationException("无法启动 dotnet"), baseAddress);
        await app.WaitHealthyAsync(timeout);
        return app;
    }

    /// <summary>Waits until <c>/health</c> answers 200; throws with the app's output when it exits or time runs out.</summary>
    public async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"应用进程已退出（{_process.ExitCode}）：\n{RecentOutput}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/health", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"应用在 {timeout.TotalSeconds:N0} 秒内未就绪：\n{RecentOutput}");
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing; what was committed is all that survives.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > 60)
            {
                _output.Dequeue();
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
