using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Safety.Detections;

public static class CameraEditingServiceCollectionExtensions
{
    /// <summary>Adding and editing cameras and their rules.</summary>
    public static IServiceCollection AddCameraEditing(this IServiceCollection services) => services
        .AddScoped<SaveCamera>().AddScoped<CameraQueries>();
}
