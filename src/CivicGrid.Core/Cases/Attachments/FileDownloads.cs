using CivicGrid.Accounts;
using CivicGrid.Data;
using CivicGrid.Platform.Files;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Cases.Attachments;

public sealed record FileDownload(Stream Content, string ContentType, string ETag, string? FileName);

/// <summary>
/// Serves stored files. Everyone signed in gets the public copy (EXIF removed) by its unguessable id;
/// only staff get the original with its metadata (e.g. the GPS position of a photo, for verification).
/// </summary>
public sealed class FileDownloads(AppDbContext db, IFileStore store)
{
    private static readonly AppRole[] StaffRoles =
    [
        AppRole.Admin, AppRole.Dispatcher, AppRole.Leader, AppRole.Inspector, AppRole.TownAdmin, AppRole.CommunityAdmin,
        AppRole.GridWorker, AppRole.Handler,
    ];

    public static bool IsStaff(AccessScope scope) => scope.HasAny(StaffRoles);

    /// <summary>The file, null when unknown; throws <see cref="UnauthorizedAccessException"/> for an original a non-staff asks for.</summary>
    public async Task<FileDownload?> OpenAsync(AccessScope scope, string id, FileVariant variant, CancellationToken ct = default)
    {
        var hash = FileHashes.Normalize(id);
        if (hash is null || await db.Set<StoredFile>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == hash, ct) is not { } file)
        {
            return null;
        }

        if (variant == FileVariant.Original && !IsStaff(scope))
        {
            throw new UnauthorizedAccessException("只有工作人员可以查看原始文件。");
        }

        var contentType = variant == FileVariant.Thumbnail ? file.ThumbnailContentType : file.ContentType;
        if (contentType is null || await store.OpenAsync(hash, variant, ct) is not { } stream)
        {
            return null;
        }

        var tag = $"\"{hash[..16]}-{(int)variant}\"";
        return new FileDownload(stream, contentType, tag, variant == FileVariant.Thumbnail ? null : file.FileName);
    }
}
