using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yishi.Platform.Audit;
using Yishi.Platform.Data;
using Yishi.Platform.Rules;
using Yishi.ServiceAreas.Domain;
using Yishi.ServiceAreas.Features.PointsShared;

namespace Yishi.ServiceAreas.Features.PointLists;

public sealed record PointRuleInput([property: Required, MaxLength(PointRule.CodeMaxLength)] string? Code, PointDirection? Direction, int? Points, [property: Required, MaxLength(PointRule.DescriptionMaxLength)] string? Description, [property: MaxLength(PointRule.EvidenceMaxLength)] string? EvidenceRequired, [property: MaxLength(PointRule.CategoryMaxLength)] string? Category);

/// <summary>Approval of a draft: cite a Deliberation resolution (<see cref="ResolutionId"/>) OR record the meeting vote by hand.</summary>
public sealed record ApprovePointListInput(DateOnly? EffectiveFrom, Guid? ResolutionId, DateOnly? MeetingDate, [property: MaxLength(PointListVersion.BodyNameMaxLength)] string? BodyName,
    int? MembersTotal, int? Present, int? For, int? Against, int? Abstain, int Version);

public sealed record PointRuleDto(Guid Id, string Code, PointDirection Direction, int Points, int SignedPoints, string Description, string? EvidenceRequired, string? Category)
{
    public static PointRuleDto From(PointRule r) => new(r.Id, r.Code, r.Direction, r.Points, r.SignedPoints, r.Description, r.EvidenceRequired, r.Category);
}

public sealed record PointListVersionDto(Guid Id, Guid CommunityId, int Number, PointListVersionStatus Status, DateTime DraftedAt, DateOnly? ApprovedOn, DateOnly? EffectiveFrom,
    Guid? ResolutionId, string? BodyName, int? MembersTotal, int? Present, int? For, int? Against, int? Abstain, int Version, IReadOnlyList<PointRuleDto> Rules);

public sealed record PointListDto(Guid CommunityId, string CommunityName, Guid? InForceVersionId, IReadOnlyList<PointListVersionDto> Versions);

/// <summary>
/// Approving a list by a representatives-assembly resolution recorded in Deliberation: returns the day the resolution
/// was adopted (China time) after checking, through <c>Yishi.Deliberation.Contracts.IResolutionRegistry</c>, that it
/// passed, was not withdrawn, was taken by a representatives meeting and belongs to the list's community.
/// </summary>
public interface IPointListResolutions
{
    Task<DateOnly> AdoptedOnAsync(Guid resolutionId, Guid communityId, CancellationToken ct);
}

internal sealed class RegistryPointListResolutions(YishiDbContext db, Yishi.Deliberation.Contracts.IResolutionRegistry registry) : IPointListResolutions
{
    public async Task<DateOnly> AdoptedOnAsync(Guid resolutionId, Guid communityId, CancellationToken ct)
    {
        var r = await registry.FindAsync(resolutionId, ct)
            ?? throw new InputInvalid("ResolutionId", "Points_ResolutionUnknown", typeof(PointsStrings));
        var communityPath = await db.Areas.AsNoTracking().Where(a => a.Id == communityId).Select(a => a.Path).FirstAsync(ct);
        if (!r.AreaPath.StartsWith(communityPath, StringComparison.Ordinal))
            throw new InputInvalid("ResolutionId", "Points_ResolutionUnknown", typeof(PointsStrings));
        if (!r.Passed || r.Status is "Withdrawn" or "NotPassed")
            throw new RuleViolation("points.resolution_not_passed", "Points_ResolutionNotPassed", "ResolutionId", typeof(PointsStrings), 422);
        if (r.CouncilKind != "Representatives")
            throw new RuleViolation("points.resolution_not_assembly", "Points_ResolutionNotAssembly", "ResolutionId", typeof(PointsStrings), 422);
        return DateOnly.FromDateTime(r.DecidedAt.AddHours(8));
    }
}

