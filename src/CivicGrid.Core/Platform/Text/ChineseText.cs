using JiebaNet.Segmenter;

namespace CivicGrid.Platform.Text;

/// <summary>
/// Chinese word segmentation (jieba) for routing and full-text search. The dictionary loads once
/// (about 2 s) on first use; cutting a report takes well under a millisecond.
/// </summary>
public static class ChineseText
{
    private static readonly Lazy<JiebaSegmenter> Segmenter = new(() =>
    {
        ConfigManager.ConfigFileBaseDir = Path.Combine(AppContext.BaseDirectory, "Resources", "jieba");
        return new JiebaSegmenter();
    });

    private static readonly Lock WordsLock = new();

    /// <summary>Words of the text, without punctuation and white space.</summary>
    public static IReadOnlyList<string> Segment(string text) =>
        Segmenter.Value.Cut(text).Where(w => w.Any(char.IsLetterOrDigit)).ToList();

    /// <summary>jieba's cut as it comes, punctuation and spaces included: for callers that filter as they go.</summary>
    public static IEnumerable<string> Cut(string text) => Segmenter.Value.Cut(text);

    /// <summary>Segmented words joined by spaces: the form the full-text indexes store.</summary>
    public static string ToSearchText(string text) => string.Join(' ', Segment(text));

    /// <summary>Teaches the segmenter domain words (占道经营, 飞线充电…) so they stay whole.</summary>
    public static void AddWords(IEnumerable<string> words)
    {
        lock (WordsLock)
        {
            foreach (var word in words.Where(w => w.Length >= 2))
            {
                Segmenter.Value.AddWord(word);
            }
        }
    }

    /// <summary>Loads the dictionary now rather than on the first report.</summary>
    public static void WarmUp() => _ = Segmenter.Value;
}
