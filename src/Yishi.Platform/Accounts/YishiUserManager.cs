using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Yishi.Platform.Accounts.Domain;

namespace Yishi.Platform.Accounts;

/// <summary>
/// Identity's user manager with lockout decided on the injected <see cref="TimeProvider"/> instead of the
/// wall clock (Identity 10 reads <c>DateTimeOffset.UtcNow</c>), so "locked for 30 minutes" is the same
/// time the rest of Yishi sees, and tests move time instead of waiting.
/// </summary>
public sealed class YishiUserManager(
    IUserStore<YishiUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<YishiUser> passwordHasher,
    IEnumerable<IUserValidator<YishiUser>> userValidators,
    IEnumerable<IPasswordValidator<YishiUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<YishiUser>> logger,
    TimeProvider clock)
    : UserManager<YishiUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    private IUserLockoutStore<YishiUser> LockoutStore
        => Store as IUserLockoutStore<YishiUser> ?? throw new NotSupportedException("The user store does not support lockout.");

    public override async Task<bool> IsLockedOutAsync(YishiUser user)
    {
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(user);
        if (!await LockoutStore.GetLockoutEnabledAsync(user, CancellationToken)) return false;
        var end = await LockoutStore.GetLockoutEndDateAsync(user, CancellationToken);
        return end >= clock.GetUtcNow();
    }

    /// <summary>Same rule as Identity's: the Nth consecutive failure locks the account and resets the count.</summary>
    public override async Task<IdentityResult> AccessFailedAsync(YishiUser user)
    {
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(user);
        var count = await LockoutStore.IncrementAccessFailedCountAsync(user, CancellationToken);
        if (count >= Options.Lockout.MaxFailedAccessAttempts)
        {
            await LockoutStore.SetLockoutEndDateAsync(user, clock.GetUtcNow().Add(Options.Lockout.DefaultLockoutTimeSpan), CancellationToken);
            await LockoutStore.ResetAccessFailedCountAsync(user, CancellationToken);
        }
        return await UpdateUserAsync(user);
    }

    /// <summary>Locked-out state as shown in lists (no store round trip).</summary>
    public static bool IsLockedOut(YishiUser user, DateTimeOffset now) => user.LockoutEnabled && user.LockoutEnd >= now;
}
