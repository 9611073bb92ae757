using Yishi.Platform.Accounts;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Paging;
using Yishi.Platform.Rules;

namespace Yishi.UnitTests.Platform;

public class PersonalDataAndPolicyTests
{
    [Theory]
    [InlineData("13812348000", "138****8000")]
    [InlineData("", "")]
    [InlineData(null, "")]
    [InlineData("12345", "*****")]
    public void Phones_are_masked_in_the_middle(string? phone, string expected) => PersonalData.MaskPhone(phone).ShouldBe(expected);

    [Theory]
    [InlineData("张伟华", "张*华")]
    [InlineData("张伟", "张*")]
    [InlineData("欧阳娜娜", "欧**娜")]
    [InlineData("王", "王")]
    public void Names_keep_first_and_last_character(string name, string expected) => PersonalData.MaskName(name).ShouldBe(expected);

    [Theory]
    [InlineData("Abcdefg1", true)]
    [InlineData("abcdefg1!", true)]
    [InlineData("ABCDEFG1!", true)]
    [InlineData("abcdefgh", false)]
    [InlineData("abcdefg1", false)]
    [InlineData("Ab1!", false)]
    [InlineData("密码密码ab12", true)]
    public void Passwords_need_eight_characters_from_three_classes(string password, bool ok)
        => ThreeClassPasswordValidator.IsAcceptable(password).ShouldBe(ok);

    [Theory]
    [InlineData("13800138000", true)]
    [InlineData("138-0013-8000", true)]
    [InlineData("23800138000", false)]
    [InlineData("1380013800", false)]
    public void Mobile_numbers_are_eleven_digits_starting_with_one(string input, bool ok)
    {
        if (ok) Check.RequiredPhone(input, "Phone").Length.ShouldBe(11);
        else Should.Throw<InputInvalid>(() => Check.RequiredPhone(input, "Phone")).Fields.Keys.ShouldContain("Phone");
    }

    [Fact]
    public void Keyset_cursors_round_trip_and_reject_garbage()
    {
        var cursor = Keyset.Encode("a", "第一网格");
        Keyset.Decode(cursor, 2).ShouldBe(["a", "第一网格"]);
        Should.Throw<InputInvalid>(() => Keyset.Decode("%%%", 2));
        Should.Throw<InputInvalid>(() => Keyset.Decode(cursor, 3));
    }

    [Fact]
    public void Only_a_system_admin_grants_admin_and_auditor_roles()
    {
        RolePermissions.MayGrant(Role.DistrictAdmin, Role.GridWorker).ShouldBeTrue();
        RolePermissions.MayGrant(Role.DistrictAdmin, Role.DistrictAdmin).ShouldBeFalse();
        RolePermissions.MayGrant(Role.DistrictAdmin, Role.Auditor).ShouldBeFalse();
        RolePermissions.MayGrant(Role.SystemAdmin, Role.Auditor).ShouldBeTrue();
        RolePermissions.MayGrant(Role.CommunitySecretary, Role.GridWorker).ShouldBeFalse();
    }

    [Fact]
    public void The_auditor_reads_the_audit_trail_and_changes_nothing()
    {
        foreach (var p in Enum.GetValues<Permission>())
            RolePermissions.Grants(Role.Auditor, p).ShouldBe(p is Permission.ReadAudit or Permission.ViewHouseholds or Permission.VerifyAudit, p.ToString());
    }
}
