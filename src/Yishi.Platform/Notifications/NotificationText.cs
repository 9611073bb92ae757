using System.Globalization;
using System.Resources;
using System.Text;

namespace Yishi.Platform.Notifications;

/// <summary>
/// The words of a notification or text message as a template: a resx <see cref="Key"/> in <see cref="Resource"/>
/// (the module's strings marker class, zh-CN neutral + en) with named placeholders such as <c>{trackingCode}</c>,
/// and the values for them. A value that is itself a <see cref="NotificationText"/> (a level, a service kind) is
/// rendered in the same culture. The <see cref="Notifier"/> renders it once per recipient language.
/// Without a <see cref="Resource"/> (<see cref="Literal"/>) the key is the text itself, the same in every language.
/// </summary>
public sealed record NotificationText(Type? Resource, string Key, IReadOnlyDictionary<string, object?> Args)
{
    private static readonly IReadOnlyDictionary<string, object?> NoArgs = new Dictionary<string, object?>();

    /// <summary>Words that are not translated (e.g. written by a person); shown as they are to everyone.</summary>
    public static NotificationText Literal(string text) => new(null, text, NoArgs);

    public static NotificationText Of<TResource>(string key, params (string Name, object? Value)[] args)
        => new(typeof(TResource), key, args.ToDictionary(a => a.Name, a => a.Value));

    /// <summary>The template in <paramref name="culture"/> (zh-CN neutral when the key has no translation) with its values filled in.</summary>
    public string Render(CultureInfo culture)
    {
        if (Resource is null) return Key;
        var template = Resources(Resource).GetString(Key, culture) ?? Key;
        return NamedFormat.Apply(template, name => Args.TryGetValue(name, out var value)
            ? value switch
            {
                NotificationText nested => nested.Render(culture),
                IFormattable f => f.ToString(null, culture),
                _ => value?.ToString() ?? "",
            }
            : null);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, ResourceManager> Managers = new();

    private static ResourceManager Resources(Type marker) => Managers.GetOrAdd(marker, t => new ResourceManager(t));
}

/// <summary>Fills <c>{name}</c> placeholders; an unknown name (or an unclosed brace) is left as written. <c>{{</c> and <c>}}</c> are literal braces.</summary>
public static class NamedFormat
{
    public static string Apply(string template, Func<string, string?> value)
    {
        var sb = new StringBuilder(template.Length + 16);
        var i = 0;
        while (i < template.Length)
        {
            var ch = template[i];
            if (ch == '{' && i + 1 < template.Length && template[i + 1] == '{') { sb.Append('{'); i += 2; continue; }
            if (ch == '}' && i + 1 < template.Length && template[i + 1] == '}') { sb.Append('}'); i += 2; continue; }
            if (ch == '{')
            {
                var close = template.IndexOf('}', i + 1);
                if (close > i + 1)
                {
                    var name = template[(i + 1)..close];
                    if (name.All(c => char.IsLetterOrDigit(c) || c == '_') && value(name) is { } v)
                    {
                        sb.Append(v);
                        i = close + 1;
                        continue;
                    }
                }
            }
            sb.Append(ch);
            i++;
        }
        return sb.ToString();
    }
}
