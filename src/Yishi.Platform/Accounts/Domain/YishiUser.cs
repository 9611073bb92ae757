using Microsoft.AspNetCore.Identity;
using Yishi.Platform.Data;

namespace Yishi.Platform.Accounts.Domain;

public enum AccountKind
{
    Official = 0,
    Resident = 1,
}

/// <summary>
/// A sign-in account. Accounts are looked up by user name before the district is known, so the
/// user-name index is global (the one deliberate exception to "unique indexes include DistrictId").
/// </summary>
public sealed class YishiUser : IdentityUser<Guid>, ITenantOwned
{
    public const int DisplayNameMaxLength = 40;

    public Guid DistrictId { get; set; }
    public string DisplayName { get; set; } = "";
    public AccountKind Kind { get; set; }
    public Guid? ResidentId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? DeactivatedAt { get; set; }
    /// <summary>The language the user last chose ("zh-CN" or "en"); notifications to them are written in it. Null means zh-CN.</summary>
    public string? PreferredCulture { get; set; }
}

/// <summary>A role held in an area. Revoking keeps the row (history); active ones have no <see cref="RevokedAt"/>.</summary>
public sealed class RoleAssignment : IAreaPlaced
{
    private RoleAssignment() { }

    public RoleAssignment(Guid districtId, Guid userId, Role role, Guid areaId, string areaPath, DateTime now, Guid? grantedBy)
    {
        Id = Guid.CreateVersion7();
        DistrictId = districtId;
        UserId = userId;
        Role = role;
        AreaId = areaId;
        AreaPath = areaPath;
        GrantedAt = now;
        GrantedBy = grantedBy;
    }

    public Guid Id { get; private set; }
    public Guid DistrictId { get; private set; }
    public Guid UserId { get; private set; }
    public Role Role { get; private set; }
    public Guid AreaId { get; private set; }
    public string AreaPath { get; private set; } = "";
    public DateTime GrantedAt { get; private set; }
    public Guid? GrantedBy { get; private set; }
    public DateTime? RevokedAt { get; private set; }
    public Guid? RevokedBy { get; private set; }

    public void Revoke(DateTime now, Guid? by)
    {
        RevokedAt = now;
        RevokedBy = by;
    }
}

/// <summary>A district admin requires TOTP two-factor for everyone holding <see cref="Role"/> in the district.</summary>
public sealed class TwoFactorRequirement : ITenantOwned
{
    private TwoFactorRequirement() { }

    public TwoFactorRequirement(Guid districtId, Role role, DateTime now, Guid? by)
    {
        Id = Guid.CreateVersion7();
        DistrictId = districtId;
        Role = role;
        CreatedAt = now;
        CreatedBy = by;
    }

    public Guid Id { get; private set; }
    public Guid DistrictId { get; private set; }
    public Role Role { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public Guid? CreatedBy { get; private set; }
}
