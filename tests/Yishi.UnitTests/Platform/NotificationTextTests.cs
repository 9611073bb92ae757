using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Yishi.Demands;
using Yishi.Platform.Notifications;
using Yishi.ServiceAreas;

namespace Yishi.UnitTests.Platform;

public sealed partial class NotificationTextTests
{
    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en");

    private static string Fill(string template, Dictionary<string, string> values)
        => NamedFormat.Apply(template, name => values.TryGetValue(name, out var v) ? v : null);

    [Fact]
    public void Named_placeholders_are_filled_and_unknown_ones_are_left_as_written()
    {
        var values = new Dictionary<string, string> { ["trackingCode"] = "YS-1", ["level"] = "社区" };
        Fill("您的诉求 {trackingCode} 已提交至{level}办理。", values).ShouldBe("您的诉求 YS-1 已提交至社区办理。");
        Fill("{trackingCode}{trackingCode}", values).ShouldBe("YS-1YS-1");
        Fill("诉求 {unknown} 与 {trackingCode}", values).ShouldBe("诉求 {unknown} 与 YS-1");
        Fill("not a name {0} {with space} {} {", values).ShouldBe("not a name {0} {with space} {} {");
        Fill("{{trackingCode}} }} {{", values).ShouldBe("{trackingCode} } {");
        Fill("", values).ShouldBe("");
    }

    [Fact]
    public void A_value_is_not_read_again_as_a_template()
    {
        var values = new Dictionary<string, string> { ["a"] = "{b}", ["b"] = "B" };
        Fill("{a}-{b}", values).ShouldBe("{b}-B");
    }

    [Fact]
    public void A_template_renders_in_the_culture_asked_for_with_nested_labels_in_the_same_culture()
    {
        var text = NotificationText.Of<DemandStrings>("Notify_ReporterLevel",
            ("trackingCode", "YS-20261122-000123"), ("level", NotificationText.Of<DemandStrings>("NotifyLevel_Street")));
        text.Render(Zh).ShouldBe("您的诉求 YS-20261122-000123 已提交至街道办理。");
        text.Render(En).ShouldBe("Your request YS-20261122-000123 is now with the sub-district office.");

        var service = NotificationText.Of<ServiceAreaStrings>("Notify_ServiceDone", ("kind", NotificationText.Of<ServiceAreaStrings>("Service_Accompany")));
        service.Render(Zh).ShouldBe("您申请的陪办已办好，请评价。");
        service.Render(En).ShouldBe("Your service request (Accompany) is done; please rate it.");

        NotificationText.Literal("原样 {x}").Render(En).ShouldBe("原样 {x}");
        Notifier.CultureOf("en-GB").Name.ShouldBe("en");
        Notifier.CultureOf(null).Name.ShouldBe("zh-CN");
        Notifier.CultureOf("fr").Name.ShouldBe("zh-CN");
    }

    [Fact]
    public void Every_notification_template_has_the_same_placeholders_in_Chinese_and_English()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Yishi.slnx"))) root = root.Parent!;
        var checkedCount = 0;
        foreach (var neutral in Directory.EnumerateFiles(Path.Combine(root.FullName, "src"), "*.resx", SearchOption.AllDirectories)
                     .Where(f => !f.EndsWith(".en.resx", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            static Dictionary<string, string> Load(string f) => XDocument.Load(f).Root!.Elements("data")
                .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");
            var zh = Load(neutral);
            var en = Load(neutral[..^".resx".Length] + ".en.resx");
            foreach (var (key, value) in zh.Where(e => e.Key.StartsWith("Notify_", StringComparison.Ordinal) || e.Key.StartsWith("Sms_", StringComparison.Ordinal)))
            {
                static string[] Names(string s) => Placeholder().Matches(s).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal).ToArray();
                Names(en[key]).ShouldBe(Names(value), $"{Path.GetFileName(neutral)} {key}");
                checkedCount++;
            }
        }
        checkedCount.ShouldBeGreaterThan(30);
    }

    [GeneratedRegex(@"\{[A-Za-z_][A-Za-z0-9_]*\}")]
    private static partial Regex Placeholder();
}