/// <summary>正负面清单: drafts (copied from the version in use), rule edits on drafts, approval, and the version in force.</summary>
public sealed class PointLists(YishiDbContext db, PointsAccess access, AuditTrail audit, IPointListResolutions resolutions)
{
    public async Task<PointListDto> GetAsync(Guid communityId, CancellationToken ct = default)
    {
        var community = await access.CommunityForReadingAsync(communityId, r => PointRoles.CanView(r) || PointRoles.CanManage(r), ct);
        return await LoadAsync(community.Id, community.Name, ct);
    }

    internal async Task<PointListDto> LoadAsync(Guid communityId, string communityName, CancellationToken ct)
    {
        var list = await db.Set<PointList>().AsNoTracking().FirstOrDefaultAsync(l => l.AreaId == communityId, ct);
        if (list is null) return new PointListDto(communityId, communityName, null, []);
        var versions = await db.Set<PointListVersion>().AsNoTracking().Where(v => v.PointListId == list.Id).OrderByDescending(v => v.Number).ToListAsync(ct);
        var ids = versions.Select(v => v.Id).ToList();
        var rules = await db.Set<PointRule>().AsNoTracking().Where(r => ids.Contains(r.PointListVersionId)).ToListAsync(ct);
        var inForce = PointRuleVersions.InForce(versions, access.Today);
        return new PointListDto(communityId, communityName, inForce?.Id, versions.Select(v => ToDto(v, communityId, rules)).ToList());
    }

    private static PointListVersionDto ToDto(PointListVersion v, Guid communityId, IEnumerable<PointRule> rules)
        => new(v.Id, communityId, v.Number, v.Status, v.DraftedAt, v.ApprovedOn, v.EffectiveFrom, v.ResolutionId, v.BodyName, v.MembersTotal, v.MembersPresent,
            v.VotesFor, v.VotesAgainst, v.VotesAbstain, v.Version,
            rules.Where(r => r.PointListVersionId == v.Id).OrderBy(r => r.Direction).ThenBy(r => r.Code, StringComparer.Ordinal).Select(PointRuleDto.From).ToList());

    /// <summary>A new draft: the first version of the community's list, or a copy of the version approved last.</summary>
    public async Task<PointListVersionDto> CreateDraftAsync(Guid communityId, CancellationToken ct = default)
    {
        var community = await access.CommunityAsync(communityId, PointRoles.CanManage, ct);
        var list = await db.Set<PointList>().FirstOrDefaultAsync(l => l.AreaId == community.Id, ct);
        if (list is null)
        {
            list = new PointList(community.DistrictId, community.Id, community.Path, access.Now);
            db.Add(list);
        }
        else if (await db.Set<PointListVersion>().AnyAsync(v => v.PointListId == list.Id && v.Status == PointListVersionStatus.Draft, ct))
        {
            throw new RuleViolation("points.draft_exists", "Points_DraftExists", null, typeof(PointsStrings));
        }
        var draft = list.NewDraft(access.Scope.UserId, access.Now);
        db.Add(draft);
        var current = await db.Set<PointListVersion>().Where(v => v.PointListId == list.Id && v.Status == PointListVersionStatus.Approved)
            .OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
        var copied = new List<PointRule>();
        if (current is not null)
        {
            copied = (await db.Set<PointRule>().AsNoTracking().Where(r => r.PointListVersionId == current.Id).ToListAsync(ct)).Select(r => r.CopyTo(draft.Id)).ToList();
            db.AddRange(copied);
        }
        audit.Record(community.DistrictId, "point_list.drafted", "point_list_version", draft.Id, to: $"v{draft.Number}",
            note: current is null ? null : $"copied from v{current.Number}");
        await SaveAsync(ct);
        return ToDto(draft, community.Id, copied);
    }

