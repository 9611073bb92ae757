using Microsoft.EntityFrameworkCore;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Areas.Domain;
using Yishi.Platform.Data;
using Yishi.Platform.Rules;

namespace Yishi.Platform.Accounts.Features;

/// <summary>A role held in an area; <see cref="AreaTrail"/> is the area's names from the street down.</summary>
public sealed record RoleAssignmentDto(Guid Id, Role Role, Guid AreaId, AreaLevel AreaLevel, string AreaName, string AreaTrail,
    DateTime GrantedAt, DateTime? RevokedAt);

/// <summary>
/// An account as administrators see it. Phone numbers are masked; a resident's user name is their phone,
/// so it is masked too. <see cref="Roles"/> are the active ones in lists and the whole history in details.
/// </summary>
public sealed record AccountDto(Guid Id, string UserName, string DisplayName, AccountKind Kind, string Phone,
    bool LockedOut, bool Deactivated, bool TwoFactorEnabled, DateTime CreatedAt, IReadOnlyList<RoleAssignmentDto> Roles)
{
    /// <summary>Details only: whether the caller may change the account itself (password, lock, deactivation).</summary>
    public bool? Manageable { get; init; }

    public static AccountDto From(YishiUser u, IEnumerable<RoleAssignmentDto> roles, DateTimeOffset now) => new(
        u.Id, MaskedUserName(u.UserName), u.DisplayName, u.Kind, PersonalData.MaskPhone(u.PhoneNumber),
        YishiUserManager.IsLockedOut(u, now), u.DeactivatedAt is not null, u.TwoFactorEnabled, u.CreatedAt, roles.ToList());

    public static string MaskedUserName(string? userName)
        => userName is not null && Check.IsMobile(userName) ? PersonalData.MaskPhone(userName) : userName ?? "";
}

/// <summary>Names the areas of role assignments: one query for every area on their paths.</summary>
public static class AreaLabels
{
    public static async Task<List<RoleAssignmentDto>> DescribeAsync(YishiDbContext db, IEnumerable<RoleAssignment> assignments, CancellationToken ct)
    {
        var list = assignments.ToList();
        var ids = list.SelectMany(a => Segments(a.AreaPath)).Distinct().ToList();
        var areas = ids.Count == 0 ? [] : await db.Areas.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Name, a.Level }).ToDictionaryAsync(a => a.Id, ct);
        return list.Select(a =>
        {
            var segments = Segments(a.AreaPath).ToList();
            // The district's own name is the same on every row: the trail starts below it.
            var trail = string.Join(" › ", segments.Skip(segments.Count > 1 ? 1 : 0).Select(s => areas.TryGetValue(s, out var n) ? n.Name : "…"));
            var own = areas.GetValueOrDefault(a.AreaId);
            return new RoleAssignmentDto(a.Id, a.Role, a.AreaId, own?.Level ?? AreaLevel.Group, own?.Name ?? "…", trail, a.GrantedAt, a.RevokedAt);
        }).ToList();
    }

    private static IEnumerable<Guid> Segments(string path)
        => path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => Guid.ParseExact(s, "N"));
}
