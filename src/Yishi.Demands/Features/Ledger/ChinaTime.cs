using System.Globalization;

namespace Yishi.Demands.Features.Ledger;

/// <summary>Times are stored in UTC; officials read and filter them as China Standard Time (UTC+8, no daylight saving).</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTime ToLocal(DateTime utc) => utc + Offset;

    public static string Format(DateTime? utc, string format = "yyyy-MM-dd HH:mm")
        => utc is { } v ? ToLocal(v).ToString(format, CultureInfo.InvariantCulture) : "";

    /// <summary>The UTC instant at which <paramref name="day"/> begins in China.</summary>
    public static DateTime DayStartUtc(DateOnly day) => DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue) - Offset, DateTimeKind.Utc);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(ToLocal(clock.GetUtcNow().UtcDateTime));

    /// <summary>A day typed in a form (yyyy-MM-dd), or null when empty or malformed.</summary>
    public static DateOnly? ParseDay(string? text)
        => DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
