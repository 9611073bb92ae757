using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Yishi.Platform.Data;

namespace Yishi.Platform.Accounts.Identity;

/// <summary>
/// A one-time code texted to a phone to prove the registrant holds it. Only a salted hash is stored; it expires,
/// a number of wrong tries burns it, and a newer code for the same phone replaces it. The rows are also the
/// per-phone resend limit (kept in the database, so it holds across app instances). Phones are global user
/// names, so the code is looked up across districts; <see cref="DistrictId"/> is where it was asked for.
/// </summary>
public sealed class PhoneVerification : ITenantOwned, IVersioned
{
    public const string Register = "register";
    public const int PhoneMaxLength = 20;

    private PhoneVerification() { }

    public PhoneVerification(Guid districtId, string phone, string purpose, string code, DateTime now, TimeSpan lifetime)
    {
        Id = Guid.CreateVersion7();
        DistrictId = districtId;
        Phone = phone;
        Purpose = purpose;
        CodeHash = Hash(Id, code);
        CreatedAt = now;
        ExpiresAt = now + lifetime;
    }

    public Guid Id { get; private set; }
    public Guid DistrictId { get; private set; }
    public string Phone { get; private set; } = "";
    public string Purpose { get; private set; } = "";
    public string CodeHash { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime ExpiresAt { get; private set; }
    public int FailedAttempts { get; private set; }
    /// <summary>Set when the code was used, burned by wrong tries, or replaced by a newer one: it never works again.</summary>
    public DateTime? ClosedAt { get; private set; }
    public int Version { get; set; }

    public bool IsOpen(DateTime now) => ClosedAt is null && ExpiresAt > now;

    /// <summary>Checks a code; a wrong one counts, and the <paramref name="maxAttempts"/>th wrong one burns the code.</summary>
    public bool Try(string code, DateTime now, int maxAttempts)
    {
        var expected = Convert.FromHexString(CodeHash);
        var actual = Convert.FromHexString(Hash(Id, code));
        if (CryptographicOperations.FixedTimeEquals(expected, actual))
        {
            ClosedAt = now;
            return true;
        }
        FailedAttempts++;
        if (FailedAttempts >= maxAttempts) ClosedAt = now;
        return false;
    }

    public void Close(DateTime now) => ClosedAt ??= now;

    private static string Hash(Guid id, string code)
        => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{id:N}:{code}")));
}

public enum LinkRequestStatus
{
    Pending = 0,
    Confirmed = 1,
    Refused = 2,
}

/// <summary>
/// A registered resident whose phone did not prove a roster entry asks to be linked to their household; a grid
/// worker or the community secretary of the area confirms it (choosing the roster resident) or refuses it.
/// Until then the account sees nothing of any household.
/// </summary>
public sealed class ResidentLinkRequest : IAreaPlaced, IVersioned
{
    public const int HouseNumberMaxLength = 60;
    public const int ReasonMaxLength = 200;

    private ResidentLinkRequest() { }

    public ResidentLinkRequest(Guid districtId, Guid userId, Guid areaId, string areaPath, string? houseNumber, DateTime now)
    {
        Id = Guid.CreateVersion7();
        DistrictId = districtId;
        UserId = userId;
        AreaId = areaId;
        AreaPath = areaPath;
        HouseNumber = houseNumber;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid DistrictId { get; private set; }
    public Guid UserId { get; private set; }
    public Guid AreaId { get; private set; }
    public string AreaPath { get; private set; } = "";
    /// <summary>What the registrant typed as their address, to help the officer find them; may be empty.</summary>
    public string? HouseNumber { get; private set; }
    public LinkRequestStatus Status { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? DecidedAt { get; private set; }
    public Guid? DecidedBy { get; private set; }
    public Guid? ResidentId { get; private set; }
    public string? Reason { get; private set; }
    public int Version { get; set; }

    public void Confirm(Guid residentId, DateTime now, Guid by)
    {
        RequirePending();
        Status = LinkRequestStatus.Confirmed;
        ResidentId = residentId;
        DecidedAt = now;
        DecidedBy = by;
    }

    public void Refuse(string? reason, DateTime now, Guid by)
    {
        RequirePending();
        Status = LinkRequestStatus.Refused;
        Reason = reason;
        DecidedAt = now;
        DecidedBy = by;
    }

    private void RequirePending()
    {
        if (Status != LinkRequestStatus.Pending)
            throw new Rules.RuleViolation("resident_link.decided", "Link_AlreadyDecided", null, typeof(IdentityStrings));
    }
}

internal sealed class PhoneVerificationConfiguration : IEntityTypeConfiguration<PhoneVerification>
{
    public void Configure(EntityTypeBuilder<PhoneVerification> b)
    {
        b.ToTable("phone_verifications");
        b.HasKey(v => v.Id);
        b.Property(v => v.Phone).HasMaxLength(PhoneVerification.PhoneMaxLength);
        b.Property(v => v.Purpose).HasMaxLength(16);
        b.Property(v => v.CodeHash).HasMaxLength(64);
        // Phones are global user names: the latest code and the resend count are looked up by phone across districts.
        b.HasIndex(v => new { v.Phone, v.Purpose, v.CreatedAt });
        b.HasIndex(v => new { v.DistrictId, v.CreatedAt });
    }
}

internal sealed class ResidentLinkRequestConfiguration : IEntityTypeConfiguration<ResidentLinkRequest>
{
    public void Configure(EntityTypeBuilder<ResidentLinkRequest> b)
    {
        b.ToTable("resident_link_requests");
        b.HasKey(r => r.Id);
        b.Property(r => r.AreaPath).HasMaxLength(200);
        b.Property(r => r.HouseNumber).HasMaxLength(ResidentLinkRequest.HouseNumberMaxLength);
        b.Property(r => r.Reason).HasMaxLength(ResidentLinkRequest.ReasonMaxLength);
        b.HasIndex(r => new { r.DistrictId, r.Status, r.AreaPath });
        b.HasIndex(r => new { r.DistrictId, r.UserId });
    }
}
