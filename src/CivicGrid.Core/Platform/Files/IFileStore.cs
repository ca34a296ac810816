namespace CivicGrid.Platform.Files;

/// <summary>Which copy of a stored file: the private original, the public (cleaned) copy, or its thumbnail.</summary>
public enum FileVariant
{
    Original = 1,
    Public = 2,
    Thumbnail = 3,
}

/// <summary>
/// Content-addressed blob storage: a file is named by the SHA-256 of its original bytes. The local folder
/// implementation comes first; an object store (S3/MinIO/OSS) implements the same three calls.
/// </summary>
public interface IFileStore
{
    /// <summary>Stores the bytes under (hash, variant); storing the same key twice is harmless.</summary>
    Task PutAsync(string hash, FileVariant variant, ReadOnlyMemory<byte> content, CancellationToken ct = default);

    /// <summary>Opens a stored copy for reading, or null when it is not there.</summary>
    Task<Stream?> OpenAsync(string hash, FileVariant variant, CancellationToken ct = default);

    Task<bool> ExistsAsync(string hash, FileVariant variant, CancellationToken ct = default);
}
