using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.BrowserTests.Infrastructure;

/// <summary>
/// The real application on a real Kestrel port (the browser needs a socket), on SQLite in a
/// temporary data folder, with the demo district seeded on start.
/// </summary>
public sealed class ConsoleApp : WebApplicationFactory<Program>
{
    public ConsoleApp()
    {
        DataDir = Path.Combine(Path.GetTempPath(), "civicgrid-browser-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(DataDir);
        UseKestrel(0);
    }

    public string DataDir { get; }

    /// <summary>The address the app listens on, e.g. http://127.0.0.1:41234.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public void Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("CivicGrid:DataDir", DataDir);
        builder.UseSetting("CivicGrid:Database:Provider", "Sqlite");
        builder.UseSetting("CivicGrid:RateLimits:PublicPerMinute", "100000");
        builder.UseSetting("CivicGrid:RateLimits:TokenPerMinute", "100000");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow shutdown; the temp folder is cleaned by the OS.
        }
    }
}
