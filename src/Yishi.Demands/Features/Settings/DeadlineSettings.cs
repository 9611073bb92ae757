using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yishi.Demands.Domain;
using Yishi.Platform.Audit;
using Yishi.Platform.Data;
using Yishi.Platform.Rules;

namespace Yishi.Demands.Features.Settings;

/// <summary>One cell pair of the table. <c>Ownership = null</c> is "not yet triaged". Version 0 for a row still on the defaults.</summary>
public sealed record DeadlineRuleInput(Ownership? Ownership, bool Urgent, int? AcknowledgeMinutes, int? ResolveMinutes, int Version);

public sealed record DeadlineRulesInput(IReadOnlyList<DeadlineRuleInput>? Rules);

public sealed record DeadlineRuleDto(Ownership? Ownership, bool Urgent, int AcknowledgeMinutes, int ResolveMinutes, int Version, bool Stored);

public sealed record DeadlineRulesDto(IReadOnlyList<DeadlineRuleDto> Rules);

/// <summary>
/// The acknowledge-within / resolve-within table (ownership × urgency). A change applies to timers set from
/// now on; demands already running keep the due times they were given.
/// </summary>
public sealed class DeadlineSettings(YishiDbContext db, SettingsAccess access, AuditTrail audit)
{
    public const int MaxMinutes = 90 * 24 * 60;

    /// <summary>The rows of the table, in display order: unclassified, government, community, personal; normal before urgent.</summary>
    public static IReadOnlyList<(Ownership? Ownership, bool Urgent)> Cells { get; } =
        [.. new Ownership?[] { null, Ownership.Government, Ownership.Community, Ownership.Personal }.SelectMany(o => new[] { (o, false), (o, true) })];

    public async Task<DeadlineRulesDto> GetAsync(CancellationToken ct = default)
    {
        await access.RequireConfigureAsync(ct);
        var rows = await db.Set<DeadlineRule>().AsNoTracking().ToListAsync(ct);
        var policy = new DeadlinePolicy(rows);
        return new DeadlineRulesDto(Cells.Select(c =>
        {
            var row = rows.FirstOrDefault(r => r.Ownership == c.Ownership && r.Urgent == c.Urgent);
            var (ack, resolve) = policy.For(c.Ownership, c.Urgent);
            return new DeadlineRuleDto(c.Ownership, c.Urgent, (int)ack.TotalMinutes, (int)resolve.TotalMinutes, row?.Version ?? 0, row is not null);
        }).ToList());
    }

    /// <summary>
    /// Saves the rows sent (the others stay as they are). Every cell is then stored explicitly, so editing the
    /// "not yet triaged" row never silently changes the cells that used to fall back on it.
    /// </summary>
    public async Task<DeadlineRulesDto> SetAsync(DeadlineRulesInput input, CancellationToken ct = default)
    {
        var sent = Validate(input);
        var districtId = await access.RequireConfigureAsync(ct);
        var rows = await db.Set<DeadlineRule>().ToListAsync(ct);
        var before = new DeadlinePolicy([.. rows]);
        foreach (var (ownership, urgent) in Cells)
        {
            var row = rows.FirstOrDefault(r => r.Ownership == ownership && r.Urgent == urgent);
            var (ack, resolve) = before.For(ownership, urgent);
            var (oldAck, oldResolve) = ((int)ack.TotalMinutes, (int)resolve.TotalMinutes);
            var wanted = sent.FirstOrDefault(s => s.Ownership == ownership && s.Urgent == urgent);
            if (wanted is not null)
            {
                if (row is not null) Concurrency.Expect(row, wanted.Version);
                else if (wanted.Version != 0) throw new RuleViolation("concurrency", "Concurrency_Conflict");
            }
            var (newAck, newResolve) = wanted is null ? (oldAck, oldResolve) : (wanted.AcknowledgeMinutes!.Value, wanted.ResolveMinutes!.Value);
            if (row is null)
            {
                // Stored rows start at version 1: version 0 means "still the default" to clients.
                row = new DeadlineRule(districtId, ownership, urgent, newAck, newResolve) { Version = 1 };
                db.Add(row);
            }
            else
            {
                row.AcknowledgeMinutes = newAck;
                row.ResolveMinutes = newResolve;
            }
            if ((newAck, newResolve) != (oldAck, oldResolve))
                audit.Record(districtId, "demand_settings.deadline_changed", "deadline_rule", row.Id,
                    from: $"{oldAck}/{oldResolve}", to: $"{newAck}/{newResolve}", note: $"{ownership?.ToString() ?? "Unclassified"}/{(urgent ? "urgent" : "normal")}");
        }
        await SettingsSave.SaveAsync(db, ct);
        return await GetAsync(ct);
    }

    private static List<DeadlineRuleInput> Validate(DeadlineRulesInput input)
    {
        var errors = Errors(input);
        if (errors.Count > 0) throw new InputInvalid(errors, typeof(DemandStrings));
        return [.. input.Rules!];
    }

    /// <summary>Field → message key for everything wrong with <paramref name="input"/> (the page adds its own parse errors).</summary>
    public static Dictionary<string, string> Errors(DeadlineRulesInput input)
    {
        var errors = new Dictionary<string, string>();
        if (input.Rules is not { Count: > 0 } rules)
        {
            errors["Rules"] = "Field_Required";
            return errors;
        }
        var seen = new HashSet<(Ownership?, bool)>();
        for (var i = 0; i < rules.Count; i++)
        {
            var r = rules[i];
            var prefix = $"Rules[{i}].";
            if (r is null)
            {
                errors[$"Rules[{i}]"] = "Field_Required";
                continue;
            }
            if (r.Ownership is { } o && !Enum.IsDefined(o)) errors[prefix + "Ownership"] = "Demand_CategoryUnknown";
            else if (!seen.Add((r.Ownership, r.Urgent))) errors[prefix + "Ownership"] = "Settings_DeadlineDuplicate";
            var ackOk = Minutes(r.AcknowledgeMinutes, prefix + "AcknowledgeMinutes", errors);
            var resolveOk = Minutes(r.ResolveMinutes, prefix + "ResolveMinutes", errors);
            if (ackOk && resolveOk && r.AcknowledgeMinutes > r.ResolveMinutes) errors[prefix + "AcknowledgeMinutes"] = "Settings_AcknowledgeAfterResolve";
        }
        return errors;
    }

    private static bool Minutes(int? value, string field, Dictionary<string, string> errors)
    {
        switch (value)
        {
            case null:
                errors[field] = "Field_Required";
                return false;
            case < 1:
                errors[field] = "Settings_DeadlinePositive";
                return false;
            case > MaxMinutes:
                errors[field] = "Settings_DeadlineTooLong";
                return false;
            default:
                return true;
        }
    }

    internal static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/demand-settings/deadlines", async (DeadlineSettings handler, CancellationToken ct) => TypedResults.Ok(await handler.GetAsync(ct)))
            .WithTags("Demand settings").WithSummary("The deadlines in force (ownership × urgency), in minutes; rows not stored show the defaults");
        api.MapPut("/demand-settings/deadlines", async (DeadlineRulesInput input, DeadlineSettings handler, CancellationToken ct) => TypedResults.Ok(await handler.SetAsync(input, ct)))
            .WithTags("Demand settings").WithSummary("Change deadlines for new timers (running demands keep their due times); each row sends the Version it read");
    }
}
