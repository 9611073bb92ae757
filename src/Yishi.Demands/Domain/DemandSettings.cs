using Yishi.Platform.Data;

namespace Yishi.Demands.Domain;

/// <summary>Per-district settings of demand handling.</summary>
public sealed class DemandSettings : ITenantOwned, IVersioned
{
    public const int DefaultRatingWindowDays = 7;

    private DemandSettings() { }

    public DemandSettings(Guid districtId)
    {
        Id = Guid.CreateVersion7();
        DistrictId = districtId;
    }

    public Guid Id { get; private set; }
    public Guid DistrictId { get; private set; }
    public int RatingWindowDays { get; set; } = DefaultRatingWindowDays;
    /// <summary>Handled demands become due for the council's follow-up review this many days after handling.</summary>
    public int ReviewAfterDays { get; set; } = 7;
    public int Version { get; set; }
}
