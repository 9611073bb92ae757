namespace Yishi.Platform.Rules;

/// <summary>Small input guards shared by handlers; each failure names its field and message key.</summary>
public static class Check
{
    public static string RequiredText(string? value, string field, int maxLength)
    {
        InputRules.EnsureText(value, field);
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed)) throw new InputInvalid(field, "Field_Required");
        if (trimmed.Length > maxLength) throw new InputInvalid(field, "Field_TooLong");
        return trimmed;
    }

    public static string? OptionalText(string? value, string field, int maxLength)
    {
        InputRules.EnsureText(value, field);
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return null;
        if (trimmed.Length > maxLength) throw new InputInvalid(field, "Field_TooLong");
        return trimmed;
    }

    /// <summary>Mainland mobile numbers: 11 digits starting with 1. Spaces and dashes are removed.</summary>
    public static string? OptionalPhone(string? value, string field)
    {
        var digits = new string((value ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        if (digits.Length == 0) return null;
        if (!IsMobile(digits)) throw new InputInvalid(field, "Phone_Invalid");
        return digits;
    }

    public static string RequiredPhone(string? value, string field)
        => OptionalPhone(value, field) ?? throw new InputInvalid(field, "Field_Required");

    public static bool IsMobile(string digits)
        => digits.Length == 11 && digits[0] == '1' && digits.All(char.IsAsciiDigit);
}
