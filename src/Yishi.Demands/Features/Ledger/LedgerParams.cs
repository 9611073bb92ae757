using System.Globalization;
using Yishi.Demands.Domain;

namespace Yishi.Demands.Features.Ledger;

/// <summary>
/// The ledger page's query string: the API's parameter names, but dates are China-time days (yyyy-MM-dd,
/// "to" inclusive). Unknown values are ignored rather than failing the page. <see cref="ApiQuery"/> gives the
/// same filter for the API (export), with the days turned into UTC instants.
/// </summary>
public sealed record LedgerParams(
    string? Status = null, string? Ownership = null, string? Channel = null, string? Content = null, string? MustDeliberate = null,
    string? AreaId = null, string? UnitId = null, string? Overdue = null, string? From = null, string? To = null, string? Q = null, string? Sort = null)
{
    public DemandStatus? StatusValue => Parse<DemandStatus>(Status);
    public Ownership? OwnershipValue => Parse<Ownership>(Ownership);
    public Channel? ChannelValue => Parse<Channel>(Channel);
    public ContentCategory? ContentValue => Parse<ContentCategory>(Content);
    public MustDeliberateCategory? MustDeliberateValue => Parse<MustDeliberateCategory>(MustDeliberate);
    public Guid? AreaIdValue => Guid.TryParse(AreaId, out var g) ? g : null;
    public Guid? UnitIdValue => Guid.TryParse(UnitId, out var g) ? g : null;
    public bool? OverdueValue => bool.TryParse(Overdue, out var b) ? b : null;
    public DateOnly? FromDay => ChinaTime.ParseDay(From);
    public DateOnly? ToDay => ChinaTime.ParseDay(To);
    public LedgerSort SortValue => Parse<LedgerSort>(Sort) ?? LedgerSort.Created;
    public string? Text => string.IsNullOrWhiteSpace(Q) ? null : Q.Trim();

    public DateTime? FromUtc => FromDay is { } f ? ChinaTime.DayStartUtc(f) : null;
    public DateTime? ToUtc => ToDay is { } t ? ChinaTime.DayStartUtc(t.AddDays(1)) : null;

    public LedgerFilter ToFilter() => new(StatusValue, OwnershipValue, ChannelValue, ContentValue, MustDeliberateValue, AreaIdValue, UnitIdValue,
        OverdueValue, FromUtc, ToUtc, Text, SortValue);

    /// <summary>How many filters are set (the sort order is not a filter).</summary>
    public int ActiveCount => new object?[] { StatusValue, OwnershipValue, ChannelValue, ContentValue, MustDeliberateValue, AreaIdValue, UnitIdValue, OverdueValue, FromDay, ToDay, Text }
        .Count(v => v is not null);

    /// <summary>The query string of the API (<c>/api/v1/demands</c>, <c>/export.xlsx</c>) for the same filter, without the leading '?'.</summary>
    public string ApiQuery()
    {
        var parts = new List<string>();
        void Add(string name, object? value)
        {
            if (value is null) return;
            var text = value switch
            {
                DateTime dt => dt.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture), // UTC, without an offset: the API reads it as UTC
                bool b => b ? "true" : "false",
                _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
            };
            parts.Add($"{name}={Uri.EscapeDataString(text)}");
        }
        Add("status", StatusValue);
        Add("ownership", OwnershipValue);
        Add("channel", ChannelValue);
        Add("content", ContentValue);
        Add("mustDeliberate", MustDeliberateValue);
        Add("areaId", AreaIdValue);
        Add("unitId", UnitIdValue);
        Add("overdue", OverdueValue);
        Add("from", FromUtc);
        Add("to", ToUtc);
        Add("q", Text);
        if (SortValue != LedgerSort.Created) Add("sort", SortValue);
        return string.Join('&', parts);
    }

    private static T? Parse<T>(string? text) where T : struct, Enum
        => !string.IsNullOrWhiteSpace(text) && Enum.TryParse<T>(text.Trim(), ignoreCase: true, out var v) && Enum.IsDefined(v) && !int.TryParse(text, out _) ? v : null;
}
