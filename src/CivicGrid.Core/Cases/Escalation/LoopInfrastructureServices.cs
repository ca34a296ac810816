using CivicGrid.Cases.Attachments;
using CivicGrid.Platform.Files;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Cases.Escalation;

public static class LoopInfrastructureServices
{
    /// <summary>File store, uploads and downloads, notifications and the supervision sweep.</summary>
    public static IServiceCollection AddCaseLoopServices(this IServiceCollection services, Func<IServiceProvider, FileStoreOptions> fileOptions) => services
        .AddSingleton(fileOptions)
        .AddSingleton<IFileStore, LocalFileStore>()
        .AddScoped<UploadFile>().AddScoped<FileDownloads>().AddScoped<Notifications>()
        .AddSingleton<EscalationSweep>().AddSingleton<Search.SearchBackfill>();
}
