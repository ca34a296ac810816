namespace CivicGrid.Safety.Detectors;

/// <summary>Recognizes a native library that cannot be loaded (missing file, missing system library, wrong architecture).</summary>
public static class NativeDependency
{
    public static bool IsLoadFailure(Exception ex) =>
        ex is DllNotFoundException or BadImageFormatException or EntryPointNotFoundException or TypeInitializationException;

    /// <summary>The innermost message, which names the library and what is missing.</summary>
    public static string Describe(Exception ex)
    {
        while (ex.InnerException is { } inner)
        {
            ex = inner;
        }

        return ex.Message;
    }
}
