namespace Yishi.Demands.Domain;

/// <summary>
/// Chinese has no spaces, so texts are compared as sets of character bigrams (Dice coefficient).
/// Punctuation and whitespace are dropped; ASCII letters are lower-cased.
/// </summary>
public static class Similarity
{
    public static HashSet<string> Bigrams(string? text)
    {
        var chars = (text ?? "").Where(c => char.IsLetterOrDigit(c)).Select(char.ToLowerInvariant).ToArray();
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < chars.Length; i++) set.Add(new string(chars, i, 2));
        if (chars.Length == 1) set.Add(chars[0].ToString());
        return set;
    }

    /// <summary>2·|A∩B| / (|A|+|B|), in [0, 1].</summary>
    public static double Dice(string? a, string? b) => Dice(Bigrams(a), Bigrams(b));

    public static double Dice(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        var common = a.Count(b.Contains);
        return 2.0 * common / (a.Count + b.Count);
    }
}
