using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Audit;
using Yishi.Platform.Data;
using Yishi.Platform.Rules;
using Yishi.Platform.Security;

namespace Yishi.Platform.Accounts.Features.CreateAccount;

/// <summary>An official's account with its first role: an account always lives in some administrator's scope.</summary>
public sealed record CreateAccountInput(string? UserName, [property: Required, MaxLength(YishiUser.DisplayNameMaxLength)] string? DisplayName, string? Phone, string? Password, Role? Role, Guid? AreaId);

public sealed class CreateAccount(YishiDbContext db, AccessScope scope, AccountAccess access, YishiUserManager users, AuditTrail audit, TimeProvider clock)
{
    public async Task<AccountDto> HandleAsync(CreateAccountInput input, CancellationToken ct = default)
    {
        var check = new AccountInput();
        var userName = check.UserName(input.UserName);
        var displayName = check.Text(input.DisplayName, "DisplayName", YishiUser.DisplayNameMaxLength);
        var phone = check.Phone(input.Phone, "Phone", required: false);
        if (input.Role is null) check.Fail("Role", "Field_Required");
        if (input.AreaId is null) check.Fail("AreaId", "Field_Required");
        var now = clock.GetUtcNow().UtcDateTime;
        var user = new YishiUser
        {
            Id = Guid.CreateVersion7(),
            UserName = userName,
            DisplayName = displayName ?? "",
            PhoneNumber = phone,
            Kind = input.Role == Role.Resident ? AccountKind.Resident : AccountKind.Official,
            CreatedAt = now,
        };
        var password = await check.PasswordAsync(users, user, input.Password);
        check.ThrowIfAny();

        var role = input.Role!.Value;
        var area = await access.RequireAssignableAreaAsync(input.AreaId!.Value, ct);
        if (!await access.MayGrantAsync(area.Path, role, ct)) throw new Forbidden();
        if (await users.FindByNameAsync(userName!) is not null)
            throw new RuleViolation("account.user_name_taken", "Account_UserNameTaken", "UserName", typeof(AccountsStrings));

        user.DistrictId = area.DistrictId;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        AccountInput.ThrowIfFailed(await users.CreateAsync(user, password!));
        var assignment = new RoleAssignment(area.DistrictId, user.Id, role, area.Id, area.Path, now, scope.UserId);
        db.RoleAssignments.Add(assignment);
        // Ids and roles only: no names or phones in the audit trail.
        audit.Record(area.DistrictId, "account.created", "account", user.Id, to: user.Kind.ToString());
        audit.Record(area.DistrictId, "role.granted", "account", user.Id, to: $"{role}@{area.Id}", note: $"assignment:{assignment.Id}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return AccountDto.From(user, await AreaLabels.DescribeAsync(db, [assignment], ct), users.Now);
    }

    internal static void Map(RouteGroupBuilder api) =>
        api.MapPost("/accounts", async Task<Created<AccountDto>> (CreateAccountInput input, CreateAccount handler, CancellationToken ct) =>
            {
                var account = await handler.HandleAsync(input, ct);
                return TypedResults.Created($"/api/v1/accounts/{account.Id}", account);
            })
            .WithTags("Accounts").WithSummary("Create an official's account with an initial password and a first role in an area");
}
