using System.Security.Cryptography;

namespace Yishi.Demands.Domain;

/// <summary>
/// A tracking code like <c>YS-20261122-000123-K7QF</c>: the date and a per-district daily sequence a
/// person can read out on the phone, plus four random characters so that codes cannot be guessed
/// by counting. Look-ups always need the whole code.
/// </summary>
public static class TrackingCode
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O, 1/I

    public static string Create(DateTime day, long sequence) => Create(day, sequence, RandomNumberGenerator.GetInt32);

    /// <summary>The same code with the random part from <paramref name="random"/>: for deterministic demo data only.</summary>
    public static string Create(DateTime day, long sequence, Random random) => Create(day, sequence, random.Next);

    private static string Create(DateTime day, long sequence, Func<int, int> next)
    {
        Span<char> check = stackalloc char[4];
        for (var i = 0; i < check.Length; i++) check[i] = Alphabet[next(Alphabet.Length)];
        return $"YS-{day:yyyyMMdd}-{sequence:000000}-{new string(check)}";
    }

    /// <summary>Normalises user input (case, spaces, full-width dashes); null when it cannot be a code.</summary>
    public static string? Normalise(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        var s = input.Trim().ToUpperInvariant().Replace('－', '-').Replace('—', '-').Replace(" ", "", StringComparison.Ordinal);
        if (s.Length != 23) return null;
        var parts = s.Split('-');
        if (parts.Length != 4 || parts[0] != "YS" || parts[1].Length != 8 || parts[2].Length != 6 || parts[3].Length != 4) return null;
        if (!parts[1].All(char.IsAsciiDigit) || !parts[2].All(char.IsAsciiDigit) || !parts[3].All(c => Alphabet.Contains(c))) return null;
        return s;
    }
}
