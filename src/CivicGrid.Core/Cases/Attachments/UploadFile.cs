using CivicGrid.Accounts;
using CivicGrid.Data;
using CivicGrid.Platform;
using CivicGrid.Platform.Files;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Cases.Attachments;

/// <summary>Stores an upload: checks its type by content, keeps the original private, publishes a cleaned copy and a thumbnail.</summary>
public sealed class UploadFile(AppDbContext db, IFileStore store, FileStoreOptions options, TimeProvider clock)
{
    public const string TooLarge = "too-large";

    public long MaxBytes => options.MaxBytes;

    public async Task<Outcome<AttachmentView>> HandleAsync(AccessScope scope, byte[] content, string? fileName, CancellationToken ct = default)
    {
        if (content.Length > options.MaxBytes)
        {
            return Outcome<AttachmentView>.Invalid(TooLarge, $"文件不能超过 {options.MaxBytes / 1024.0 / 1024.0:0.#} MB。");
        }

        if (content.Length == 0)
        {
            return Outcome<AttachmentView>.Invalid("file", "上传的文件是空的。");
        }

        var id = FileHashes.Of(content);
        if (await db.Set<StoredFile>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct) is { } known)
        {
            return Outcome<AttachmentView>.Ok(AttachmentView.Of(known));
        }

        var (inspected, error) = FileInspector.Inspect(content);
        if (inspected is null)
        {
            return Outcome<AttachmentView>.Invalid("file", error!);
        }

        await store.PutAsync(id, FileVariant.Original, content, ct);
        await store.PutAsync(id, FileVariant.Public, inspected.Public, ct);
        if (inspected.Thumbnail is not null)
        {
            await store.PutAsync(id, FileVariant.Thumbnail, inspected.Thumbnail, ct);
        }

        var file = new StoredFile
        {
            Id = id,
            Kind = inspected.Kind,
            ContentType = inspected.ContentType,
            Size = inspected.Public.Length,
            OriginalSize = content.Length,
            Width = inspected.Width,
            Height = inspected.Height,
            ThumbnailContentType = inspected.ThumbnailContentType,
            FileName = CleanName(fileName),
            UploadedBy = scope.IsAuthenticated ? scope.UserId : null,
            UploadedAt = clock.GetUtcNow(),
        };
        db.Add(file);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same bytes were uploaded at the same moment by someone else: one row is enough.
            db.ChangeTracker.Clear();
            file = await db.Set<StoredFile>().AsNoTracking().FirstAsync(f => f.Id == id, ct);
        }

        return Outcome<AttachmentView>.Created(AttachmentView.Of(file));
    }

    private static string? CleanName(string? name)
    {
        var n = Path.GetFileName(name?.Trim() ?? "");
        n = new string(n.Where(c => !char.IsControl(c)).ToArray());
        return n.Length == 0 ? null : n[..Math.Min(n.Length, 200)];
    }
}
