namespace Yishi.Demands.Ui;

/// <summary>Orders "第二网格" before "第十网格": Chinese ordinals compare by their number, not by code point.</summary>
public static class AreaNames
{
    private const string Digits = "零一二三四五六七八九";

    public static string SortKey(string name)
    {
        if (name.Length < 2 || name[0] != '第') return "1" + name;
        var end = 1;
        while (end < name.Length && (Digits.Contains(name[end], StringComparison.Ordinal) || name[end] == '十' || char.IsAsciiDigit(name[end]))) end++;
        var numeral = name[1..end];
        var number = int.TryParse(numeral, out var n) ? n : Parse(numeral);
        return number is { } value ? $"0{value:D6}{name[end..]}" : "1" + name;
    }

    private static int? Parse(string s)
    {
        if (s.Length == 0) return null;
        var ten = s.IndexOf('十', StringComparison.Ordinal);
        if (ten < 0) return s.Length == 1 ? Digits.IndexOf(s[0], StringComparison.Ordinal) : null;
        var tens = ten == 0 ? 1 : ten == 1 ? Digits.IndexOf(s[0], StringComparison.Ordinal) : -1;
        var ones = ten == s.Length - 1 ? 0 : ten == s.Length - 2 ? Digits.IndexOf(s[^1], StringComparison.Ordinal) : -1;
        return tens < 0 || ones < 0 ? null : tens * 10 + ones;
    }
}
