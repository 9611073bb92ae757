using Microsoft.Extensions.Localization;
using Yishi.Platform.Localization;
using Yishi.Platform.Rules;

namespace Yishi.Platform.Ui;

/// <summary>
/// Collects localised error messages per field for a static-SSR form. A handler's <see cref="YishiException"/>
/// lands next to its field (or at the top when it has none); the user's input stays in the form.
/// </summary>
public sealed class FormErrors
{
    private readonly Dictionary<string, List<string>> _byField = new(StringComparer.OrdinalIgnoreCase);

    public bool Any => _byField.Count > 0;
    public IEnumerable<string> For(string field) => _byField.TryGetValue(field, out var l) ? l : [];
    public IEnumerable<string> General => For("");

    public void Add(string? field, string message)
    {
        field ??= "";
        if (!_byField.TryGetValue(field, out var list)) _byField[field] = list = [];
        list.Add(message);
    }

    public void Clear() => _byField.Clear();

    public void Add(YishiException ex, IStringLocalizerFactory localizers)
    {
        var shared = localizers.Create(typeof(SharedStrings));
        var local = ex.Resource is null ? null : localizers.Create(ex.Resource);
        string Text(string key)
        {
            if (local is not null && local[key, [.. ex.Args]] is { ResourceNotFound: false } s) return s;
            return shared[key, [.. ex.Args]];
        }
        if (ex is InputInvalid invalid)
            foreach (var (field, key) in invalid.Fields) Add(field, Text(key));
        else
            Add(ex.Field, Text(ex.MessageKey));
    }

    /// <summary>Runs <paramref name="action"/>; a YishiException becomes messages and false is returned.</summary>
    public async Task<bool> TryAsync(Func<Task> action, IStringLocalizerFactory localizers)
    {
        Clear();
        try
        {
            await action();
            return true;
        }
        catch (YishiException ex)
        {
            Add(ex, localizers);
            return false;
        }
    }
}
