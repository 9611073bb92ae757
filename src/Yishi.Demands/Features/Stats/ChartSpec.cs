using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Yishi.Demands.Features.Stats;

public sealed record ChartSeries(string Name, IReadOnlyList<double?> Data);

/// <summary>
/// What <c>wwwroot/js/charts.js</c> draws with ECharts: a bar (vertical), hbar (horizontal), line or pie chart.
/// Pages put <see cref="Json"/> in a <c>data-chart</c> attribute (Razor encodes it); no inline script (CSP).
/// A null value is a gap (e.g. the satisfaction rate of a month with no ratings).
/// </summary>
public sealed record ChartSpec(string Type, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series, string? Unit = null, double? Max = null)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Not a property of the chart itself (it would serialise itself forever).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Json => JsonSerializer.Serialize(this, Options);
}
