using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Areas.Domain;
using Yishi.Platform.Audit;
using Yishi.Platform.Data;
using Yishi.Platform.People.Domain;
using Yishi.Platform.Rules;
using Yishi.Platform.Security;

namespace Yishi.Platform.People.Features.ImportRoster;

public sealed record CommitRosterInput(int? Version);

/// <summary>
/// Step 2: creates every household and resident of an error-free preview in one SaveChanges (one transaction:
/// all or nothing), once. Groups and house numbers are checked again, since time has passed since the preview.
/// </summary>
public sealed class CommitRoster(YishiDbContext db, AccessScope scope, AuditTrail audit, TimeProvider clock, IStringLocalizer<PeopleStrings> text)
{
    public async Task<RosterImportDto> HandleAsync(Guid importId, CommitRosterInput? input, CancellationToken ct = default)
    {
        var import = await db.RosterImports.FirstOrDefaultAsync(i => i.Id == importId, ct) ?? throw new NotFound("roster_import");
        await scope.RequireAsync(import.AreaPath, Permission.ManageHouseholds, "roster_import", ct);
        if (input?.Version is { } version) Concurrency.Expect(import, version);
        import.EnsureCommittable();

        var rows = PreviewRoster.Rows(import);
        var groupIds = rows.Select(r => r.GroupId!.Value).Distinct().ToList();
        var groups = await db.Areas.AsNoTracking()
            .Where(a => groupIds.Contains(a.Id) && a.ParentId == import.CommunityId && a.Level == AreaLevel.Group && a.RetiredAt == null)
            .ToDictionaryAsync(a => a.Id, ct);
        if (groups.Count != groupIds.Count) throw new RuleViolation("roster.stale", "Roster_Stale", null, typeof(PeopleStrings));
        var registered = await PreviewRoster.RegisteredAsync(db, import.AreaPath, rows.Select(r => r.HouseNumber).Distinct().ToList(), ct);
        if (rows.FirstOrDefault(r => registered.Contains((r.GroupId!.Value, r.HouseNumber))) is { } taken)
            throw new RuleViolation("roster.number_taken", "Roster_NumberTaken", null, typeof(PeopleStrings), 409, taken.Row, taken.HouseNumber);

        var now = clock.GetUtcNow().UtcDateTime;
        var residents = 0;
        foreach (var row in rows)
        {
            var group = groups[row.GroupId!.Value];
            var household = new Household(import.DistrictId, group.Id, group.Path, row.HouseNumber, now);
            household.Members.Add(new Resident(import.DistrictId, household.Id, row.Head, isHead: true, row.Phone.Length > 0 ? row.Phone : null));
            foreach (var member in row.Members) household.Members.Add(new Resident(import.DistrictId, household.Id, member, isHead: false, null));
            residents += household.Members.Count;
            db.Households.Add(household);
        }
        import.Commit(scope.UserId, now, rows.Count, residents);
        audit.Record(import.DistrictId, "roster.imported", "roster_import", import.Id, to: $"households:{rows.Count},residents:{residents}",
            note: $"community:{import.CommunityId:N}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            // A house number registered between the check above and the save: the unique index refused it and nothing was saved.
            throw new RuleViolation("roster.number_taken_now", "Roster_NumberTakenNow", null, typeof(PeopleStrings));
        }
        var community = await db.Areas.AsNoTracking().Where(a => a.Id == import.CommunityId).Select(a => a.Name).FirstOrDefaultAsync(ct) ?? "";
        return PreviewRoster.ToDto(import, community, [], text);
    }

    internal static void Map(RouteGroupBuilder api) =>
        api.MapPost("/roster-imports/{id:guid}/commit", async (Guid id, CommitRosterInput? input, CommitRoster handler, CancellationToken ct)
                => TypedResults.Ok(await handler.HandleAsync(id, input, ct)))
            .WithTags("Roster import").WithSummary("Create the previewed households and residents, all or nothing (only when the preview has no errors; once)");
}
