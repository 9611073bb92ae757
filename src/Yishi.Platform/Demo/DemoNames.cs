using System.Globalization;

namespace Yishi.Platform.Demo;

public enum DemoGeneration
{
    Elder,
    Adult,
    Young,
}

/// <summary>
/// Plausible Chinese names for the demo district: surnames weighted roughly by their real frequency
/// (王 about 35 times as common as 汤), given names of one or two characters by generation and sex.
/// Everything comes from the caller's seeded <see cref="Random"/>, so the district is the same every time.
/// </summary>
public static class DemoNames
{
    /// <summary>The hundred most common surnames, most frequent first.</summary>
    public static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
        "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡",
        "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金",
        "石", "廖", "贾", "夏", "韦", "付", "方", "白", "邹", "孟", "熊", "秦", "邱", "江", "尹", "薛", "闫", "段", "雷", "侯",
        "龙", "史", "陶", "黎", "贺", "顾", "毛", "郝", "龚", "邵", "万", "钱", "严", "覃", "武", "戴", "莫", "孔", "向", "汤",
    ];

    private static readonly double[] Cumulative = BuildCumulative();

    private static readonly string[] ElderMale = ["德福", "长生", "福生", "有才", "金山", "树林", "根生", "保国", "永福", "庆祥", "富贵", "学文", "光明", "国庆", "德胜", "明"];
    private static readonly string[] ElderFemale = ["秀兰", "玉兰", "桂兰", "凤英", "淑珍", "桂芳", "秀珍", "玉珍", "翠花", "素芬", "金凤", "月娥", "巧云", "桂英", "英"];
    private static readonly string[] AdultMale =
    [
        "伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明", "刚", "平", "辉", "鹏", "华", "飞", "波", "峰", "林", "亮",
        "建华", "建国", "建军", "志强", "志明", "志刚", "国强", "国华", "海涛", "海波", "文斌", "文华", "永刚", "德明", "振华",
        "晓东", "晓峰", "小龙", "春生", "红军", "立新", "卫东", "宏伟", "俊", "健", "东", "兵", "锋", "洪", "忠",
    ];
    private static readonly string[] AdultFemale =
    [
        "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "燕", "玲", "萍", "红", "梅", "秀英", "丽华", "红梅", "海燕", "雪梅",
        "晓燕", "春梅", "美玲", "玉梅", "小红", "丽娟", "秀梅", "彩霞", "慧", "琳", "颖", "倩", "洁", "丹", "莉", "婷", "晓丽",
    ];
    private static readonly string[] YoungMale = ["子轩", "浩然", "宇轩", "梓豪", "俊杰", "一鸣", "浩宇", "博文", "天佑", "睿", "宇", "航", "轩", "泽宇", "皓轩", "嘉豪", "明轩", "思远", "家乐", "梓睿"];
    private static readonly string[] YoungFemale = ["欣怡", "梓萱", "诗涵", "雨桐", "佳怡", "可馨", "紫涵", "思琪", "雨欣", "语嫣", "婉清", "若曦", "梦瑶", "心怡", "晨曦", "悦", "琪", "涵", "妍", "瑶"];

    private static double[] BuildCumulative()
    {
        var weights = Surnames.Select((_, i) => 1.0 / (i + 3)).ToArray();
        var total = weights.Sum();
        var cumulative = new double[weights.Length];
        var running = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            running += weights[i] / total;
            cumulative[i] = running;
        }
        return cumulative;
    }

    public static string Surname(Random random)
    {
        var x = random.NextDouble();
        var i = Array.BinarySearch(Cumulative, x);
        if (i < 0) i = ~i;
        return Surnames[Math.Min(i, Surnames.Length - 1)];
    }

    public static string Given(Random random, bool male, DemoGeneration generation)
    {
        var list = (generation, male) switch
        {
            (DemoGeneration.Elder, true) => ElderMale,
            (DemoGeneration.Elder, false) => ElderFemale,
            (DemoGeneration.Young, true) => YoungMale,
            (DemoGeneration.Young, false) => YoungFemale,
            (_, true) => AdultMale,
            _ => AdultFemale,
        };
        return list[random.Next(list.Length)];
    }

    public static string Full(Random random, bool male, DemoGeneration generation = DemoGeneration.Adult)
        => Surname(random) + Given(random, male, generation);
}

/// <summary>
/// Fake but valid-looking mobile numbers: 1380000xxxx and 1390000xxxx, never real subscriber ranges.
/// The n-th number is unique for n below 20,000: the suffixes of the first 10,000 are a permutation
/// (7,321 is coprime to 10,000), and the next 10,000 repeat them under the other prefix.
/// </summary>
public sealed class DemoPhones
{
    private int _next;

    public string Next() => Number(_next++);

    public static string Number(int n)
    {
        if (n is < 0 or >= 20_000) throw new ArgumentOutOfRangeException(nameof(n));
        var suffix = ((n % 10_000 * 7321) + 4817) % 10_000;
        var prefix = (((suffix * 7919) >> 6) + (n / 10_000)) % 2 == 0 ? "1380000" : "1390000";
        return prefix + suffix.ToString("D4", CultureInfo.InvariantCulture);
    }
}
