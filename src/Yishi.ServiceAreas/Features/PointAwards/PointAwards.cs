using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yishi.Platform.Audit;
using Yishi.Platform.Data;
using Yishi.Platform.Media;
using Yishi.Platform.Paging;
using Yishi.Platform.People.Domain;
using Yishi.Platform.Rules;
using Yishi.Platform.Security;
using Yishi.ServiceAreas.Domain;
using Yishi.ServiceAreas.Features.Activities;
using Yishi.ServiceAreas.Features.PointsShared;

namespace Yishi.ServiceAreas.Features.PointAwards;

public sealed record AwardPointsInput(Guid? HouseholdId, Guid? PointRuleId, [property: Required, MaxLength(PointEntry.EvidenceMaxLength)] string? Evidence, DateOnly? OccurredOn);

public sealed record PointEntryDto(Guid Id, Guid HouseholdId, string HouseNumber, Guid AreaId, string AreaName, Guid PointRuleId, string RuleCode, string RuleDescription,
    int RuleVersionNumber, int Points, string Evidence, DateOnly OccurredOn, DateTime AwardedAt, Guid? ReversesEntryId, bool Reversed, AppealStatus? AppealStatus, bool HasPhoto);

public sealed record HouseholdPointsDto(Guid HouseholdId, string HouseNumber, string AreaName, int Balance, Page<PointEntryDto> Entries);

/// <summary>A rule a household can be given points for on a day: the rules of the version in force that day.</summary>
public sealed record RuleChoice(Guid Id, string Code, string Description, int SignedPoints, string? EvidenceRequired, string? Category, int VersionNumber);

public sealed record HouseholdChoice(Guid Id, string HouseNumber, Guid AreaId, string AreaName);

/// <summary>
/// 积分: awarding points to a household (an append-only ledger line citing the rule and the version in force on the
/// day it happened), the household's balance (always the ledger's sum) and history, and the entries list.
/// </summary>
public sealed class PointAwards(YishiDbContext db, PointsAccess access, AuditTrail audit)
{
    public async Task<PointEntryDto> AwardAsync(AwardPointsInput input, CancellationToken ct = default) => await AwardAsync(input, null, ct);

    /// <summary>Awards with an optional photo of the evidence, processed by the caller (<see cref="PhotoUpload.ReadAsync"/>); both saved together.</summary>
    public async Task<PointEntryDto> AwardAsync(AwardPointsInput input, ProcessedPhoto? photo, CancellationToken ct = default)
    {
        var householdId = input.HouseholdId ?? throw new InputInvalid("HouseholdId", "Field_Required");
        var household = await access.HouseholdAsync(householdId, PointRoles.CanAward, ct);
        var ruleId = input.PointRuleId ?? throw new InputInvalid("PointRuleId", "Field_Required");
        var evidence = Check.RequiredText(input.Evidence, "Evidence", PointEntry.EvidenceMaxLength);
        var occurredOn = input.OccurredOn ?? throw new InputInvalid("OccurredOn", "Field_Required");
        if (occurredOn > access.Today)
            throw new RuleViolation("points.occurred_in_future", "Points_OccurredInFuture", "OccurredOn", typeof(PointsStrings), 422);

        var rule = await db.Set<PointRule>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == ruleId, ct)
            ?? throw new RuleViolation("points.rule_unknown", "Points_RuleUnknown", "PointRuleId", typeof(PointsStrings), 422);
        var version = await db.Set<PointListVersion>().AsNoTracking().FirstAsync(v => v.Id == rule.PointListVersionId, ct);
        var list = await db.Set<PointList>().AsNoTracking().FirstAsync(l => l.Id == version.PointListId, ct);
        if (list.AreaId != PointsAccess.CommunityId(household.AreaPath))
            throw new RuleViolation("points.rule_other_community", "Points_RuleOtherCommunity", "PointRuleId", typeof(PointsStrings), 422);
        if (version.IsDraft)
            throw new RuleViolation("points.rule_not_approved", "Points_RuleNotApproved", "PointRuleId", typeof(PointsStrings), 409, version.Number);
        var versions = await db.Set<PointListVersion>().AsNoTracking().Where(v => v.PointListId == list.Id).ToListAsync(ct);
        var inForce = PointRuleVersions.InForce(versions, occurredOn);
        if (inForce is null)
            throw new RuleViolation("points.no_list_in_force", "Points_NoListInForce", "OccurredOn", typeof(PointsStrings), 409, PointsAccess.Day(occurredOn));
        if (inForce.Id != version.Id)
            throw new RuleViolation("points.rule_not_in_force", "Points_RuleNotInForce", "PointRuleId", typeof(PointsStrings), 409, version.Number, inForce.Number, PointsAccess.Day(occurredOn));

