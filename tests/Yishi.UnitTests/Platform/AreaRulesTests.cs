using Yishi.Platform.Areas.Domain;
using Yishi.Platform.Rules;

namespace Yishi.UnitTests.Platform;

public class AreaRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 0, 0, 0, DateTimeKind.Utc);

    private static (Area D, Area S1, Area S2, Area C1, Area G1) Tree()
    {
        var d = Area.NewDistrict("区", Now);
        var s1 = d.NewChild("街道一", Now);
        var s2 = d.NewChild("街道二", Now);
        var c1 = s1.NewChild("社区", Now);
        return (d, s1, s2, c1, c1.NewChild("网格", Now));
    }

    [Fact]
    public void Children_take_the_next_level_and_extend_the_path()
    {
        var (d, s1, _, c1, g1) = Tree();
        d.DistrictId.ShouldBe(d.Id);
        s1.Level.ShouldBe(AreaLevel.Street);
        g1.Level.ShouldBe(AreaLevel.Group);
        g1.Path.ShouldBe($"/{d.Id:N}/{s1.Id:N}/{c1.Id:N}/{g1.Id:N}/");
        g1.DistrictId.ShouldBe(d.Id);
        d.Contains(g1).ShouldBeTrue();
        g1.Contains(d).ShouldBeFalse();
    }

    [Fact]
    public void A_group_has_no_children()
        => Should.Throw<RuleViolation>(() => Tree().G1.NewChild("x", Now)).Code.ShouldBe("area.too_deep");

    [Fact]
    public void A_retired_area_takes_no_children_and_cannot_be_renamed()
    {
        var (_, _, _, c1, g1) = Tree();
        g1.Retire(Now, hasActiveChildren: false);
        Should.Throw<RuleViolation>(() => g1.Rename("新")).Code.ShouldBe("area.retired");
        Should.Throw<RuleViolation>(() => g1.Retire(Now, false)).Code.ShouldBe("area.retired");
        c1.Retire(Now, hasActiveChildren: false);
        Should.Throw<RuleViolation>(() => c1.NewChild("x", Now)).Code.ShouldBe("area.parent_retired");
    }

    [Fact]
    public void An_area_with_active_children_cannot_be_retired()
        => Should.Throw<RuleViolation>(() => Tree().C1.Retire(Now, hasActiveChildren: true)).Code.ShouldBe("area.has_children");

    [Fact]
    public void The_district_neither_moves_nor_retires()
    {
        var (d, s1, _, _, _) = Tree();
        Should.Throw<RuleViolation>(() => d.Retire(Now, false)).Code.ShouldBe("area.district_fixed");
        Should.Throw<RuleViolation>(() => d.MoveUnder(s1)).Code.ShouldBe("area.district_fixed");
    }

    [Fact]
    public void Moves_go_under_a_parent_one_level_up_and_rewrite_the_path()
    {
        var (_, s1, s2, c1, g1) = Tree();
        Should.Throw<RuleViolation>(() => g1.MoveUnder(s2)).Code.ShouldBe("area.wrong_level");
        Should.Throw<RuleViolation>(() => c1.MoveUnder(s1)).Code.ShouldBe("area.same_parent");
        c1.MoveUnder(s2).ShouldBe($"{s2.Path}{c1.Id:N}/");
        c1.ParentId.ShouldBe(s2.Id);
    }

    [Fact]
    public void Moving_into_another_district_is_not_found()
    {
        var (_, _, _, c1, _) = Tree();
        var otherStreet = Area.NewDistrict("另一区", Now).NewChild("街道", Now);
        Should.Throw<NotFound>(() => c1.MoveUnder(otherStreet));
    }
}
