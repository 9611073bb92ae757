using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yishi.Demands.Domain;
using Yishi.Platform.Audit;
using Yishi.Platform.Data;
using Yishi.Platform.Rules;
using NotFound = Yishi.Platform.Rules.NotFound;

namespace Yishi.Demands.Features.Settings;

public sealed record TriageRuleInput([property: Required, MaxLength(TriageRule.KeywordMaxLength)] string? Keyword, Ownership? Ownership, ContentCategory? ContentCategory, MustDeliberateCategory? MustDeliberate, int Version = 0);

public sealed record TriageRuleDto(Guid Id, string Keyword, Ownership? Ownership, ContentCategory? ContentCategory, MustDeliberateCategory? MustDeliberate, int Version);

/// <summary>
/// The district's keyword rules behind the triage suggestion. A district without rules runs on
/// <see cref="TriageSuggester.Defaults"/>; <see cref="LoadDefaultsAsync"/> copies them in so the admin edits real rows.
/// </summary>
public sealed class TriageRules(YishiDbContext db, SettingsAccess access, AuditTrail audit)
{
    public async Task<IReadOnlyList<TriageRuleDto>> ListAsync(CancellationToken ct = default)
    {
        await access.RequireConfigureAsync(ct);
        var rows = await db.Set<TriageRule>().AsNoTracking().ToListAsync(ct);
        return rows.OrderBy(r => r.Keyword, StringComparer.Ordinal).Select(Dto).ToList();
    }

    public async Task<TriageRuleDto> CreateAsync(TriageRuleInput input, CancellationToken ct = default)
    {
        var (keyword, ownership, category, must) = Validate(input);
        var districtId = await access.RequireConfigureAsync(ct);
        await EnsureFreeAsync(keyword, null, ct);
        var rule = new TriageRule(districtId, keyword, ownership, category, must);
        db.Add(rule);
        audit.Record(districtId, "demand_settings.triage_rule_created", "triage_rule", rule.Id, to: Describe(rule));
        await SettingsSave.SaveAsync(db, ct, Taken);
        return Dto(rule);
    }

    public async Task<TriageRuleDto> UpdateAsync(Guid id, TriageRuleInput input, CancellationToken ct = default)
    {
        var (keyword, ownership, category, must) = Validate(input);
        var districtId = await access.RequireConfigureAsync(ct);
        var rule = await db.Set<TriageRule>().FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFound("triage_rule");
        Concurrency.Expect(rule, input.Version);
        await EnsureFreeAsync(keyword, id, ct);
        var from = Describe(rule);
        rule.Keyword = keyword;
        rule.Ownership = ownership;
        rule.ContentCategory = category;
        rule.MustDeliberate = must;
        audit.Record(districtId, "demand_settings.triage_rule_changed", "triage_rule", rule.Id, from: from, to: Describe(rule));
        await SettingsSave.SaveAsync(db, ct, Taken);
        return Dto(rule);
    }

