using Yishi.Platform.Rules;

namespace Yishi.ServiceAreas.Domain;

/// <summary>
/// Someone who holds a place in a service area: a platform account (<see cref="UserId"/>), a registered
/// resident without an account (<see cref="ResidentId"/>), or both. <see cref="DisplayName"/> is a snapshot
/// taken at appointment, so history reads the same after a rename.
/// </summary>
public sealed record PersonRef(Guid? UserId, Guid? ResidentId, string DisplayName)
{
    public const int NameMaxLength = 40;

    public static PersonRef Of(Guid? userId, Guid? residentId, string displayName, string field = "Person")
    {
        if (userId is null && residentId is null) throw new InputInvalid(field, "Person_Required", typeof(ServiceAreaStrings));
        return new PersonRef(userId, residentId, Check.RequiredText(displayName, field, NameMaxLength));
    }

    public bool IsSame(Guid? userId, Guid? residentId)
        => (UserId is not null && UserId == userId) || (ResidentId is not null && ResidentId == residentId);
}
