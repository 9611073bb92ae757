using Yishi.Platform.Data;

namespace Yishi.Demands.Domain;

/// <summary>A keyword rule a district admin edits: text containing <see cref="Keyword"/> suggests these classifications.</summary>
public sealed class TriageRule : ITenantOwned, IVersioned
{
    public const int KeywordMaxLength = 20;

    private TriageRule() { }

    public TriageRule(Guid districtId, string keyword, Ownership? ownership, ContentCategory? category, MustDeliberateCategory? mustDeliberate)
    {
        Id = Guid.CreateVersion7();
        DistrictId = districtId;
        Keyword = keyword;
        Ownership = ownership;
        ContentCategory = category;
        MustDeliberate = mustDeliberate;
    }

    public Guid Id { get; private set; }
    public Guid DistrictId { get; private set; }
    public string Keyword { get; set; } = "";
    public Ownership? Ownership { get; set; }
    public ContentCategory? ContentCategory { get; set; }
    public MustDeliberateCategory? MustDeliberate { get; set; }
    public int Version { get; set; }
}

public sealed record TriageSuggestion(Ownership? Ownership, ContentCategory? ContentCategory, MustDeliberateCategory? MustDeliberate, IReadOnlyList<string> MatchedKeywords);

/// <summary>Suggests; the cadre decides. Each field takes the value most matched keywords vote for.</summary>
public static class TriageSuggester
{
    /// <summary>The rules a new district starts with (editable afterwards).</summary>
    public static readonly (string Keyword, Ownership? Ownership, ContentCategory? Category, MustDeliberateCategory? MustDeliberate)[] Defaults =
    [
        ("漏水", Ownership.Community, ContentCategory.Development, MustDeliberateCategory.PublicFacilities),
        ("屋顶", Ownership.Community, ContentCategory.Development, MustDeliberateCategory.PublicFacilities),
        ("路灯", Ownership.Community, ContentCategory.Development, MustDeliberateCategory.PublicFacilities),
        ("垃圾", Ownership.Community, ContentCategory.SocialEthos, MustDeliberateCategory.Environment),
        ("卫生", Ownership.Community, ContentCategory.SocialEthos, MustDeliberateCategory.Environment),
        ("停车", Ownership.Community, ContentCategory.Harmony, MustDeliberateCategory.DailyManagement),
        ("噪音", Ownership.Community, ContentCategory.Harmony, MustDeliberateCategory.NeighbourDisputes),
        ("邻居", Ownership.Community, ContentCategory.Harmony, MustDeliberateCategory.NeighbourDisputes),
        ("纠纷", Ownership.Community, ContentCategory.Law, MustDeliberateCategory.NeighbourDisputes),
        ("燃气", Ownership.Government, ContentCategory.Development, MustDeliberateCategory.Livelihood),
        ("天然气", Ownership.Government, ContentCategory.Development, MustDeliberateCategory.Livelihood),
        ("道路", Ownership.Government, ContentCategory.Development, MustDeliberateCategory.PublicFacilities),
        ("修路", Ownership.Government, ContentCategory.Development, MustDeliberateCategory.PublicFacilities),
        ("公交", Ownership.Government, ContentCategory.Development, MustDeliberateCategory.PublicFacilities),
        ("医保", Ownership.Government, ContentCategory.Law, MustDeliberateCategory.Livelihood),
        ("低保", Ownership.Government, ContentCategory.Law, MustDeliberateCategory.Livelihood),
        ("养老", Ownership.Community, ContentCategory.Morality, MustDeliberateCategory.Livelihood),
        ("老人", Ownership.Community, ContentCategory.Morality, MustDeliberateCategory.Livelihood),
        ("食堂", Ownership.Community, ContentCategory.Development, MustDeliberateCategory.ResidentInterests),
        ("电梯", Ownership.Community, ContentCategory.Development, MustDeliberateCategory.ResidentInterests),
        ("治安", Ownership.Government, ContentCategory.Law, MustDeliberateCategory.PublicSecurity),
        ("盗窃", Ownership.Government, ContentCategory.Law, MustDeliberateCategory.PublicSecurity),
        ("家里", Ownership.Personal, ContentCategory.Harmony, MustDeliberateCategory.ResidentDemands),
        ("自家", Ownership.Personal, ContentCategory.Harmony, MustDeliberateCategory.ResidentDemands),
        ("政策", Ownership.Government, ContentCategory.Law, MustDeliberateCategory.Policy),
    ];

    public static TriageSuggestion Suggest(string text, IEnumerable<(string Keyword, Ownership? Ownership, ContentCategory? Category, MustDeliberateCategory? MustDeliberate)> rules)
    {
        var matched = rules.Where(r => r.Keyword.Length > 0 && text.Contains(r.Keyword, StringComparison.Ordinal)).ToList();
        static T? Vote<T>(IEnumerable<T?> values) where T : struct
            => values.Where(v => v.HasValue).GroupBy(v => v!.Value).OrderByDescending(g => g.Count()).Select(g => (T?)g.Key).FirstOrDefault();
        return new TriageSuggestion(
            Vote(matched.Select(m => m.Ownership)),
            Vote(matched.Select(m => m.Category)),
            Vote(matched.Select(m => m.MustDeliberate)),
            matched.Select(m => m.Keyword).ToList());
    }
}
