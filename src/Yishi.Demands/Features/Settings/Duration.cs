using System.Globalization;

namespace Yishi.Demands.Features.Settings;

/// <summary>Minutes shown and typed as a number with a unit (minutes, hours, days) on the settings pages.</summary>
public static class Duration
{
    public const string Minutes = "m", Hours = "h", Days = "d";

    public static IReadOnlyList<string> Units { get; } = [Minutes, Hours, Days];

    /// <summary>1440 → ("1", "d"); 120 → ("2", "h"); 90 → ("90", "m").</summary>
    public static (string Value, string Unit) Split(int minutes) => minutes switch
    {
        _ when minutes % (24 * 60) == 0 => ((minutes / (24 * 60)).ToString(CultureInfo.InvariantCulture), Days),
        _ when minutes % 60 == 0 => ((minutes / 60).ToString(CultureInfo.InvariantCulture), Hours),
        _ => (minutes.ToString(CultureInfo.InvariantCulture), Minutes),
    };

    /// <summary>The typed number times its unit; a message key under <paramref name="field"/> when it is not a whole number.</summary>
    public static int? Parse(string? value, string? unit, string field, Dictionary<string, string> errors)
    {
        var number = Whole(value, field, errors);
        if (number is null) return null;
        long factor = unit switch { Days => 24 * 60, Hours => 60, _ => 1 };
        var minutes = number.Value * factor;
        // Out of range values are the handler's to judge (positive, at most 90 days); only keep them representable.
        return (int)Math.Clamp(minutes, int.MinValue, int.MaxValue);
    }

    public static int? Whole(string? value, string field, Dictionary<string, string> errors)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            errors[field] = "Field_Required";
            return null;
        }
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            errors[field] = "Settings_NumberInvalid";
            return null;
        }
        return number;
    }
}
