using CivicGrid.Data;
using CivicGrid.Platform;
using CivicGrid.Platform.Files;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Cases.Attachments;

/// <summary>Checks the file ids a report or a transition refers to (they must have been uploaded first).</summary>
public static class AttachmentRefs
{
    public const int MaxPerEvent = 9;

    /// <summary>The normalized ids, or a Chinese problem.</summary>
    public static async Task<(IReadOnlyList<string> Ids, Problem? Problem)> CheckAsync(AppDbContext db, IReadOnlyList<string>? ids, CancellationToken ct)
    {
        if (ids is null || ids.Count == 0)
        {
            return ([], null);
        }

        if (ids.Count > MaxPerEvent)
        {
            return ([], new Problem("attachments", $"每次最多附 {MaxPerEvent} 个文件。"));
        }

        var normalized = ids.Select(FileHashes.Normalize).ToList();
        if (normalized.Any(h => h is null))
        {
            return ([], new Problem("attachments", "附件标识无效：请先通过 POST /api/v1/files 上传，再使用返回的 id。"));
        }

        var unique = normalized.Select(h => h!).Distinct().ToList();
        var known = await db.Set<StoredFile>().Where(f => unique.Contains(f.Id)).Select(f => f.Id).ToListAsync(ct);
        var missing = unique.Except(known).ToList();
        return missing.Count > 0
            ? ([], new Problem("attachments", $"附件不存在：{string.Join("、", missing.Select(m => m[..12] + "…"))}，请先上传。"))
            : (unique, null);
    }

    /// <summary>Views of the attachments of each event, keyed by the event's comma-separated hash list.</summary>
    public static async Task<Dictionary<string, AttachmentView>> ViewsAsync(AppDbContext db, IEnumerable<string?> lists, CancellationToken ct)
    {
        var ids = lists.Where(l => !string.IsNullOrEmpty(l)).SelectMany(l => l!.Split(',')).Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var files = await db.Set<StoredFile>().AsNoTracking().Where(f => ids.Contains(f.Id)).ToListAsync(ct);
        return files.ToDictionary(f => f.Id, AttachmentView.Of);
    }
}
