using CivicGrid.Platform.Text;
using JiebaNet.Segmenter;

namespace CivicGrid.Cases.Search;

/// <summary>
/// The words the full-text indexes hold and the words a query looks for. The index side uses jieba's
/// search mode (a long word and its dictionary sub-words: 飞线充电 → 飞线 充电 飞线充电) so a shorter query
/// word still finds it; the query side uses the ordinary cut. Both keep letters and digits only, lower-cased,
/// so a token can never carry FTS or SQL syntax.
/// </summary>
public static class SearchTokens
{
    public const int MaxQueryLength = 200;
    public const int MaxQueryTokens = 12;
    private const int MaxIndexLength = 4000;

    // jieba's dictionary is a process-wide singleton: this segmenter shares the words ChineseText loads and learns.
    private static readonly Lazy<JiebaSegmenter> Segmenter = new(() =>
    {
        ChineseText.WarmUp();
        return new JiebaSegmenter();
    });

    /// <summary>The text stored in <see cref="Case.SearchText"/>: description and address, segmented.</summary>
    public static string ForIndex(string description, string? address = null)
    {
        var text = string.IsNullOrWhiteSpace(address) ? description : description + " " + address;
        var words = Segmenter.Value.CutForSearch(text).Select(Clean).Where(w => w.Length > 0).Distinct();
        var joined = string.Join(' ', words);
        if (joined.Length <= MaxIndexLength)
        {
            return joined;
        }

        var cut = joined.LastIndexOf(' ', MaxIndexLength);
        return joined[..(cut > 0 ? cut : MaxIndexLength)];
    }

    /// <summary>The words of a user's query (AND-ed by the search); empty when nothing searchable is left.</summary>
    public static IReadOnlyList<string> ForQuery(string q)
    {
        var text = q.Trim();
        text = text[..Math.Min(text.Length, MaxQueryLength)];
        return Segmenter.Value.Cut(text).Select(Clean).Where(w => w.Length > 0).Distinct().Take(MaxQueryTokens).ToList();
    }

    private static string Clean(string word) =>
        new string(word.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();
}
