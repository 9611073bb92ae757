using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yishi.Platform.Accounts.Identity;
using Yishi.Platform.Areas.Domain;
using Yishi.Platform.Data;
using Yishi.Platform.Notifications;
using Yishi.Platform.Rules;

namespace Yishi.Platform.Accounts.Features.Register;

public sealed record RegistrationCodeInput(string? Phone, Guid? AreaId);

/// <summary>The same answer for every phone: when a code was sent, how long it lives, when the next one may be asked for.</summary>
public sealed record RegistrationCodeResult(int ExpiresInSeconds, int ResendAfterSeconds);

/// <summary>Limits of the registration code; all checked against the database, so they hold across app instances.</summary>
public static class RegistrationCodePolicy
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan ResendAfter = TimeSpan.FromSeconds(60);
    public const int MaxPerDay = 5;
    public const int MaxAttempts = 5;
}

/// <summary>
/// "Get code": texts a 6-digit one-time code (through the outbox and the SMS gateway) to the phone a resident
/// registers with. It answers the same for any phone, whether or not it has an account or is on a roster.
/// </summary>
public sealed class RegistrationCode(YishiDbContext db, RequestContext request, Notifier notifier, TimeProvider clock,
    IStringLocalizer<IdentityStrings> text)
{
    public async Task<RegistrationCodeResult> SendAsync(RegistrationCodeInput input, CancellationToken ct = default)
    {
        var check = new AccountInput();
        var phone = check.Phone(input.Phone, "Phone", required: true);
        var area = await RegistrationAreas.FindAsync(db, input.AreaId, check, ct);
        check.ThrowIfAny();

        var now = clock.GetUtcNow().UtcDateTime;
        var recent = await db.Set<PhoneVerification>().IgnoreQueryFilters()
            .Where(v => v.Phone == phone && v.Purpose == PhoneVerification.Register && v.CreatedAt > now.AddDays(-1))
            .OrderByDescending(v => v.CreatedAt).ToListAsync(ct);
        if (recent.Count > 0 && recent[0].CreatedAt > now - RegistrationCodePolicy.ResendAfter)
            throw new RuleViolation("verification.too_soon", "Code_TooSoon", "Phone", typeof(IdentityStrings), StatusCodes.Status429TooManyRequests);
        if (recent.Count >= RegistrationCodePolicy.MaxPerDay)
            throw new RuleViolation("verification.daily_limit", "Code_DailyLimit", "Phone", typeof(IdentityStrings), StatusCodes.Status429TooManyRequests);

        request.SetDistrictOnly(area!.DistrictId);
        // Only the newest code works.
        foreach (var open in recent.Where(v => v.ClosedAt is null)) open.Close(now);
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        db.Add(new PhoneVerification(area.DistrictId, phone!, PhoneVerification.Register, code, now, RegistrationCodePolicy.Lifetime));
        notifier.Send(area.DistrictId, OutboxChannels.Sms, phone!, "", text["Code_Sms", code]);
        await db.SaveChangesAsync(ct);
        return new RegistrationCodeResult((int)RegistrationCodePolicy.Lifetime.TotalSeconds, (int)RegistrationCodePolicy.ResendAfter.TotalSeconds);
    }

    /// <summary>
    /// Checks the registrant's code against the phone's newest open code and closes it when right. A wrong code
    /// counts (saved at once, so the count survives the refusal); the fifth wrong one burns the code.
    /// </summary>
    internal async Task VerifyAsync(string phone, string code, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var latest = await db.Set<PhoneVerification>().IgnoreQueryFilters()
            .Where(v => v.Phone == phone && v.Purpose == PhoneVerification.Register)
            .OrderByDescending(v => v.CreatedAt).FirstOrDefaultAsync(ct);
        if (latest is null || !latest.IsOpen(now))
            throw new InputInvalid("Code", "Code_Expired", typeof(IdentityStrings));
        var normalized = code.Trim();
        if (latest.Try(normalized, now, RegistrationCodePolicy.MaxAttempts)) return;
        await db.SaveChangesAsync(ct);
        throw new InputInvalid("Code", latest.ClosedAt is null ? "Code_Wrong" : "Code_Expired", typeof(IdentityStrings));
    }

    internal static void Map(RouteGroupBuilder publicApi) =>
        publicApi.MapPost("/auth/register/code", async Task<Accepted<RegistrationCodeResult>> (RegistrationCodeInput input, RegistrationCode handler, CancellationToken ct)
                => TypedResults.Accepted((string?)null, await handler.SendAsync(input, ct)))
            .WithTags("Account").WithSummary("Text a one-time registration code to a phone (the same answer for any phone; at most one a minute and five a day per phone)");
}

/// <summary>The community or group a resident registers in: active, any district.</summary>
internal static class RegistrationAreas
{
    public static async Task<Area?> FindAsync(YishiDbContext db, Guid? areaId, AccountInput check, CancellationToken ct)
    {
        if (areaId is not { } id) { check.Fail("AreaId", "Register_ChooseArea"); return null; }
        var area = await db.Areas.IgnoreQueryFilters()
            .FirstOrDefaultAsync(a => a.Id == id && a.RetiredAt == null && (a.Level == AreaLevel.Community || a.Level == AreaLevel.Group), ct);
        if (area is null) check.Fail("AreaId", "Register_ChooseArea");
        return area;
    }
}
