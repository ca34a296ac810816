using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Tests.Infrastructure;

/// <summary>
/// The real application over the real HTTP pipeline, on its own database. Each app starts from a
/// template database seeded once per test run (migrations + demo district), so starting is cheap.
/// </summary>
public abstract class CivicGridApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, string> _tokens = new();

    protected CivicGridApp()
    {
        DataDir = Path.Combine(Path.GetTempPath(), "civicgrid-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(DataDir);
    }

    public string DataDir { get; }

    public abstract string ProviderName { get; }

    /// <summary>Why this app cannot run here (PostgreSQL missing), or null.</summary>
    public string? SkipReason { get; protected set; }

    protected string? ConnectionString { get; set; }

    /// <summary>Template builders keep their database and data folder when disposed.</summary>
    protected bool KeepData { get; set; }

    /// <summary>Extra settings for derived apps (e.g. strict rate limits).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> ExtraSettings => [];

    public abstract ValueTask InitializeAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in Settings())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(ConfigureTestServices);
    }

    /// <summary>Replace services for a derived app (e.g. a fake clock).</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    internal IEnumerable<KeyValuePair<string, string>> Settings()
    {
        yield return new("CivicGrid:DataDir", DataDir);
        yield return new("CivicGrid:Database:Provider", ProviderName);
        if (ConnectionString is not null)
        {
            yield return new("ConnectionStrings:Default", ConnectionString);
        }

        yield return new("CivicGrid:RateLimits:PublicPerMinute", "100000");
        yield return new("CivicGrid:RateLimits:TokenPerMinute", "100000");
        foreach (var s in ExtraSettings)
        {
            yield return s;
        }
    }

    /// <summary>
    /// Starts from the category model the template trained, as a server that already has its model file does:
    /// otherwise every app trains its own on start, dozens of CPU-heavy runs that slow the whole suite down.
    /// </summary>
    protected void CopyTemplateModel(string templateDir)
    {
        var model = Path.Combine(templateDir, "models", "category.zip");
        if (File.Exists(model))
        {
            Directory.CreateDirectory(Path.Combine(DataDir, "models"));
            File.Copy(model, Path.Combine(DataDir, "models", "category.zip"));
        }
    }

    /// <summary>Trains the category model now and saves it under the data folder, as the first start would later.</summary>
    internal async Task TrainModelAsync()
    {
        var models = Services.GetRequiredService<CivicGrid.Cases.Routing.CategoryModelService>();
        models.StartRetrain(out var run);
        await run;
    }

    /// <summary>Skips the calling test (or fails it, when the database is required) if this app cannot run.</summary>
    public void EnsureAvailable()
    {
        if (SkipReason is null)
        {
            return;
        }

        if (PostgresServer.Required)
        {
            throw new InvalidOperationException("CIVICGRID_REQUIRE_PG=1，但 " + SkipReason);
        }

        Assert.Skip(SkipReason);
    }

    public HttpClient Anonymous()
    {
        EnsureAvailable();
        return CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    /// <summary>A client carrying a bearer token of a demo account (password Demo#2026).</summary>
    public async Task<HttpClient> ClientAs(string userName, string password = "Demo#2026")
    {
        var client = Anonymous();
        if (!_tokens.TryGetValue(userName, out var token))
        {
            var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
            response.EnsureSuccessStatusCode();
            token = (await response.Content.ReadFromJsonAsync<TokenBody>())!.AccessToken;
            _tokens[userName] = token;
        }

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private sealed record TokenBody(string AccessToken, DateTimeOffset ExpiresAt);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (KeepData)
        {
            return;
        }

        await DropDatabaseAsync();
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow shutdown; the temp folder is cleaned by the OS.
        }

        GC.SuppressFinalize(this);
    }

    protected virtual Task DropDatabaseAsync() => Task.CompletedTask;
}
