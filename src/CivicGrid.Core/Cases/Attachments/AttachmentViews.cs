namespace CivicGrid.Cases.Attachments;

/// <summary>What an upload answers and what a history event lists.</summary>
public sealed record AttachmentView(string Id, string Kind, string ContentType, long Size, string Url, string? ThumbnailUrl, string? FileName)
{
    public static AttachmentView Of(StoredFile f) => new(
        f.Id, f.Kind == StoredFileKind.Image ? "image" : "document", f.ContentType, f.Size, $"/api/v1/files/{f.Id}",
        f.ThumbnailContentType is null ? null : $"/api/v1/files/{f.Id}/thumbnail", f.FileName);
}
