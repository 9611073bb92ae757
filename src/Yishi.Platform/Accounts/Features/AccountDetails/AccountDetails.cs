using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Yishi.Platform.Data;

namespace Yishi.Platform.Accounts.Features.AccountDetails;

/// <summary>One account with its whole role history (revoked roles included), if the caller may see it.</summary>
public sealed class AccountDetails(YishiDbContext db, AccountAccess access, YishiUserManager users)
{
    public async Task<AccountDto> HandleAsync(Guid id, CancellationToken ct = default)
        => await DescribeAsync(db, access, users, await access.RequireVisibleAsync(id, ct), ct);

    internal static async Task<AccountDto> DescribeAsync(YishiDbContext db, AccountAccess access, YishiUserManager users, AccountAccess.Managed account, CancellationToken ct)
    {
        var roles = await AreaLabels.DescribeAsync(db, account.Assignments, ct);
        var ordered = roles.OrderBy(r => r.RevokedAt is not null).ThenBy(r => r.AreaLevel).ThenBy(r => r.Role).ThenByDescending(r => r.GrantedAt);
        return AccountDto.From(account.User, ordered, users.Now) with { Manageable = await access.ControlsAsync(account, ct) };
    }

    internal static void Map(RouteGroupBuilder api) =>
        api.MapGet("/accounts/{id:guid}", async (Guid id, AccountDetails handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .WithTags("Accounts").WithSummary("One account with its role history");
}
