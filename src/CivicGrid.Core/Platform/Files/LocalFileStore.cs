namespace CivicGrid.Platform.Files;

/// <summary>
/// Files under <c>{root}/{variant}/ab/cd/abcd…</c> (two levels of fan-out by hash prefix). Writes go to a
/// temporary name first and are renamed into place, so a reader never sees half a file.
/// </summary>
public sealed class LocalFileStore(FileStoreOptions options) : IFileStore
{
    public async Task PutAsync(string hash, FileVariant variant, ReadOnlyMemory<byte> content, CancellationToken ct = default)
    {
        var path = PathOf(hash, variant);
        if (File.Exists(path))
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(temp, content, ct);
        try
        {
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // The same content arrived twice at once: the other copy is identical.
            File.Delete(temp);
        }
    }

    public Task<Stream?> OpenAsync(string hash, FileVariant variant, CancellationToken ct = default)
    {
        var path = PathOf(hash, variant);
        Stream? stream = File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true)
            : null;
        return Task.FromResult(stream);
    }

    public Task<bool> ExistsAsync(string hash, FileVariant variant, CancellationToken ct = default) =>
        Task.FromResult(File.Exists(PathOf(hash, variant)));

    private string PathOf(string hash, FileVariant variant)
    {
        if (!FileHashes.IsValid(hash))
        {
            throw new ArgumentException("文件标识必须是 64 位小写十六进制 SHA-256。", nameof(hash));
        }

        var folder = variant switch
        {
            FileVariant.Original => "original",
            FileVariant.Thumbnail => "thumb",
            _ => "public",
        };
        return Path.Combine(options.Root, folder, hash[..2], hash[2..4], hash);
    }
}