    public async Task<PointListVersionDto> GetVersionAsync(Guid versionId, CancellationToken ct = default)
    {
        var version = await db.Set<PointListVersion>().AsNoTracking().FirstOrDefaultAsync(v => v.Id == versionId, ct) ?? throw new NotFound("point_list_version");
        var list = await db.Set<PointList>().AsNoTracking().FirstAsync(l => l.Id == version.PointListId, ct);
        await access.CommunityForReadingAsync(list.AreaId, r => PointRoles.CanView(r) || PointRoles.CanManage(r), ct);
        var rules = await db.Set<PointRule>().AsNoTracking().Where(r => r.PointListVersionId == version.Id).ToListAsync(ct);
        return ToDto(version, list.AreaId, rules);
    }

    public async Task<PointRuleDto> AddRuleAsync(Guid versionId, PointRuleInput input, CancellationToken ct = default)
    {
        var (version, list) = await VersionAsync(versionId, PointRoles.CanManage, ct);
        version.EnsureDraft();
        var (code, direction, points, description, evidence, category) = Validate(input);
        await EnsureCodeFreeAsync(version.Id, code, null, ct);
        var rule = new PointRule(version.DistrictId, version.Id, code, direction, points, description, evidence, category);
        db.Add(rule);
        audit.Record(version.DistrictId, "point_rule.added", "point_list_version", version.Id, to: $"{code} {rule.SignedPoints:+0;-0}", note: $"v{version.Number}");
        await SaveAsync(ct);
        return PointRuleDto.From(rule);
    }

    public async Task<PointRuleDto> UpdateRuleAsync(Guid versionId, Guid ruleId, PointRuleInput input, CancellationToken ct = default)
    {
        var (version, _) = await VersionAsync(versionId, PointRoles.CanManage, ct);
        var rule = await db.Set<PointRule>().FirstOrDefaultAsync(r => r.Id == ruleId && r.PointListVersionId == version.Id, ct) ?? throw new NotFound("rule");
        version.EnsureDraft();
        var (code, direction, points, description, evidence, category) = Validate(input);
        await EnsureCodeFreeAsync(version.Id, code, rule.Id, ct);
        var from = $"{rule.Code} {rule.SignedPoints:+0;-0}";
        rule.Set(code, direction, points, description, evidence, category);
        audit.Record(version.DistrictId, "point_rule.changed", "point_list_version", version.Id, from, $"{code} {rule.SignedPoints:+0;-0}", $"v{version.Number}");
        await SaveAsync(ct);
        return PointRuleDto.From(rule);
    }

