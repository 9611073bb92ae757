using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Areas.Domain;
using Yishi.Platform.Audit;
using Yishi.Platform.Data;
using Yishi.Platform.Rules;

namespace Yishi.Platform.Accounts.Features.Register;

public sealed record RegisterInput(string? Phone, string? DisplayName, string? Password, string? ConfirmPassword, Guid? AreaId);

public sealed record RegisterResult(Guid Id, bool LinkedToRoster);

/// <summary>
/// A resident registers with their mobile number (which becomes the user name), picking their community or
/// group. They get the Resident role there; if the roster of that area has a resident with the same phone,
/// the account is linked to them. They are signed in afterwards.
/// </summary>
public sealed class RegisterResident(YishiDbContext db, YishiUserManager users, SignInManager<YishiUser> signIn,
    RequestContext request, AuditTrail audit, TimeProvider clock)
{
    public async Task<RegisterResult> HandleAsync(RegisterInput input, CancellationToken ct = default)
    {
        var check = new AccountInput();
        var phone = check.Phone(input.Phone, "Phone", required: true);
        var displayName = check.Text(input.DisplayName, "DisplayName", YishiUser.DisplayNameMaxLength);
        var now = clock.GetUtcNow().UtcDateTime;
        var user = new YishiUser
        {
            Id = Guid.CreateVersion7(),
            UserName = phone,
            PhoneNumber = phone,
            DisplayName = displayName ?? "",
            Kind = AccountKind.Resident,
            CreatedAt = now,
        };
        var password = await check.PasswordAsync(users, user, input.Password);
        if (password is not null && input.ConfirmPassword != password) check.Fail("ConfirmPassword", "Register_PasswordMismatch");
        Area? area = null;
        if (input.AreaId is not { } areaId) check.Fail("AreaId", "Register_ChooseArea");
        else
        {
            area = await db.Areas.IgnoreQueryFilters()
                .FirstOrDefaultAsync(a => a.Id == areaId && a.RetiredAt == null && (a.Level == AreaLevel.Community || a.Level == AreaLevel.Group), ct);
            if (area is null) check.Fail("AreaId", "Register_ChooseArea");
        }
        check.ThrowIfAny();

        if (await users.FindByNameAsync(phone!) is not null)
            throw new RuleViolation("account.phone_taken", "Register_PhoneTaken", "Phone", typeof(AccountsStrings));
        // From here on the request works inside the chosen area's district.
        request.SetDistrictOnly(area!.DistrictId);
        user.DistrictId = area.DistrictId;
        user.ResidentId = await RosterMatchAsync(phone!, user.DisplayName, area.Path, ct);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        AccountInput.ThrowIfFailed(await users.CreateAsync(user, password!), userNameField: "Phone");
        var assignment = new RoleAssignment(area.DistrictId, user.Id, Role.Resident, area.Id, area.Path, now, null);
        db.RoleAssignments.Add(assignment);
        request.SetUser(user.Id, user.UserName!, area.DistrictId);
        audit.Record(area.DistrictId, "account.registered", "account", user.Id, to: $"{Role.Resident}@{area.Id}",
            note: user.ResidentId is { } rid ? $"roster:{rid}" : null);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await signIn.SignInAsync(user, isPersistent: false);
        return new RegisterResult(user.Id, user.ResidentId is not null);
    }

    /// <summary>The roster resident with this phone in the area's subtree, not yet linked to an account; a namesake wins a tie.</summary>
    private async Task<Guid?> RosterMatchAsync(string phone, string displayName, string areaPath, CancellationToken ct)
    {
        var candidates = await (from r in db.Residents
                                join h in db.Households on r.HouseholdId equals h.Id
                                where r.Phone == phone && h.AreaPath.StartsWith(areaPath)
                                      && !db.Users.Any(u => u.ResidentId == r.Id)
                                select new { r.Id, r.Name }).ToListAsync(ct);
        if (candidates.Count == 1) return candidates[0].Id;
        var named = candidates.Where(c => c.Name == displayName).ToList();
        return named.Count == 1 ? named[0].Id : null;
    }

    internal static void Map(RouteGroupBuilder publicApi) =>
        publicApi.MapPost("/auth/register", async Task<Created<RegisterResult>> (RegisterInput input, RegisterResident handler, CancellationToken ct) =>
            {
                var result = await handler.HandleAsync(input, ct);
                return TypedResults.Created("/workbench", result);
            })
            .WithTags("Account").WithSummary("Resident registration with a mobile number; signs the new resident in");
}
