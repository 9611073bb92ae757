using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Accounts.Identity;
using Yishi.Platform.Audit;
using Yishi.Platform.Data;
using Yishi.Platform.Notifications;

namespace Yishi.Platform.Accounts.Features.Register;

public sealed record RegisterInput(string? Phone, [property: Required, MaxLength(YishiUser.DisplayNameMaxLength)] string? DisplayName, string? Password, string? ConfirmPassword, Guid? AreaId,
    string? Code = null, [property: MaxLength(ResidentLinkRequest.HouseNumberMaxLength)] string? HouseNumber = null);

/// <summary>
/// The same answer whether the account was created or the phone already had one (then its owner is texted instead),
/// and never a word about the roster.
/// </summary>
public sealed record RegisterResult(string Outcome, string Next)
{
    public static readonly RegisterResult Submitted = new("submitted", "/account/sign-in");
}

/// <summary>
/// A resident registers with their mobile number (which becomes the user name), proved by the one-time code texted
/// to it (<see cref="RegistrationCode"/>), picking their community or group, where they get the Resident role.
/// The proved phone links the account to the roster resident of that area with the same phone; otherwise a link
/// request waits for the area's grid worker or community secretary (<see cref="LinkRequests.ResidentLinks"/>), and
/// until then the account sees nothing of any household. A phone that already has an account creates nothing: its
/// owner gets a text. Either way the answer is the same and the registrant signs in next.
/// </summary>
public sealed class RegisterResident(YishiDbContext db, YishiUserManager users, RegistrationCode codes, Notifier notifier,
    RequestContext request, AuditTrail audit, TimeProvider clock, IStringLocalizer<IdentityStrings> text)
{
    public async Task<RegisterResult> HandleAsync(RegisterInput input, CancellationToken ct = default)
    {
        var check = new AccountInput();
        var phone = check.Phone(input.Phone, "Phone", required: true);
        var displayName = check.Text(input.DisplayName, "DisplayName", YishiUser.DisplayNameMaxLength);
        var houseNumber = check.Text(input.HouseNumber, "HouseNumber", ResidentLinkRequest.HouseNumberMaxLength, required: false);
        var code = check.Text(input.Code, "Code", 10);
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
        var area = await RegistrationAreas.FindAsync(db, input.AreaId, check, ct);
        check.ThrowIfAny();

        // The registrant holds the phone: the code texted to it (a wrong one counts towards burning it).
        await codes.VerifyAsync(phone!, code!, ct);

        if (await users.FindByNameAsync(phone!) is { } owner)
        {
            // Create nothing; tell the owner. Hash the password anyway so both answers take about as long.
            users.PasswordHasher.HashPassword(user, password!);
            request.SetDistrictOnly(owner.DistrictId);
            notifier.Send(owner.DistrictId, OutboxChannels.Sms, phone!, "", text["Register_ExistingSms"]);
            audit.Record(owner.DistrictId, "account.registration_for_existing_phone", "account", owner.Id);
            await db.SaveChangesAsync(ct);
            return RegisterResult.Submitted;
        }

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
        if (user.ResidentId is null)
        {
            var link = new ResidentLinkRequest(area.DistrictId, user.Id, area.Id, area.Path, houseNumber, now);
            db.Add(link);
            audit.Record(area.DistrictId, "resident_link.requested", "resident_link", link.Id, to: nameof(LinkRequestStatus.Pending), note: $"account:{user.Id}");
            var officers = await notifier.UsersActingForAsync(area.DistrictId, area.Path, LinkRequests.ResidentLinks.Roles, ct);
            await notifier.NotifyAsync(area.DistrictId, officers, NotificationText.Of<IdentityStrings>("Link_Notify"), "/admin/resident-links", ct: ct);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return RegisterResult.Submitted;
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
        publicApi.MapPost("/auth/register", async Task<Accepted<RegisterResult>> (RegisterInput input, RegisterResident handler, CancellationToken ct) =>
                TypedResults.Accepted((string?)null, await handler.HandleAsync(input, ct)))
            .WithTags("Account").WithSummary("Resident registration with a mobile number and the code texted to it; the same answer whether or not the phone already had an account (then its owner is texted); sign in next");
}
