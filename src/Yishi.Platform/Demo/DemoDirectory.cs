namespace Yishi.Platform.Demo;

/// <summary>
/// Stable ASCII ids for the demo district's streets and communities, used in demo user names
/// (<c>sec-wenhua</c>, <c>grid-shimen-3</c>), and the district departments that have officers.
/// </summary>
public static class DemoDirectory
{
    private static readonly Dictionary<string, string> Slugs = new()
    {
        ["南恩街道"] = "nanen",
        ["城东街道"] = "chengdong",
        ["桂湖镇"] = "guihu",
        ["文华社区"] = "wenhua",
        ["江城社区"] = "jiangcheng",
        ["鸳鸯湖社区"] = "yuanyanghu",
        ["南恩村"] = "nanencun",
        ["东风社区"] = "dongfeng",
        ["桂园社区"] = "guiyuan",
        ["新建村"] = "xinjian",
        ["上洞村"] = "shangdong",
        ["桂湖村"] = "guihucun",
        ["石门村"] = "shimen",
        ["龙潭村"] = "longtan",
        ["凤岗社区"] = "fenggang",
    };

    /// <summary>District departments (not modelled yet): display-name prefix and user-name id.</summary>
    public static readonly (string Name, string Slug)[] Departments =
    [
        ("住建局", "zhujian"),
        ("民政局", "minzheng"),
        ("城管局", "chengguan"),
        ("交通局", "jiaotong"),
        ("卫健委", "weijian"),
    ];

    public static string Slug(string areaName)
        => Slugs.TryGetValue(areaName, out var slug) ? slug : throw new KeyNotFoundException($"No demo slug for {areaName}");

    public static bool IsVillage(string communityName) => communityName.EndsWith('村');
}
