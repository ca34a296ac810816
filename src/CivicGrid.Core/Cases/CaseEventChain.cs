using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CivicGrid.Cases;

/// <summary>
/// Hash-links a case's events: each hash covers the previous hash and every field of the event,
/// so changing, removing or reordering a stored event breaks the chain from there on.
/// </summary>
public static class CaseEventChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Compute(CaseEvent e)
    {
        var canonical = string.Join('\u001f',
            e.PreviousHash, e.CaseId.ToString(CultureInfo.InvariantCulture), e.Sequence.ToString(CultureInfo.InvariantCulture),
            e.Kind, e.Action?.ToString() ?? "", e.FromStatus?.ToString() ?? "", e.ToStatus.ToString(),
            e.ActorUserId?.ToString() ?? "", e.ActorName, e.At.UtcTicks.ToString(CultureInfo.InvariantCulture),
            e.Comment ?? "", e.Data ?? "", e.Attachments ?? "", e.IsPublic ? "1" : "0");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>Fills <see cref="CaseEvent.PreviousHash"/> and <see cref="CaseEvent.Hash"/> for the next event.</summary>
    public static void Seal(CaseEvent e, string previousHash)
    {
        e.PreviousHash = previousHash;
        e.Hash = Compute(e);
    }

    public sealed record Verdict(bool Intact, int Events, int? FirstBrokenSequence, string Message);

    public static Verdict Verify(IReadOnlyList<CaseEvent> events)
    {
        var previous = Genesis;
        var expectedSequence = 1;
        foreach (var e in events.OrderBy(e => e.Sequence))
        {
            if (e.Sequence != expectedSequence || e.PreviousHash != previous || Compute(e) != e.Hash)
            {
                return new Verdict(false, events.Count, e.Sequence,
                    $"第 {e.Sequence} 条记录起的历史链校验失败：记录被篡改、删除或插入。");
            }

            previous = e.Hash;
            expectedSequence++;
        }

        return new Verdict(true, events.Count, null, $"历史记录完整，共 {events.Count} 条，哈希链校验通过。");
    }
}
