using Microsoft.AspNetCore.Identity;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Areas.Domain;
using Yishi.Platform.Data;

namespace Yishi.Platform.Demo;

/// <summary>
/// Builds many demo accounts quickly. Hashing a password costs tens of milliseconds (PBKDF2), so the
/// demo password is hashed once and the hash shared; the accounts are otherwise what
/// <see cref="UserManager{TUser}.CreateAsync(TUser, string)"/> would store (normalised name, security
/// stamp, lockout enabled). Call <see cref="SaveAsync"/> to insert them in one batch.
/// </summary>
internal sealed class DemoAccounts(YishiDbContext db, UserManager<YishiUser> users, IPasswordHasher<YishiUser> hasher, DemoContext demo)
{
    private readonly string _passwordHash = hasher.HashPassword(new YishiUser(), DemoDistrictSeeder.Password);
    private readonly List<YishiUser> _users = [];
    private readonly List<RoleAssignment> _roles = [];

    public int Count => _users.Count;

    public YishiUser Add(string userName, string displayName, AccountKind kind, DateTime createdAt, string? phone = null, Guid? residentId = null)
    {
        var user = new YishiUser
        {
            Id = Guid.CreateVersion7(),
            UserName = userName,
            NormalizedUserName = users.NormalizeName(userName),
            DisplayName = displayName,
            DistrictId = demo.DistrictId,
            Kind = kind,
            ResidentId = residentId,
            PhoneNumber = phone,
            PhoneNumberConfirmed = phone is not null,
            PasswordHash = _passwordHash,
            SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant(),
            LockoutEnabled = true,
            CreatedAt = createdAt,
        };
        _users.Add(user);
        demo.Ids[$"user:{userName}"] = user.Id;
        return user;
    }

    public YishiUser Official(string userName, string displayName, Role role, Area area)
    {
        var createdAt = demo.Now.AddDays(-400 + demo.Random.Next(200));
        var user = Add(userName, displayName, AccountKind.Official, createdAt);
        Grant(user, role, area, createdAt);
        return user;
    }

    public void Grant(YishiUser user, Role role, Area area, DateTime at)
        => _roles.Add(new RoleAssignment(demo.DistrictId, user.Id, role, area.Id, area.Path, at, demo.Ids.GetValueOrDefault("user:admin") is { } admin && admin != Guid.Empty ? admin : null));

    public async Task SaveAsync(CancellationToken ct)
    {
        db.Users.AddRange(_users);
        db.RoleAssignments.AddRange(_roles);
        await db.SaveChangesAsync(ct);
        _users.Clear();
        _roles.Clear();
    }
}
