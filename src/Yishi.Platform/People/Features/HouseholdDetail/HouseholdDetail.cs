using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Data;
using Yishi.Platform.Rules;
using Yishi.Platform.Security;

namespace Yishi.Platform.People.Features.HouseholdDetail;

public sealed record TimelineEntry(DateTime At, string ActorName, string Action, string EntityType, Guid EntityId, string? From, string? To, string? Note);

public sealed record HouseholdDetailDto(Guid Id, Guid AreaId, string AreaPath, string CommunityName, string GroupName, string HouseNumber, DateTime CreatedAt,
    int Version, IReadOnlyList<ResidentDto> Members, IReadOnlyList<TimelineEntry> Timeline);

/// <summary>One household: its members (phones masked) and its timeline (the household's and its members' audit entries).</summary>
public sealed class HouseholdDetail(YishiDbContext db, AccessScope scope)
{
    public const int TimelineSize = 100;

    public async Task<HouseholdDetailDto> HandleAsync(Guid id, CancellationToken ct = default)
    {
        var household = await db.Households.AsNoTracking().Include(h => h.Members).FirstOrDefaultAsync(h => h.Id == id, ct)
            ?? throw new NotFound("household");
        await scope.RequireAsync(household.AreaPath, Permission.ViewHouseholds, "household", ct);
        var names = await AreaNamesLookup.ForPathsAsync(db, [household.AreaPath], ct);
        var (community, group) = AreaNamesLookup.Labels(household.AreaPath, names);
        var memberIds = household.Members.Select(m => m.Id).ToList();
        var timeline = await db.AuditEntries.AsNoTracking()
            .Where(a => (a.EntityType == "household" && a.EntityId == id) || (a.EntityType == "resident" && memberIds.Contains(a.EntityId)))
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Take(TimelineSize)
            .Select(a => new TimelineEntry(a.At, a.ActorName, a.Action, a.EntityType, a.EntityId, a.From, a.To, a.Note))
            .ToListAsync(ct);
        var members = household.Members.OrderByDescending(m => m.IsHead).ThenBy(m => m.Id).Select(ResidentDto.From).ToList();
        return new HouseholdDetailDto(household.Id, household.AreaId, household.AreaPath, community, group, household.HouseNumber, household.CreatedAt,
            household.Version, members, timeline);
    }

    internal static void Map(RouteGroupBuilder api) =>
        api.MapGet("/households/{id:guid}", async (Guid id, HouseholdDetail handler, CancellationToken ct)
                => TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .WithTags("Households").WithSummary("A household with its members (phones masked) and its audit timeline");
}
