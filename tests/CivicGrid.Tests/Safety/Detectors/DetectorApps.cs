using CivicGrid.Safety.Detectors;
using CivicGrid.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Tests.Safety.Detectors;

/// <summary>
/// Settings for an app with the tiny ONNX model as an operator would supply it: the file under the data folder's
/// <c>models/detectors/</c> and its class map in configuration (class 0 → 未戴安全帽, class 1 → 吸烟).
/// </summary>
internal static class TinyModelSetup
{
    /// <summary>Candidates for a 64×64 input: class 0 at (16, 32) 0.9 with a weaker overlapping twin, class 1 at (48, 32) 0.7, class 2 unmapped.</summary>
    public static readonly float[][] Candidates =
    [
        [16, 32, 16, 16, 0.9f, 0.0f, 0.0f],
        [17, 32, 16, 16, 0.6f, 0.0f, 0.0f],
        [48, 32, 16, 16, 0.0f, 0.7f, 0.0f],
        [40, 20, 8, 8, 0.0f, 0.1f, 0.95f],
    ];

    public static IEnumerable<KeyValuePair<string, string>> Settings(string dataDir)
    {
        var folder = Path.Combine(dataDir, "models", "detectors");
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "tiny.onnx"), TinyYoloModel.Build(Candidates));
        yield return new("CivicGrid:Safety:Detectors:Models:0:Name", "tiny");
        yield return new("CivicGrid:Safety:Detectors:Models:0:Title", "安全帽与吸烟模型");
        yield return new("CivicGrid:Safety:Detectors:Models:0:Classes:0", "no_helmet");
        yield return new("CivicGrid:Safety:Detectors:Models:0:Classes:1", "smoking");
        yield return new("CivicGrid:Safety:Detectors:Models:1:Name", "absent");
        yield return new("CivicGrid:Safety:Detectors:Models:1:Classes:0", "fire_smoke");
    }
}

public sealed class DetectorSqliteApp : SqliteApp
{
    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings => TinyModelSetup.Settings(DataDir);
}

public sealed class DetectorPostgresApp : PostgresApp
{
    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings => TinyModelSetup.Settings(DataDir);
}

/// <summary>The app on a machine where OpenCV's native library cannot load.</summary>
public sealed class OpenCvMissingSqliteApp : SqliteApp
{
    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings => TinyModelSetup.Settings(DataDir);

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<IPeopleFinderLoader, MissingOpenCv>();
}

public sealed class OpenCvMissingPostgresApp : PostgresApp
{
    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings => TinyModelSetup.Settings(DataDir);

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<IPeopleFinderLoader, MissingOpenCv>();
}
