using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yishi.Demands.Domain;
using Yishi.Platform.Audit;
using Yishi.Platform.Data;
using Yishi.Platform.Rules;

namespace Yishi.Demands.Features.Settings;

public sealed record DemandSettingsInput(int? RatingWindowDays, int? ReviewAfterDays, int Version);

/// <summary>Version 0 and <c>Stored = false</c> while the district still runs on the defaults.</summary>
public sealed record DemandSettingsDto(int RatingWindowDays, int ReviewAfterDays, int Version, bool Stored);

/// <summary>How long residents may rate a handled demand, and when the council's follow-up review falls due.</summary>
public sealed class OtherSettings(YishiDbContext db, SettingsAccess access, AuditTrail audit)
{
    public const int RatingWindowMin = 1, RatingWindowMax = 60, ReviewAfterMin = 0, ReviewAfterMax = 90;

    public async Task<DemandSettingsDto> GetAsync(CancellationToken ct = default)
    {
        var districtId = await access.RequireConfigureAsync(ct);
        var s = await db.Set<DemandSettings>().AsNoTracking().FirstOrDefaultAsync(ct);
        return s is null ? Dto(new DemandSettings(districtId), false) : Dto(s, true);
    }

    public async Task<DemandSettingsDto> SetAsync(DemandSettingsInput input, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        if (input.RatingWindowDays is not (>= RatingWindowMin and <= RatingWindowMax)) errors["RatingWindowDays"] = "Settings_RatingWindowRange";
        if (input.ReviewAfterDays is not (>= ReviewAfterMin and <= ReviewAfterMax)) errors["ReviewAfterDays"] = "Settings_ReviewAfterRange";
        if (errors.Count > 0) throw new InputInvalid(errors, typeof(DemandStrings));
        var districtId = await access.RequireConfigureAsync(ct);
        var s = await db.Set<DemandSettings>().FirstOrDefaultAsync(ct);
        if (s is null)
        {
            // Not stored yet: the defaults were read as version 0.
            if (input.Version != 0) throw new RuleViolation("concurrency", "Concurrency_Conflict");
            // Stored settings start at version 1: version 0 means "still the defaults" to clients.
            s = new DemandSettings(districtId) { Version = 1 };
            db.Add(s);
        }
        else
        {
            Concurrency.Expect(s, input.Version);
        }
        var from = $"rating={s.RatingWindowDays}d,review={s.ReviewAfterDays}d";
        s.RatingWindowDays = input.RatingWindowDays!.Value;
        s.ReviewAfterDays = input.ReviewAfterDays!.Value;
        audit.Record(districtId, "demand_settings.changed", "demand_settings", s.Id, from: from, to: $"rating={s.RatingWindowDays}d,review={s.ReviewAfterDays}d");
        await SettingsSave.SaveAsync(db, ct);
        return Dto(s, true);
    }

    private static DemandSettingsDto Dto(DemandSettings s, bool stored) => new(s.RatingWindowDays, s.ReviewAfterDays, s.Version, stored);

    internal static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/demand-settings", async (OtherSettings handler, CancellationToken ct) => TypedResults.Ok(await handler.GetAsync(ct)))
            .WithTags("Demand settings").WithSummary("Rating window and follow-up review delay of the caller's district");
        api.MapPut("/demand-settings", async (DemandSettingsInput input, OtherSettings handler, CancellationToken ct) => TypedResults.Ok(await handler.SetAsync(input, ct)))
            .WithTags("Demand settings").WithSummary("Change the rating window (1–60 days) and the follow-up review delay (0–90 days); send the Version you read");
    }
}

internal static class SettingsSave
{
    /// <summary>
    /// Two first saves at once both insert and one trips a unique index: report it as the concurrency
    /// conflict it is (409), not a 500.
    /// </summary>
    public static async Task SaveAsync(YishiDbContext db, CancellationToken ct, Func<RuleViolation>? onDuplicate = null)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            throw onDuplicate?.Invoke() ?? new RuleViolation("concurrency", "Concurrency_Conflict");
        }
    }
}
