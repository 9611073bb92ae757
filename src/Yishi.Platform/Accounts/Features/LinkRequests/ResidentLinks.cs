using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Accounts.Identity;
using Yishi.Platform.Audit;
using Yishi.Platform.Data;
using Yishi.Platform.Notifications;
using Yishi.Platform.Paging;
using Yishi.Platform.Rules;
using Yishi.Platform.Security;

namespace Yishi.Platform.Accounts.Features.LinkRequests;

public sealed record LinkCandidateDto(Guid ResidentId, string Name, string HouseNumber);

/// <summary>A pending link request as the officer sees it: the registrant's name, masked phone, stated address, and roster residents who may be them.</summary>
public sealed record LinkRequestDto(Guid Id, Guid UserId, string DisplayName, string Phone, Guid AreaId, string AreaName, string? HouseNumber,
    DateTime CreatedAt, LinkRequestStatus Status, int Version, IReadOnlyList<LinkCandidateDto> Candidates);

public sealed record ConfirmLinkInput(Guid? ResidentId, int Version);

public sealed record RefuseLinkInput([property: MaxLength(ResidentLinkRequest.ReasonMaxLength)] string? Reason, int Version);

/// <summary>
/// The queue of registrants waiting to be linked to their roster household, for the grid workers and community
/// secretaries of the area (in their scope only): confirm with the roster resident, or refuse. Audited.
/// </summary>
public sealed class ResidentLinks(YishiDbContext db, AccessScope scope, AuditTrail audit, Notifier notifier, TimeProvider clock)
{
    public static readonly IReadOnlyCollection<Role> Roles = [Role.GridWorker, Role.CommunitySecretary];

    public static bool MayDecide(Role role) => Roles.Contains(role);

    public async Task<Page<LinkRequestDto>> ListAsync(string? cursor, int? size, CancellationToken ct = default)
    {
        if (!scope.IsSignedIn) throw new Forbidden();
        var paths = await scope.PathsWhereAsync(MayDecide, ct);
        if (paths.Count == 0) throw new Forbidden();
        var take = Keyset.Size(size);
        var q = db.Set<ResidentLinkRequest>().AsNoTracking().Where(r => r.Status == LinkRequestStatus.Pending).WithinAny(r => r.AreaPath, paths);
        if (Keyset.Decode(cursor, 2) is [var atText, var idText])
        {
            if (!long.TryParse(atText, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) || ticks > DateTime.MaxValue.Ticks
                || !Guid.TryParseExact(idText, "N", out var id))
                throw new InputInvalid("cursor", "Cursor_Invalid");
            var at = new DateTime(ticks, DateTimeKind.Utc);
            q = q.Where(r => r.CreatedAt > at || (r.CreatedAt == at && r.Id > id));
        }
        var rows = await q.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Take(take + 1).ToListAsync(ct);
        var page = Keyset.Build(rows, take, r => Keyset.Encode(r.CreatedAt.Ticks.ToString(CultureInfo.InvariantCulture), r.Id.ToString("N")));
        // The page's registrants and areas in two queries; only the candidate search is per request.
        var userIds = page.Items.Select(r => r.UserId).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new Registrant(u.Id, u.DisplayName, u.PhoneNumber)).ToDictionaryAsync(u => u.Id, ct);
        var areaIds = page.Items.Select(r => r.AreaId).Distinct().ToList();
        var areas = await db.Areas.AsNoTracking().Where(a => areaIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var items = new List<LinkRequestDto>();
        foreach (var r in page.Items) items.Add(await DtoAsync(r, users.GetValueOrDefault(r.UserId), areas.GetValueOrDefault(r.AreaId) ?? "", ct));
        return new Page<LinkRequestDto>(items, page.Next);
    }

    public async Task<LinkRequestDto> ConfirmAsync(Guid id, ConfirmLinkInput input, CancellationToken ct = default)
    {
        var request = await RequireAsync(id, ct);
        Concurrency.Expect(request, input.Version);
        if (input.ResidentId is not { } residentId) throw new InputInvalid("ResidentId", "Link_ResidentOutside", typeof(IdentityStrings));
        var resident = await (from r in db.Residents
                              join h in db.Households on r.HouseholdId equals h.Id
                              where r.Id == residentId && h.AreaPath.StartsWith(request.AreaPath)
                              select r).FirstOrDefaultAsync(ct)
            ?? throw new InputInvalid("ResidentId", "Link_ResidentOutside", typeof(IdentityStrings));
        if (await db.Users.AnyAsync(u => u.ResidentId == resident.Id, ct))
            throw new RuleViolation("resident_link.resident_taken", "Link_ResidentTaken", "ResidentId", typeof(IdentityStrings));
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == request.UserId && u.DistrictId == request.DistrictId, ct) ?? throw new Rules.NotFound("resident_link");
        if (user.ResidentId is not null)
            throw new RuleViolation("resident_link.account_linked", "Link_AccountLinked", null, typeof(IdentityStrings));

