using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Yishi.UnitTests;

/// <summary>
/// Every string key the pages and handlers ask for exists in Chinese and in English: a missing key would
/// show its name ("Inbox_Title") to the user instead of text.
/// </summary>
public sealed partial class LocalisationTests
{
    private static readonly string Root = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Yishi.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Yishi.slnx not found above the test output");
    }

    private static IEnumerable<string> SourceFiles(params string[] patterns)
        => patterns.SelectMany(p => Directory.EnumerateFiles(Path.Combine(Root, "src"), p, SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static HashSet<string> Keys(string suffix)
        => SourceFiles("*.resx").Where(f => suffix == "" ? !f.EndsWith(".en.resx", StringComparison.Ordinal) : f.EndsWith(suffix, StringComparison.Ordinal))
            .SelectMany(f => XDocument.Load(f).Root!.Elements("data").Select(d => (string)d.Attribute("name")!))
            .ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void Every_key_used_in_pages_and_handlers_exists_in_Chinese()
    {
        var keys = Keys("");
        var missing = SourceFiles("*.razor", "*.cs")
            .SelectMany(f => UsedKey().Matches(File.ReadAllText(f)).Select(m => (Key: m.Groups["key"].Value, File: Path.GetFileName(f))))
            .Where(u => !keys.Contains(u.Key))
            .Select(u => $"{u.Key} ({u.File})")
            .Distinct()
            .ToList();
        missing.ShouldBeEmpty();
    }

    [Fact]
    public void Pages_ask_each_localizer_only_for_keys_of_its_own_resource()
    {
        var byResource = SourceFiles("*.resx").Where(f => !f.EndsWith(".en.resx", StringComparison.Ordinal))
            .GroupBy(f => Path.GetFileNameWithoutExtension(f))
            .ToDictionary(g => g.Key, g => g.SelectMany(f => XDocument.Load(f).Root!.Elements("data").Select(d => (string)d.Attribute("name")!)).ToHashSet());
        var missing = new List<string>();
        foreach (var file in SourceFiles("*.razor"))
        {
            var text = File.ReadAllText(file);
            foreach (Match inject in Inject().Matches(text))
            {
                var resource = inject.Groups["res"].Value;
                if (!byResource.TryGetValue(resource, out var keys)) continue;
                var use = new Regex($@"(?<![A-Za-z0-9_.]){Regex.Escape(inject.Groups["var"].Value)}\[""(?<key>[A-Za-z0-9_]+)""");
                missing.AddRange(use.Matches(text).Select(m => m.Groups["key"].Value).Where(k => !k.EndsWith('_') && !keys.Contains(k))
                    .Select(k => $"{resource}.{k} ({Path.GetFileName(file)})"));
            }
        }
        missing.Distinct().ShouldBeEmpty();
    }

    [Fact]
    public void Every_Chinese_string_has_an_English_translation()
    {
        foreach (var neutral in SourceFiles("*.resx").Where(f => !f.EndsWith(".en.resx", StringComparison.Ordinal)))
        {
            var en = neutral[..^".resx".Length] + ".en.resx";
            File.Exists(en).ShouldBeTrue(en);
            static HashSet<string> Names(string f) => XDocument.Load(f).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();
            Names(neutral).Except(Names(en)).ShouldBeEmpty(Path.GetFileName(en));
        }
    }

    [GeneratedRegex(@"@inject\s+IStringLocalizer<(?<res>\w+)>\s+(?<var>\w+)")]
    private static partial Regex Inject();

    // T["Key"], L["Key"] in pages, and "Area_Key"-shaped message keys passed to errors in handlers.
    [GeneratedRegex(@"(?:\b[TLS]\[|\(\s*|,\s*)""(?<key>[A-Z][A-Za-z0-9]*_[A-Za-z0-9_]*[A-Za-z0-9])""")]
    private static partial Regex UsedKey();
}
