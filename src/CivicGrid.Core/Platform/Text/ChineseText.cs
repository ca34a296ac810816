using System.Reflection;
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

    /// <summary>
    /// The words of <paramref name="text"/> as ranges, without allocating: jieba's dictionary cut (the most probable route
    /// through the words of its dictionary, and what <see cref="AddWords"/> taught it) without the HMM guess at unknown
    /// words, so the same ranges as jieba's <c>Cut(text, hmm: false)</c> minus punctuation and white space. Reads jieba's
    /// dictionary in place through span look-ups, so a hot path (routing) pays no substrings or lists for it.
    /// <paramref name="words"/> needs room for <c>text.Length</c> ranges; returns how many it wrote.
    /// </summary>
    public static int CutWords(ReadOnlySpan<char> text, Span<Range> words) => Dictionary.Value.CutWords(text, words);

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

    private static readonly Lazy<SpanDictionary> Dictionary = new(() => new SpanDictionary(Segmenter.Value));

    /// <summary>Loads the dictionary now rather than on the first report.</summary>
    public static void WarmUp() => _ = Segmenter.Value;

    /// <summary>jieba's word dictionary read through <see cref="ReadOnlySpan{T}"/> keys (see <see cref="CutWords"/>).</summary>
    private sealed class SpanDictionary
    {
        private readonly WordDictionary _words;
        private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

        public SpanDictionary(JiebaSegmenter loaded)
        {
            _ = loaded;
            _words = WordDictionary.Instance;
            // jieba.NET keeps its prefix dictionary in an internal field; reading it in place avoids a second 30 MB copy.
            // The routing tests compare this cut with jieba's own, so a jieba upgrade that changes it is caught there.
            var trie = typeof(WordDictionary).GetField("Trie", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)?.GetValue(_words)
                as Dictionary<string, int> ?? throw new InvalidOperationException("jieba 词典的内部结构与预期不同。");
            if (!trie.TryGetAlternateLookup(out _lookup))
            {
                throw new InvalidOperationException("jieba 词典不支持按字符片段查找。");
            }
        }

        public int CutWords(ReadOnlySpan<char> text, Span<Range> words)
        {
            var count = 0;
            for (var start = 0; start < text.Length;)
            {
                if (!InBlock(text[start]))
                {
                    // Outside jieba's blocks every character is its own token; keep the letters and digits among them.
                    if (char.IsLetterOrDigit(text[start]))
                    {
                        words[count++] = new Range(start, start + 1);
                    }

                    start++;
                    continue;
                }

                var end = start;
                while (end < text.Length && InBlock(text[end]))
                {
                    end++;
                }

                count = CutBlock(text, start, end, words, count);
                start = end;
            }

            return count;
        }

        /// <summary>jieba's DAG and best route over one block, then its merging of single ASCII letters and digits.</summary>
        private int CutBlock(ReadOnlySpan<char> text, int from, int to, Span<Range> words, int count)
        {
            var n = to - from;
            var block = text[from..to];
            var rented = n > 512 ? System.Buffers.ArrayPool<double>.Shared.Rent(n + 1) : null;
            var rentedNext = n > 512 ? System.Buffers.ArrayPool<int>.Shared.Rent(n) : null;
            try
            {
                Span<double> route = rented ?? stackalloc double[n + 1];
                Span<int> next = rentedNext ?? stackalloc int[n];
                var logTotal = Math.Log(_words.Total);
                route[n] = 0;
                for (var i = n - 1; i >= 0; i--)
                {
                    var best = double.MinValue;
                    var bestEnd = -1;
                    var any = false;
                    for (var j = i; j < n && _lookup.TryGetValue(block[i..(j + 1)], out var freq); j++)
                    {
                        if (freq > 0)
                        {
                            any = true;
                            Consider(Math.Log(freq) - logTotal + route[j + 1], j, ref best, ref bestEnd);
                        }
                    }

                    if (!any)
                    {
                        Consider(Math.Log(1) - logTotal + route[i + 1], i, ref best, ref bestEnd);
                    }

                    route[i] = best;
                    next[i] = bestEnd;
                }

                var ascii = -1;
                for (var x = 0; x < n;)
                {
                    var y = next[x] + 1;
                    if (y - x == 1 && char.IsAsciiLetterOrDigit(block[x]))
                    {
                        ascii = ascii < 0 ? x : ascii;
                    }
                    else
                    {
                        if (ascii >= 0)
                        {
                            words[count++] = new Range(from + ascii, from + x);
                            ascii = -1;
                        }

                        if (IsWord(block[x..y]))
                        {
                            words[count++] = new Range(from + x, from + y);
                        }
                    }

                    x = y;
                }

                if (ascii >= 0)
                {
                    words[count++] = new Range(from + ascii, to);
                }

                return count;
            }
            finally
            {
                if (rented is not null)
                {
                    System.Buffers.ArrayPool<double>.Shared.Return(rented);
                    System.Buffers.ArrayPool<int>.Shared.Return(rentedNext!);
                }
            }
        }

        private static void Consider(double score, int end, ref double best, ref int bestEnd)
        {
            // Strictly better only, as jieba: among equals the shortest word wins.
            if (best < score)
            {
                best = score;
                bestEnd = end;
            }
        }

        private static bool IsWord(ReadOnlySpan<char> token)
        {
            foreach (var c in token)
            {
                if (char.IsLetterOrDigit(c))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>jieba's block characters: <c>[\u4E00-\u9FD5a-zA-Z0-9+#&amp;._]</c>.</summary>
        private static bool InBlock(char c) =>
            c is >= '\u4E00' and <= '\u9FD5' || char.IsAsciiLetterOrDigit(c) || c is '+' or '#' or '&' or '.' or '_';
    }
}
