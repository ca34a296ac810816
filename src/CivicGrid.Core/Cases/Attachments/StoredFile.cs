namespace CivicGrid.Cases.Attachments;

public enum StoredFileKind
{
    Image = 1,
    Document = 2,
}

/// <summary>An uploaded file, named by the SHA-256 of its original bytes (the bytes live in the file store).</summary>
public sealed class StoredFile
{
    public required string Id { get; set; }
    public StoredFileKind Kind { get; set; }

    /// <summary>The type found in the content (never the one the client claimed).</summary>
    public required string ContentType { get; set; }

    /// <summary>Size of the public copy in bytes.</summary>
    public long Size { get; set; }

    public long OriginalSize { get; set; }
    public int? Width { get; set; }
    public int? Height { get; set; }
    public string? ThumbnailContentType { get; set; }
    public string? FileName { get; set; }
    public Guid? UploadedBy { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}