        var entry = PointEntry.Award(household.DistrictId, household.Id, household.AreaId, household.AreaPath, rule, version.Number, evidence,
            access.Scope.UserId, access.Now, occurredOn);
        db.Add(entry);
        if (photo is not null) db.Add(new PointEntryPhoto(entry.DistrictId, entry.Id, photo, access.Scope.UserId, access.Now));
        audit.Record(household.DistrictId, "points.awarded", "household", household.Id, to: entry.Points.ToString("+0;-0", CultureInfo.InvariantCulture),
            note: $"{household.HouseNumber} {rule.Code} v{version.Number} entry {entry.Id}");
        await db.SaveChangesAsync(ct);
        var names = await access.AreaNamesAsync([household.AreaId], ct);
        return ToDto(entry, household.HouseNumber, names, rule, false, null, photo is not null);
    }

    /// <summary>The rules a household of <paramref name="communityId"/> can be given points for on <paramref name="day"/>.</summary>
    public async Task<IReadOnlyList<RuleChoice>> RulesInForceAsync(Guid communityId, DateOnly? day, CancellationToken ct = default)
    {
        await access.CommunityForReadingAsync(communityId, r => PointRoles.CanView(r) || PointRoles.CanAward(r) || PointRoles.CanManage(r), ct);
        return await RulesInForceUncheckedAsync(communityId, day ?? access.Today, ct);
    }

    internal async Task<IReadOnlyList<RuleChoice>> RulesInForceUncheckedAsync(Guid communityId, DateOnly day, CancellationToken ct)
    {
        var list = await db.Set<PointList>().AsNoTracking().FirstOrDefaultAsync(l => l.AreaId == communityId, ct);
        if (list is null) return [];
        var versions = await db.Set<PointListVersion>().AsNoTracking().Where(v => v.PointListId == list.Id).ToListAsync(ct);
        if (PointRuleVersions.InForce(versions, day) is not { } inForce) return [];
        var rules = await db.Set<PointRule>().AsNoTracking().Where(r => r.PointListVersionId == inForce.Id).ToListAsync(ct);
        return rules.OrderBy(r => r.Direction).ThenBy(r => r.Code, StringComparer.Ordinal)
            .Select(r => new RuleChoice(r.Id, r.Code, r.Description, r.SignedPoints, r.EvidenceRequired, r.Category, inForce.Number)).ToList();
    }

    /// <summary>The households of <paramref name="communityId"/> the caller may award points to, optionally those whose house number contains <paramref name="house"/>.</summary>
    public async Task<IReadOnlyList<HouseholdChoice>> HouseholdChoicesAsync(Guid communityId, string? house, CancellationToken ct = default)
    {
        var community = await access.CommunityForReadingAsync(communityId, PointRoles.CanAward, ct);
        var paths = (await access.Scope.PathsWhereAsync(PointRoles.CanAward, ct))
            .Select(p => community.Path.StartsWith(p, StringComparison.Ordinal) ? community.Path : p)
            .Where(p => p.StartsWith(community.Path, StringComparison.Ordinal)).Distinct().ToList();
        var q = db.Households.AsNoTracking().WithinAny(h => h.AreaPath, paths);
        if (house?.Trim() is { Length: > 0 } text) q = q.Where(h => h.HouseNumber.Contains(text));
        var rows = await q.OrderBy(h => h.AreaPath).ThenBy(h => h.HouseNumber).Take(500).ToListAsync(ct);
        var names = await access.AreaNamesAsync(rows.Select(h => h.AreaId), ct);
        return rows.Select(h => new HouseholdChoice(h.Id, h.HouseNumber, h.AreaId, names.GetValueOrDefault(h.AreaId, ""))).ToList();
    }

    /// <summary>A household's balance and history, for officials in scope.</summary>
    public async Task<HouseholdPointsDto> HouseholdAsync(Guid householdId, string? cursor, int? size, CancellationToken ct = default)
    {
        var household = await access.HouseholdAsync(householdId, PointRoles.CanView, ct);
        return await HistoryAsync(household, cursor, size, ct);
    }

    /// <summary>The signed-in resident's own household.</summary>
    public async Task<HouseholdPointsDto> MineAsync(string? cursor, int? size, CancellationToken ct = default)
        => await HistoryAsync(await access.RequireMyHouseholdAsync(ct), cursor, size, ct);

    internal async Task<HouseholdPointsDto> HistoryAsync(Household household, string? cursor, int? size, CancellationToken ct)
    {
        var balance = await BalanceAsync(db, household.Id, ct);
        var page = await EntriesAsync(db.Set<PointEntry>().Where(e => e.HouseholdId == household.Id), cursor, size, ct);
        var names = await access.AreaNamesAsync([household.AreaId], ct);
        return new HouseholdPointsDto(household.Id, household.HouseNumber, names.GetValueOrDefault(household.AreaId, ""), balance, page);
    }

    /// <summary>The balance: the sum of the ledger, nothing cached.</summary>
    public static async Task<int> BalanceAsync(YishiDbContext db, Guid householdId, CancellationToken ct)
        => await db.Set<PointEntry>().Where(e => e.HouseholdId == householdId).SumAsync(e => e.Points, ct);

    /// <summary>Entries in the caller's scope (optionally one area's subtree), newest first, keyset-paged.</summary>
    public async Task<Page<PointEntryDto>> ListAsync(Guid? areaId, string? cursor, int? size, CancellationToken ct = default)
    {
        var q = db.Set<PointEntry>().AsQueryable();
        if (areaId is { } id)
        {
            var area = await db.Areas.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFound("area");
            await access.Scope.RequireAsync(area.Path, PointRoles.CanView, "area", ct);
            q = q.Where(e => e.AreaPath.StartsWith(area.Path));
        }
        else
        {
            if (!access.Scope.IsSignedIn) throw new Forbidden();
            var paths = await access.Scope.PathsWhereAsync(PointRoles.CanView, ct);
            if (paths.Count == 0) throw new Forbidden();
            q = q.WithinAny(e => e.AreaPath, paths);
        }
        return await EntriesAsync(q, cursor, size, ct);
    }

    private async Task<Page<PointEntryDto>> EntriesAsync(IQueryable<PointEntry> q, string? cursor, int? size, CancellationToken ct)
    {
        var take = Keyset.Size(size);
        if (Keyset.Decode(cursor, 2) is [var dayText, var idText])
        {
            if (!DateOnly.TryParseExact(dayText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) || !Guid.TryParseExact(idText, "N", out var after))
                throw new InputInvalid("cursor", "Cursor_Invalid");
            q = q.Where(e => e.OccurredOn < day || (e.OccurredOn == day && e.Id.CompareTo(after) < 0));
        }
        // By the day it happened, newest first; ties by id (unique).
        var rows = await q.AsNoTracking().OrderByDescending(e => e.OccurredOn).ThenByDescending(e => e.Id).Take(take + 1).ToListAsync(ct);
        var page = Keyset.Build(rows, take, e => Keyset.Encode(PointsAccess.Day(e.OccurredOn), e.Id.ToString("N")));
        var ids = page.Items.Select(e => e.Id).ToList();
        var ruleIds = page.Items.Select(e => e.PointRuleId).Distinct().ToList();
        var householdIds = page.Items.Select(e => e.HouseholdId).Distinct().ToList();
        var rules = await db.Set<PointRule>().AsNoTracking().Where(r => ruleIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var houses = await db.Households.AsNoTracking().Where(h => householdIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.HouseNumber, ct);
        var reversed = await db.Set<PointEntry>().AsNoTracking().Where(e => e.ReversesEntryId != null && ids.Contains(e.ReversesEntryId.Value))
            .Select(e => e.ReversesEntryId!.Value).ToListAsync(ct);
        var appeals = (await db.Set<PointAppeal>().AsNoTracking().Where(a => ids.Contains(a.PointEntryId)).ToListAsync(ct))
            .GroupBy(a => a.PointEntryId).ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.RaisedAt).First().Status);
        var names = await access.AreaNamesAsync(page.Items.Select(e => e.AreaId), ct);
        var photos = await db.Set<PointEntryPhoto>().AsNoTracking().Where(p => ids.Contains(p.PointEntryId)).Select(p => p.PointEntryId).ToListAsync(ct);
        var items = page.Items.Select(e => ToDto(e, houses.GetValueOrDefault(e.HouseholdId, ""), names, rules[e.PointRuleId], reversed.Contains(e.Id),
            appeals.TryGetValue(e.Id, out var s) ? s : null, photos.Contains(e.Id))).ToList();
        return new Page<PointEntryDto>(items, page.Next);
    }

    private static PointEntryDto ToDto(PointEntry e, string houseNumber, Dictionary<Guid, string> areaNames, PointRule rule, bool reversed, AppealStatus? appeal, bool hasPhoto)
        => new(e.Id, e.HouseholdId, houseNumber, e.AreaId, areaNames.GetValueOrDefault(e.AreaId, ""), e.PointRuleId, rule.Code, rule.Description, e.RuleVersionNumber,
            e.Points, e.Evidence, e.OccurredOn, e.AwardedAt, e.ReversesEntryId, reversed, appeal, hasPhoto);

    /// <summary>An entry's photo (or its thumbnail), for officials who see the household and for the household's own residents.</summary>
    public async Task<PhotoFile> PhotoAsync(Guid entryId, bool thumbnail = false, CancellationToken ct = default)
    {
        var entry = await db.Set<PointEntry>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == entryId, ct) ?? throw new NotFound("photo");
        if (!await access.Scope.CanAsync(entry.AreaPath, PointRoles.CanView, ct) && (await access.MyHouseholdAsync(ct))?.Id != entry.HouseholdId)
            throw new NotFound("photo");
        return await db.Set<PointEntryPhoto>().AsNoTracking().Where(p => p.PointEntryId == entryId).FileAsync(thumbnail, ct)
            ?? throw new NotFound("photo");
    }

    internal static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("").WithTags("Points");
        g.MapPost("/point-entries", async (AwardPointsInput input, PointAwards h, CancellationToken ct) =>
            {
                var entry = await h.AwardAsync(input, ct);
                return TypedResults.Created($"/api/v1/households/{entry.HouseholdId}/points", entry);
            })
            .WithSummary("Award points to a household under a rule of the list version in force on the day it happened");
        g.MapPost("/point-entries/with-photo", async (HttpContext http, PointAwards h, CancellationToken ct) =>
            {
                if (!http.Request.HasFormContentType)
                    throw new BadHttpRequestException("multipart/form-data expected", StatusCodes.Status415UnsupportedMediaType);
                IFormCollection form;
                try
                {
                    form = await http.Request.ReadFormAsync(ct);
                }
                catch (InvalidDataException)
                {
                    throw new BadHttpRequestException("malformed multipart body", StatusCodes.Status400BadRequest);
                }
                var input = new AwardPointsInput(Guid.TryParse(form["householdId"], out var hh) ? hh : null, Guid.TryParse(form["pointRuleId"], out var rr) ? rr : null,
                    form["evidence"], DateOnly.TryParseExact(form["occurredOn"].ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null);
                if (form.Files.Count > 1) throw new InputInvalid("Photos", "Points_OnePhoto", typeof(PointsStrings));
                var photos = await PhotoUpload.ReadAsync(form.Files, "Photos", ct);
                var entry = await h.AwardAsync(input, photos.Count > 0 ? photos[0] : null, ct);
                return TypedResults.Created($"/api/v1/households/{entry.HouseholdId}/points", entry);
            })
            .Accepts<IFormFileCollection>("multipart/form-data")
            .WithSummary("Award with a photo of the evidence (multipart: householdId, pointRuleId, evidence, occurredOn, one JPEG/PNG/WebP photo up to 5 MB and 40 megapixels, stored re-encoded as JPEG without metadata)");
        g.MapGet("/point-entries/{id:guid}/photo", async (Guid id, int? thumb, HttpContext http, PointAwards h, CancellationToken ct) =>
                http.Serve(await h.PhotoAsync(id, thumb == 1, ct)))
            .WithSummary("An entry's photo (?thumb=1: its thumbnail, at most 320 px), for officials who see the household and the household's residents");
        g.MapGet("/point-entries", async (Guid? areaId, string? cursor, int? size, PointAwards h, CancellationToken ct) => TypedResults.Ok(await h.ListAsync(areaId, cursor, size, ct)))
            .WithSummary("Ledger entries in scope (optionally one area's subtree), newest first, keyset-paged");
        g.MapGet("/communities/{communityId:guid}/point-rules", async (Guid communityId, DateOnly? on, PointAwards h, CancellationToken ct) =>
                TypedResults.Ok(await h.RulesInForceAsync(communityId, on, ct)))
            .WithSummary("The rules in force on a day (default today)");
        g.MapGet("/households/{id:guid}/points", async (Guid id, string? cursor, int? size, PointAwards h, CancellationToken ct) =>
                TypedResults.Ok(await h.HouseholdAsync(id, cursor, size, ct)))
            .WithSummary("A household's balance (the ledger's sum) and history");
        g.MapGet("/my/points", async (string? cursor, int? size, PointAwards h, CancellationToken ct) => TypedResults.Ok(await h.MineAsync(cursor, size, ct)))
            .WithSummary("The signed-in resident's household: balance and history");
    }
}
