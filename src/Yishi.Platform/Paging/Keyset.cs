using System.Buffers.Text;
using System.Text;

namespace Yishi.Platform.Paging;

/// <summary>A page of a keyset-paginated list. <see cref="Next"/> is an opaque cursor, null on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Next);

public static class Keyset
{
    public const int DefaultSize = 50;
    public const int MaxSize = 200;

    public static int Size(int? requested) => Math.Clamp(requested ?? DefaultSize, 1, MaxSize);

    public static string Encode(params string[] parts)
        => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join('\u001f', parts)));

    /// <summary>Decodes a cursor into <paramref name="count"/> parts; a malformed cursor is a 400 on field "cursor".</summary>
    public static string[]? Decode(string? cursor, int count)
    {
        if (string.IsNullOrEmpty(cursor)) return null;
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split('\u001f');
            if (parts.Length == count) return parts;
        }
        catch (FormatException)
        {
        }
        throw new Rules.InputInvalid("cursor", "Cursor_Invalid");
    }

    /// <summary>Takes one more row than the page size to know whether there is a next page.</summary>
    public static Page<T> Build<T>(List<T> rows, int size, Func<T, string> cursorOf)
        => rows.Count > size ? new Page<T>(rows[..size], cursorOf(rows[size - 1])) : new Page<T>(rows, null);
}
