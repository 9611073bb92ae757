namespace Yishi.Platform.Rules;

/// <summary>
/// The one place for rules every input obeys, whatever the endpoint or form: text has no control characters
/// (PostgreSQL refuses U+0000 and SQLite would store it), dates lie in a sane range, enum values are defined.
/// Applied by the API input guard, by <see cref="Check"/> and by the database save guard.
/// </summary>
public static class InputRules
{
    /// <summary>The earliest date any input may carry.</summary>
    public static readonly DateOnly MinDate = new(2000, 1, 1);

    /// <summary>The latest date any input may carry.</summary>
    public static readonly DateOnly MaxDate = new(2100, 1, 1);

    /// <summary>True when <paramref name="value"/> has a C0 control character other than tab, CR and LF, DEL, or a lone surrogate.</summary>
    public static bool HasForbiddenCharacter(string? value)
    {
        if (value is null) return false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c < ' ' && c is not ('\t' or '\r' or '\n')) return true;
            if (c == '\u007f') return true;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1])) return true;
                i++;
            }
            else if (char.IsLowSurrogate(c)) return true;
        }
        return false;
    }

    public static bool InRange(DateOnly date) => date >= MinDate && date <= MaxDate;

    public static bool InRange(DateTime time) => InRange(DateOnly.FromDateTime(time));

    public static bool InRange(DateTimeOffset time) => InRange(DateOnly.FromDateTime(time.UtcDateTime));

    /// <summary>Defined values only; [Flags] enums accept any combination of defined bits.</summary>
    public static bool IsDefined(Enum value)
    {
        var type = value.GetType();
        if (Enum.IsDefined(type, value)) return true;
        if (!type.IsDefined(typeof(FlagsAttribute), false)) return false;
        var all = 0UL;
        foreach (var v in Enum.GetValues(type)) all |= Convert.ToUInt64(v, System.Globalization.CultureInfo.InvariantCulture);
        var bits = Convert.ToUInt64(value, System.Globalization.CultureInfo.InvariantCulture);
        return (bits & ~all) == 0;
    }

    /// <summary>Throws a 400 naming <paramref name="field"/> when <paramref name="value"/> has a forbidden character.</summary>
    public static void EnsureText(string? value, string field)
    {
        if (HasForbiddenCharacter(value)) throw new InputInvalid(field, "Field_ControlCharacter", typeof(InputStrings));
    }

    public static void EnsureDate(DateOnly? value, string field)
    {
        if (value is { } d && !InRange(d)) throw new InputInvalid(field, "Field_DateOutOfRange", typeof(InputStrings));
    }

    public static void EnsureDate(DateTime? value, string field)
    {
        if (value is { } d && !InRange(d)) throw new InputInvalid(field, "Field_DateOutOfRange", typeof(InputStrings));
    }
}