    public async Task RemoveRuleAsync(Guid versionId, Guid ruleId, CancellationToken ct = default)
    {
        var (version, _) = await VersionAsync(versionId, PointRoles.CanManage, ct);
        var rule = await db.Set<PointRule>().FirstOrDefaultAsync(r => r.Id == ruleId && r.PointListVersionId == version.Id, ct) ?? throw new NotFound("rule");
        version.EnsureDraft();
        db.Remove(rule);
        audit.Record(version.DistrictId, "point_rule.removed", "point_list_version", version.Id, from: rule.Code, note: $"v{version.Number}");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Records the approval of a draft; the version approved before it is superseded (it still applies to earlier days).</summary>
    public async Task<PointListVersionDto> ApproveAsync(Guid versionId, ApprovePointListInput input, CancellationToken ct = default)
    {
        var (version, list) = await VersionAsync(versionId, PointRoles.CanManage, ct);
        Concurrency.Expect(version, input.Version);
        version.EnsureDraft();
        var effectiveFrom = input.EffectiveFrom ?? throw new InputInvalid("EffectiveFrom", "Field_Required");
        var rules = await db.Set<PointRule>().Where(r => r.PointListVersionId == version.Id).ToListAsync(ct);
        if (rules.Count == 0) throw new RuleViolation("points.list_empty", "Points_ListEmpty", null, typeof(PointsStrings), 422);
        var current = await db.Set<PointListVersion>().Where(v => v.PointListId == list.Id && v.Status == PointListVersionStatus.Approved)
            .OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
        if (current?.EffectiveFrom is { } previous && effectiveFrom <= previous)
            throw new RuleViolation("points.effective_not_after_current", "Points_EffectiveNotAfterCurrent", "EffectiveFrom", typeof(PointsStrings), 422, PointsAccess.Day(previous));
        if (input.ResolutionId is { } resolutionId)
        {
            var adoptedOn = await resolutions.AdoptedOnAsync(resolutionId, list.AreaId, ct);
            version.ApproveByResolution(resolutionId, adoptedOn, effectiveFrom, access.Scope.UserId, access.Now);
        }
        else
        {
            var record = ValidateRecord(input);
            if (record.MeetingDate > access.Today)
                throw new RuleViolation("points.meeting_in_future", "Points_MeetingInFuture", "MeetingDate", typeof(PointsStrings), 422);
            version.ApproveManually(record, effectiveFrom, access.Scope.UserId, access.Now);
        }
        current?.Supersede(access.Now);
        audit.Record(version.DistrictId, "point_list.approved", "point_list_version", version.Id, "Draft", "Approved",
            version.ResolutionId is { } r
                ? $"v{version.Number} resolution {r} effective {PointsAccess.Day(effectiveFrom)}"
                : $"v{version.Number} {version.VotesFor}/{version.MembersPresent}/{version.MembersTotal} effective {PointsAccess.Day(effectiveFrom)}");
        if (current is not null)
            audit.Record(current.DistrictId, "point_list.superseded", "point_list_version", current.Id, "Approved", "Superseded", $"by v{version.Number}");
        await db.SaveChangesAsync(ct);
        return ToDto(version, list.AreaId, rules);
    }

    private static ApprovalRecord ValidateRecord(ApprovePointListInput input)
    {
        var errors = new Dictionary<string, string>();
        if (input.MeetingDate is null) errors["MeetingDate"] = "Field_Required";
        var body = input.BodyName?.Trim();
        if (string.IsNullOrEmpty(body)) errors["BodyName"] = "Field_Required";
        else if (body.Length > PointListVersion.BodyNameMaxLength) errors["BodyName"] = "Field_TooLong";
        if (input.MembersTotal is null) errors["MembersTotal"] = "Field_Required";
        if (input.Present is null) errors["Present"] = "Field_Required";
        if (input.For is null) errors["For"] = "Field_Required";
        if (errors.Count > 0) throw new InputInvalid(errors);
        return new ApprovalRecord(input.MeetingDate!.Value, body!, input.MembersTotal!.Value, input.Present!.Value, input.For!.Value, input.Against ?? 0, input.Abstain ?? 0);
    }

    private static (string Code, PointDirection Direction, int Points, string Description, string? Evidence, string? Category) Validate(PointRuleInput input)
    {
        var errors = new Dictionary<string, string>();
        string? code = null, description = null, evidence = null, category = null;
        try { code = Check.RequiredText(input.Code, "Code", PointRule.CodeMaxLength); } catch (InputInvalid e) { errors["Code"] = e.FieldKey(); }
        try { description = Check.RequiredText(input.Description, "Description", PointRule.DescriptionMaxLength); } catch (InputInvalid e) { errors["Description"] = e.FieldKey(); }
        try { evidence = Check.OptionalText(input.EvidenceRequired, "EvidenceRequired", PointRule.EvidenceMaxLength); } catch (InputInvalid e) { errors["EvidenceRequired"] = e.FieldKey(); }
        try { category = Check.OptionalText(input.Category, "Category", PointRule.CategoryMaxLength); } catch (InputInvalid e) { errors["Category"] = e.FieldKey(); }
        if (input.Direction is not { } direction || !Enum.IsDefined(direction)) { errors["Direction"] = "Field_Required"; direction = default; }
        if (input.Points is not { } points || points <= 0 || points > PointRule.MaxPoints) { errors["Points"] = "Points_PointsRange"; points = 0; }
        if (errors.Count > 0) throw new InputInvalid(errors, typeof(PointsStrings));
        return (code!, direction, points, description!, evidence, category);
    }

    private async Task EnsureCodeFreeAsync(Guid versionId, string code, Guid? except, CancellationToken ct)
    {
        if (await db.Set<PointRule>().AnyAsync(r => r.PointListVersionId == versionId && r.Code == code && r.Id != except, ct)) throw CodeTaken();
    }

    private static RuleViolation CodeTaken() => new("points.code_taken", "Points_CodeTaken", "Code", typeof(PointsStrings));

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            // Two drafts or two equal codes saved at the same moment: the unique index decides.
            throw new RuleViolation("points.conflict", "Points_SaveConflict", null, typeof(PointsStrings));
        }
    }

    private async Task<(PointListVersion Version, PointList List)> VersionAsync(Guid versionId, Func<Platform.Accounts.Domain.Role, bool> grants, CancellationToken ct)
    {
        var version = await db.Set<PointListVersion>().FirstOrDefaultAsync(v => v.Id == versionId, ct) ?? throw new NotFound("point_list_version");
        var list = await db.Set<PointList>().FirstAsync(l => l.Id == version.PointListId, ct);
        await access.Scope.RequireAsync(list.AreaPath, grants, "point_list_version", ct);
        return (version, list);
    }

    internal static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("").WithTags("Points");
        g.MapGet("/communities/{communityId:guid}/point-list", async (Guid communityId, PointLists h, CancellationToken ct) => TypedResults.Ok(await h.GetAsync(communityId, ct)))
            .WithSummary("The community's points list: every version with its rules, and which one is in force today");
        g.MapPost("/communities/{communityId:guid}/point-list/drafts", async (Guid communityId, PointLists h, CancellationToken ct) =>
            {
                var draft = await h.CreateDraftAsync(communityId, ct);
                return TypedResults.Created($"/api/v1/point-list-versions/{draft.Id}", draft);
            })
            .WithSummary("Start a draft (a copy of the version approved last; the first version starts empty)");
        g.MapGet("/point-list-versions/{id:guid}", async (Guid id, PointLists h, CancellationToken ct) => TypedResults.Ok(await h.GetVersionAsync(id, ct)))
            .WithSummary("One version of a points list with its rules");
        g.MapPost("/point-list-versions/{id:guid}/rules", async (Guid id, PointRuleInput input, PointLists h, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/point-list-versions/{id}", await h.AddRuleAsync(id, input, ct)))
            .WithSummary("Add a rule to a draft");
        g.MapPut("/point-list-versions/{id:guid}/rules/{ruleId:guid}", async (Guid id, Guid ruleId, PointRuleInput input, PointLists h, CancellationToken ct) =>
                TypedResults.Ok(await h.UpdateRuleAsync(id, ruleId, input, ct)))
            .WithSummary("Change a rule of a draft");
        g.MapDelete("/point-list-versions/{id:guid}/rules/{ruleId:guid}", async (Guid id, Guid ruleId, PointLists h, CancellationToken ct) =>
            {
                await h.RemoveRuleAsync(id, ruleId, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Remove a rule from a draft");
        g.MapPost("/point-list-versions/{id:guid}/approve", async (Guid id, ApprovePointListInput input, PointLists h, CancellationToken ct) =>
                TypedResults.Ok(await h.ApproveAsync(id, input, ct)))
            .WithSummary("Record the approval of a draft: a resolution id, or the meeting vote (quorum 2/3, more than half of those present for)");
    }
}

internal static class InputInvalidExtensions
{
    public static string FieldKey(this InputInvalid e) => e.Fields.Values.First();
}

public static class PointListVersionDtoExtensions
{
    public static bool IsDraft(this PointListVersionDto v) => v.Status == PointListVersionStatus.Draft;
}