        var now = clock.GetUtcNow().UtcDateTime;
        request.Confirm(resident.Id, now, scope.UserId);
        user.ResidentId = resident.Id;
        audit.Record(request.DistrictId, "resident_link.confirmed", "resident_link", request.Id,
            from: nameof(LinkRequestStatus.Pending), to: nameof(LinkRequestStatus.Confirmed), note: $"resident:{resident.Id}");
        audit.Record(request.DistrictId, "account.linked_to_roster", "account", user.Id, to: $"resident:{resident.Id}", note: $"resident_link:{request.Id}");
        await notifier.NotifyAsync(request.DistrictId, [user.Id], NotificationText.Of<IdentityStrings>("Link_ConfirmedNotice"), "/workbench", ct: ct);
        await db.SaveChangesAsync(ct);
        return await DtoAsync(request, ct);
    }

    public async Task<LinkRequestDto> RefuseAsync(Guid id, RefuseLinkInput input, CancellationToken ct = default)
    {
        var request = await RequireAsync(id, ct);
        Concurrency.Expect(request, input.Version);
        var reason = input.Reason?.Trim();
        if (string.IsNullOrEmpty(reason)) reason = null;
        else if (reason.Length > ResidentLinkRequest.ReasonMaxLength) throw new InputInvalid("Reason", "Field_TooLong");
        request.Refuse(reason, clock.GetUtcNow().UtcDateTime, scope.UserId);
        audit.Record(request.DistrictId, "resident_link.refused", "resident_link", request.Id,
            from: nameof(LinkRequestStatus.Pending), to: nameof(LinkRequestStatus.Refused));
        await notifier.NotifyAsync(request.DistrictId, [request.UserId], NotificationText.Of<IdentityStrings>("Link_RefusedNotice"), "/workbench", ct: ct);
        await db.SaveChangesAsync(ct);
        return await DtoAsync(request, ct);
    }

    private async Task<ResidentLinkRequest> RequireAsync(Guid id, CancellationToken ct)
    {
        if (!scope.IsSignedIn) throw new Forbidden();
        var request = await db.Set<ResidentLinkRequest>().FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new Rules.NotFound("resident_link");
        await scope.RequireAsync(request.AreaPath, MayDecide, "resident_link", ct);
        return request;
    }

    private sealed record Registrant(Guid Id, string DisplayName, string? PhoneNumber);

    private async Task<LinkRequestDto> DtoAsync(ResidentLinkRequest r, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == r.UserId)
            .Select(u => new Registrant(u.Id, u.DisplayName, u.PhoneNumber)).FirstOrDefaultAsync(ct);
        var areaName = await db.Areas.AsNoTracking().Where(a => a.Id == r.AreaId).Select(a => a.Name).FirstOrDefaultAsync(ct) ?? "";
        return await DtoAsync(r, user, areaName, ct);
    }

    private async Task<LinkRequestDto> DtoAsync(ResidentLinkRequest r, Registrant? user, string areaName, CancellationToken ct)
    {
        var candidates = new List<LinkCandidateDto>();
        if (r.Status == LinkRequestStatus.Pending && user is not null)
        {
            var (name, phone, house) = (user.DisplayName, user.PhoneNumber, r.HouseNumber ?? "");
            candidates = await (from res in db.Residents
                                join h in db.Households on res.HouseholdId equals h.Id
                                where h.AreaPath.StartsWith(r.AreaPath) && !db.Users.Any(u => u.ResidentId == res.Id)
                                      && (res.Name == name || (phone != null && res.Phone == phone) || (house != "" && h.HouseNumber.Contains(house)))
                                orderby h.HouseNumber, res.Name
                                select new LinkCandidateDto(res.Id, res.Name, h.HouseNumber)).Take(20).ToListAsync(ct);
        }
        return new LinkRequestDto(r.Id, r.UserId, user?.DisplayName ?? "", PersonalData.MaskPhone(user?.PhoneNumber), r.AreaId, areaName, r.HouseNumber,
            r.CreatedAt, r.Status, r.Version, candidates);
    }

    internal static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/resident-links").WithTags("Account");
        g.MapGet("", async (string? cursor, int? size, ResidentLinks h, CancellationToken ct) => TypedResults.Ok(await h.ListAsync(cursor, size, ct)))
            .WithSummary("Pending household link requests in the caller's areas, oldest first (grid worker, community secretary)");
        g.MapPost("/{id:guid}/confirm", async Task<Ok<LinkRequestDto>> (Guid id, ConfirmLinkInput input, ResidentLinks h, CancellationToken ct)
                => TypedResults.Ok(await h.ConfirmAsync(id, input, ct)))
            .WithSummary("Link the registrant's account to a roster resident of the request's area (audited)");
        g.MapPost("/{id:guid}/refuse", async Task<Ok<LinkRequestDto>> (Guid id, RefuseLinkInput input, ResidentLinks h, CancellationToken ct)
                => TypedResults.Ok(await h.RefuseAsync(id, input, ct)))
            .WithSummary("Refuse to link the registrant to a household (audited)");
    }
}
