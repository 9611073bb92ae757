using System.Globalization;

namespace Yishi.Deliberation.Domain;

/// <summary>Times are stored in UTC; meetings are held, and read, in China Standard Time (UTC+8, no daylight saving).</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTime ToLocal(DateTime utc) => DateTime.SpecifyKind(utc + Offset, DateTimeKind.Unspecified);

    public static DateTime ToUtc(DateTime local) => DateTime.SpecifyKind(local - Offset, DateTimeKind.Utc);

    public static DateTime ToUtc(DateOnly day, int minutes) => ToUtc(day.ToDateTime(TimeOnly.MinValue).AddMinutes(minutes));

    public static string Format(DateTime? utc, string format = "yyyy-MM-dd HH:mm")
        => utc is { } v ? ToLocal(v).ToString(format, CultureInfo.InvariantCulture) : "";

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(ToLocal(clock.GetUtcNow().UtcDateTime));

    public static DateOnly Day(DateTime utc) => DateOnly.FromDateTime(ToLocal(utc));

    /// <summary>A local date and time typed in a form (yyyy-MM-ddTHH:mm or yyyy-MM-dd HH:mm) as UTC, or null.</summary>
    public static DateTime? ParseLocal(string? text)
        => DateTime.TryParseExact(text?.Trim(), ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? ToUtc(local) : null;

    public static DateOnly? ParseDay(string? text)
        => DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
