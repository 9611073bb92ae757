using Yishi.Platform.Areas.Features.AreaTree;
using Yishi.Platform.Demo;

namespace Yishi.UnitTests.Platform;

public class AreaNameOrderTests
{
    [Fact]
    public void Groups_numbered_in_chinese_sort_by_their_number()
    {
        string[] names = ["第十二网格", "第一网格", "第七网格", "第三网格", "第二网格", "第十网格", "第八网格"];
        names.Order(Comparer<string>.Create(AreaNameOrder.Compare))
            .ShouldBe(["第一网格", "第二网格", "第三网格", "第七网格", "第八网格", "第十网格", "第十二网格"]);
    }

    [Fact]
    public void Digits_sort_by_value_and_other_names_by_pinyin()
    {
        string[] numbers = ["12栋", "3栋", "2栋"];
        numbers.Order(Comparer<string>.Create(AreaNameOrder.Compare)).ShouldBe(["2栋", "3栋", "12栋"]);
        string[] communities = ["文华社区", "江城社区", "鸳鸯湖社区", "南恩村"];
        communities.Order(Comparer<string>.Create(AreaNameOrder.Compare)).ShouldBe(["江城社区", "南恩村", "文华社区", "鸳鸯湖社区"]);
    }

    [Theory]
    [InlineData("第二十三村民组", "第000023村民组")]
    [InlineData("一〇一室", "000101室")]
    [InlineData("南恩村", "南恩村")]
    public void Sort_key_replaces_numerals_with_padded_values(string name, string key)
        => AreaNameOrder.SortKey(name).ShouldBe(key);

    [Fact]
    public void Demo_phone_numbers_are_fake_valid_and_unique()
    {
        var phones = Enumerable.Range(0, 20_000).Select(DemoPhones.Number).ToList();
        phones.Distinct().Count().ShouldBe(20_000);
        phones.ShouldAllBe(p => p.Length == 11 && (p.StartsWith("1380000") || p.StartsWith("1390000")));
    }

    [Fact]
    public void Demo_names_are_deterministic_for_a_seed()
    {
        static List<string> Draw(int seed)
        {
            var random = new Random(seed);
            return Enumerable.Range(0, 50).Select(i => DemoNames.Full(random, i % 2 == 0)).ToList();
        }
        Draw(7).ShouldBe(Draw(7));
        Draw(7).ShouldAllBe(n => n.Length >= 2 && n.Length <= 3);
    }
}
