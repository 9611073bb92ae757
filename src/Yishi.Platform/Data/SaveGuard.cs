using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Yishi.Platform.Rules;

namespace Yishi.Platform.Data;

/// <summary>
/// The last line of input defence, identical on both providers: before any save, text that is added or changed
/// must have no control characters (<see cref="InputRules"/>) and fit the column's maximum length, and enum
/// values must be defined. PostgreSQL
/// would otherwise throw (a 500) where SQLite silently stores; the failure is a 400 naming the property.
/// </summary>
internal static class SaveGuard
{
    public static void Check(EntityEntry entry)
    {
        if (entry.State is not (EntityState.Added or EntityState.Modified)) return;
        foreach (var property in entry.Properties)
        {
            if (entry.State == EntityState.Modified && !property.IsModified) continue;
            // Enums: only defined values (a form or API could bind 999); the column would store anything.
            if (property.CurrentValue is Enum value && !InputRules.IsDefined(value))
                throw new InputInvalid(property.Metadata.Name, "Field_InvalidValue", typeof(InputStrings));
            if (property.Metadata.ClrType != typeof(string)) continue;
            if (property.CurrentValue is not string text) continue;
            var field = property.Metadata.Name;
            InputRules.EnsureText(text, field);
            // Characters as PostgreSQL counts them (code points: a surrogate pair is one).
            // A column mapped explicitly to an unbounded type ("text", e.g. a stored roster preview) has no limit,
            // even though the model-wide string convention gives every property a maximum length.
            if (property.Metadata.GetMaxLength() is { } max && !Unbounded(property.Metadata) && text.Length > max && CodePoints(text) > max)
                throw new InputInvalid(field, "Field_TooLong");
        }
    }

    private static bool Unbounded(Microsoft.EntityFrameworkCore.Metadata.IProperty property)
        => property.FindAnnotation(Microsoft.EntityFrameworkCore.Metadata.RelationalAnnotationNames.ColumnType)?.Value is string type
            && !type.Contains('(', StringComparison.Ordinal);

    private static int CodePoints(string text)
    {
        var n = 0;
        for (var i = 0; i < text.Length; i++, n++)
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
        return n;
    }
}
