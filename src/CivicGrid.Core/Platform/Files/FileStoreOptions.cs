namespace CivicGrid.Platform.Files;

/// <summary>Where the local store keeps files and how large an upload may be.</summary>
public sealed record FileStoreOptions(string Root, long MaxBytes = FileStoreOptions.DefaultMaxBytes)
{
    public const long DefaultMaxBytes = 10 * 1024 * 1024;
}
