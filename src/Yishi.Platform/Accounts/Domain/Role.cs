namespace Yishi.Platform.Accounts.Domain;

/// <summary>Roles are held in an area (<see cref="RoleAssignment"/>) and apply to its subtree.</summary>
public enum Role
{
    Resident = 0,
    GridWorker = 1,
    BlockChief = 2,
    Organiser = 3,
    Supervisor = 4,
    Volunteer = 5,
    CouncilMember = 6,
    CommitteeMember = 7,
    CommunitySecretary = 8,
    StreetOfficer = 9,
    DepartmentOfficer = 10,
    WorkGroupMember = 11,
    DistrictAdmin = 12,
    Auditor = 13,
    SystemAdmin = 14,
}

public enum Permission
{
    ManageAreas,
    ViewHouseholds,
    ManageHouseholds,
    RevealPersonalData,
    ManageAccounts,
    ManageSecurityPolicy,
    ReadAudit,
    /// <summary>See the district's outgoing email/SMS and send dead ones again.</summary>
    ManageOutbox,
    /// <summary>Check the district's audit chain (ok, or where it breaks; shows no row content).</summary>
    VerifyAudit,
}

/// <summary>The one table of what each role may do. Deny by default: a role not listed may do nothing here.</summary>
public static class RolePermissions
{
    private static readonly Dictionary<Role, Permission[]> Map = new()
    {
        [Role.SystemAdmin] = [Permission.ManageAreas, Permission.ManageAccounts, Permission.ManageSecurityPolicy, Permission.ReadAudit, Permission.ManageOutbox, Permission.VerifyAudit],
        [Role.DistrictAdmin] = [Permission.ManageAreas, Permission.ViewHouseholds, Permission.ManageHouseholds, Permission.RevealPersonalData, Permission.ManageAccounts, Permission.ManageSecurityPolicy, Permission.ManageOutbox, Permission.VerifyAudit],
        [Role.Auditor] = [Permission.ReadAudit, Permission.ViewHouseholds, Permission.VerifyAudit],
        [Role.StreetOfficer] = [Permission.ViewHouseholds, Permission.ManageHouseholds],
        [Role.CommunitySecretary] = [Permission.ViewHouseholds, Permission.ManageHouseholds, Permission.RevealPersonalData],
        [Role.CommitteeMember] = [Permission.ViewHouseholds],
        [Role.GridWorker] = [Permission.ViewHouseholds],
        [Role.WorkGroupMember] = [Permission.ViewHouseholds],
    };

    public static bool Grants(Role role, Permission permission)
        => Map.TryGetValue(role, out var perms) && perms.Contains(permission);

    public static IEnumerable<Role> RolesWith(Permission permission)
        => Map.Where(kv => kv.Value.Contains(permission)).Select(kv => kv.Key);

    /// <summary>Officials are every role but resident; they follow the stricter sign-in rules.</summary>
    public static bool IsOfficial(Role role) => role != Role.Resident;

    /// <summary>Who may grant which role: only a system admin creates admins and auditors (separation of duties).</summary>
    public static bool MayGrant(Role granter, Role granted) => granter switch
    {
        Role.SystemAdmin => true,
        Role.DistrictAdmin => granted is not (Role.SystemAdmin or Role.DistrictAdmin or Role.Auditor),
        _ => false,
    };
}