    public async Task DeleteAsync(Guid id, CancellationToken ct = default)
    {
        var districtId = await access.RequireConfigureAsync(ct);
        var rule = await db.Set<TriageRule>().FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFound("triage_rule");
        db.Remove(rule);
        audit.Record(districtId, "demand_settings.triage_rule_deleted", "triage_rule", rule.Id, from: Describe(rule));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Copies the built-in rules into a district that has none yet (409 once it has rules of its own).</summary>
    public async Task<IReadOnlyList<TriageRuleDto>> LoadDefaultsAsync(CancellationToken ct = default)
    {
        var districtId = await access.RequireConfigureAsync(ct);
        if (await db.Set<TriageRule>().AnyAsync(ct))
            throw new RuleViolation("triage_rules.not_empty", "Settings_TriageRulesNotEmpty", null, typeof(DemandStrings));
        foreach (var (keyword, ownership, category, must) in TriageSuggester.Defaults)
            db.Add(new TriageRule(districtId, keyword, ownership, category, must));
        audit.Record(districtId, "demand_settings.triage_defaults_loaded", "triage_rule", districtId, to: $"{TriageSuggester.Defaults.Length}");
        await SettingsSave.SaveAsync(db, ct);
        return await ListAsync(ct);
    }

    private static (string Keyword, Ownership? Ownership, ContentCategory? Category, MustDeliberateCategory? Must) Validate(TriageRuleInput input)
    {
        var errors = new Dictionary<string, string>();
        var keyword = input.Keyword?.Trim() ?? "";
        if (keyword.Length == 0) errors["Keyword"] = "Field_Required";
        else if (keyword.Length > TriageRule.KeywordMaxLength) errors["Keyword"] = "Settings_KeywordTooLong";
        if (input.Ownership is { } o && !Enum.IsDefined(o)) errors["Ownership"] = "Demand_CategoryUnknown";
        if (input.ContentCategory is { } c && !Enum.IsDefined(c)) errors["ContentCategory"] = "Demand_CategoryUnknown";
        if (input.MustDeliberate is { } m && !Enum.IsDefined(m)) errors["MustDeliberate"] = "Demand_CategoryUnknown";
        if (input.Ownership is null && input.ContentCategory is null && input.MustDeliberate is null) errors["Ownership"] = "Settings_TriageNeedsSuggestion";
        if (errors.Count > 0) throw new InputInvalid(errors, typeof(DemandStrings));
        return (keyword, input.Ownership, input.ContentCategory, input.MustDeliberate);
    }

    private async Task EnsureFreeAsync(string keyword, Guid? except, CancellationToken ct)
    {
        if (await db.Set<TriageRule>().AnyAsync(r => r.Keyword == keyword && r.Id != except, ct)) throw Taken();
    }

    private static RuleViolation Taken() => new("triage_rule.keyword_taken", "Settings_KeywordTaken", "Keyword", typeof(DemandStrings));

    // Keywords are not personal data; they are what the rule is.
    private static string Describe(TriageRule r) => $"{r.Keyword}:{r.Ownership}/{r.ContentCategory}/{r.MustDeliberate}";

    private static TriageRuleDto Dto(TriageRule r) => new(r.Id, r.Keyword, r.Ownership, r.ContentCategory, r.MustDeliberate, r.Version);

    internal static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/demand-settings/triage-rules", async (TriageRules handler, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(ct)))
            .WithTags("Demand settings").WithSummary("The district's triage keyword rules (empty: the built-in defaults are used)");
        api.MapPost("/demand-settings/triage-rules", async Task<Created<TriageRuleDto>> (TriageRuleInput input, TriageRules handler, CancellationToken ct) =>
            {
                var rule = await handler.CreateAsync(input, ct);
                return TypedResults.Created($"/api/v1/demand-settings/triage-rules/{rule.Id}", rule);
            })
            .WithTags("Demand settings").WithSummary("Add a keyword rule (keyword 1–20 characters, unique; at least one suggestion)");
        api.MapPut("/demand-settings/triage-rules/{id:guid}", async (Guid id, TriageRuleInput input, TriageRules handler, CancellationToken ct) => TypedResults.Ok(await handler.UpdateAsync(id, input, ct)))
            .WithTags("Demand settings").WithSummary("Change a keyword rule; send the Version you read");
        api.MapDelete("/demand-settings/triage-rules/{id:guid}", async (Guid id, TriageRules handler, CancellationToken ct) =>
            {
                await handler.DeleteAsync(id, ct);
                return TypedResults.NoContent();
            })
            .WithTags("Demand settings").WithSummary("Delete a keyword rule");
        api.MapPost("/demand-settings/triage-rules/load-defaults", async (TriageRules handler, CancellationToken ct) => TypedResults.Ok(await handler.LoadDefaultsAsync(ct)))
            .WithTags("Demand settings").WithSummary("Copy the built-in rules into a district that has none yet");
    }
}
