using System.Collections.Frozen;
using CivicGrid.Platform.Text;

namespace CivicGrid.Cases.Routing;

/// <summary>
/// What the category model sees of a text, computed by the same code when training and when suggesting:
/// jieba words and word bigrams, and characters, character bigrams and trigrams of the letters and digits (so a phrase jieba
/// cuts differently, or a word it does not know, still matches). Each feature is a 64-bit hash of its kind and
/// characters, so extracting allocates no strings beyond jieba's own. The text is folded first: full-width forms
/// to half-width, lower case, every digit to 0 (house numbers say nothing about the category).
/// </summary>
public static class CategoryFeatures
{
    /// <summary>Changes whenever the features change, so a model saved with other features is retrained, not misread.</summary>
    public const int Version = 1;

    /// <summary>Only the start of a very long description is read: it names the problem; the rest is detail.</summary>
    public const int MaxChars = 500;

    private const ulong WordKind = 0x9E3779B97F4A7C15;
    private const ulong WordPairKind = 0xC2B2AE3D27D4EB4F;
    private const ulong CharKind = 0x165667B19E3779F9;

    /// <summary>Appends the hashes of every feature occurrence in <paramref name="text"/> (repeats included).</summary>
    public static void Extract(string text, List<ulong> hashes)
    {
        Span<char> folded = stackalloc char[Math.Min(text.Length, MaxChars)];
        Fold(text, folded);
        Span<Range> words = stackalloc Range[folded.Length];
        var count = ChineseText.CutWords(folded, words);
        var previous = 0UL;
        var previousEnd = -1;
        foreach (var range in words[..count])
        {
            var hash = Hash(WordKind, folded[range]);
            hashes.Add(hash);
            var (start, _) = range.GetOffsetAndLength(folded.Length);
            if (start == previousEnd)
            {
                // Only words that touch form a pair: punctuation or a space between them ends the phrase.
                hashes.Add(Mix(WordPairKind ^ previous, hash));
            }

            previous = hash;
            previousEnd = range.End.GetOffset(folded.Length);
        }

        CharGrams(folded, hashes);
    }

    /// <summary>
    /// The sparse vector of one text: the known features' ids ascending, with counts scaled so that the vector of all
    /// features (unknown ones too) has unit length, so a text the model knows little of gets small values and so
    /// flat confidences. Sorts <paramref name="hashes"/> in place; <paramref name="ids"/> and <paramref name="values"/>
    /// need room for as many entries as there are hashes. Returns how many entries it wrote.
    /// </summary>
    public static int Vectorize(Span<ulong> hashes, FrozenDictionary<ulong, int> vocabulary, Span<int> ids, Span<float> values)
    {
        hashes.Sort();
        var count = 0;
        var squares = 0.0;
        for (var i = 0; i < hashes.Length;)
        {
            var run = 1;
            while (i + run < hashes.Length && hashes[i + run] == hashes[i])
            {
                run++;
            }

            squares += (double)run * run;
            if (vocabulary.TryGetValue(hashes[i], out var id))
            {
                ids[count] = id;
                values[count] = run;
                count++;
            }

            i += run;
        }

        var scale = squares > 0 ? (float)(1 / Math.Sqrt(squares)) : 0f;
        for (var i = 0; i < count; i++)
        {
            values[i] *= scale;
        }

        ids[..count].Sort(values[..count]);
        return count;
    }

    /// <summary>Full-width to half-width, lower case, digits to 0, the first <c>into.Length</c> characters.</summary>
    public static void Fold(ReadOnlySpan<char> text, Span<char> into)
    {
        for (var i = 0; i < into.Length; i++)
        {
            var c = text[i];
            if (c is >= '\uFF01' and <= '\uFF5E')
            {
                c = (char)(c - 0xFEE0);
            }
            else if (c == '\u3000')
            {
                c = ' ';
            }

            into[i] = char.IsDigit(c) ? '0' : char.ToLowerInvariant(c);
        }
    }

    /// <summary>Single characters, bi- and trigrams within each run of letters and digits (punctuation and spaces end a run).</summary>
    private static void CharGrams(ReadOnlySpan<char> folded, List<ulong> hashes)
    {
        var start = 0;
        for (var i = 0; i <= folded.Length; i++)
        {
            if (i < folded.Length && char.IsLetterOrDigit(folded[i]))
            {
                continue;
            }

            var run = folded[start..i];
            for (var n = 1; n <= 3; n++)
            {
                for (var at = 0; at + n <= run.Length; at++)
                {
                    hashes.Add(Hash(CharKind + (ulong)n, run.Slice(at, n)));
                }
            }

            start = i + 1;
        }
    }

    /// <summary>FNV-1a over the UTF-16 code units, seeded with the feature kind, then mixed.</summary>
    private static ulong Hash(ulong kind, ReadOnlySpan<char> chars)
    {
        var h = 14695981039346656037UL ^ kind;
        foreach (var c in chars)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        return Mix(h, (ulong)chars.Length);
    }

    private static ulong Mix(ulong a, ulong b)
    {
        var h = a ^ (b + 0x9E3779B97F4A7C15 + (a << 6) + (a >> 2));
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCD;
        h ^= h >> 33;
        return h == 0 ? 1 : h;
    }
}
