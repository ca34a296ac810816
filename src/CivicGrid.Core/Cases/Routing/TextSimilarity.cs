namespace CivicGrid.Cases.Routing;

/// <summary>Cosine similarity over character bigrams: robust for short Chinese texts without segmentation.</summary>
public static class TextSimilarity
{
    public static Dictionary<string, int> Bigrams(string text)
    {
        var chars = text.Where(char.IsLetterOrDigit).ToArray();
        var grams = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < chars.Length; i++)
        {
            var g = new string(chars, i, 2);
            grams[g] = grams.GetValueOrDefault(g) + 1;
        }

        return grams;
    }

    public static double Cosine(Dictionary<string, int> a, Dictionary<string, int> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        double dot = a.Sum(kv => b.TryGetValue(kv.Key, out var n) ? (double)kv.Value * n : 0);
        var norm = Math.Sqrt(a.Values.Sum(v => (double)v * v)) * Math.Sqrt(b.Values.Sum(v => (double)v * v));
        return dot / norm;
    }
}
