using Microsoft.EntityFrameworkCore;
using Yishi.Deliberation.Domain;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Audit;
using Yishi.Platform.Data;
using Yishi.Platform.Rules;
using Yishi.Platform.Security;

namespace Yishi.Deliberation.Features.Access;

/// <summary>Who may do what in deliberation. Deny by default; scope through <see cref="AccessScope"/>.</summary>
public static class DeliberationRoles
{
    /// <summary>Set up councils, their rules and members: the community secretary in their community, the district admin anywhere.</summary>
    public static bool CanManage(Role r) => r is Role.CommunitySecretary or Role.DistrictAdmin;

    /// <summary>See councils, meetings, topics and resolutions of the area.</summary>
    public static bool CanView(Role r) => r is Role.CouncilMember or Role.CommitteeMember or Role.CommunitySecretary or Role.StreetOfficer
        or Role.WorkGroupMember or Role.DistrictAdmin or Role.Auditor;

    /// <summary>Raise a topic as an official (origin Member); residents raise one as origin Residents.</summary>
    public static bool CanPropose(Role r) => r is Role.CouncilMember or Role.CommitteeMember or Role.CommunitySecretary;

    /// <summary>Comment during review: anyone holding a role in the topic's area, residents included.</summary>
    public static bool CanComment(Role r) => r is not (Role.Auditor or Role.SystemAdmin);

    /// <summary>Officials who hold a council role (navigation).</summary>
    public static bool HoldsCouncilRole(Role r) => r is Role.CouncilMember or Role.CommitteeMember or Role.CommunitySecretary or Role.DistrictAdmin
        or Role.StreetOfficer or Role.Auditor or Role.WorkGroupMember;
}

/// <summary>Loads councils, meetings and topics for viewing or acting (404 when not visible, 403 when visible but not allowed).</summary>
public sealed class DeliberationAccess(YishiDbContext db, AccessScope scope, RequestContext request, AuditTrail audit, TimeProvider clock)
{
    public DateTime Now => clock.GetUtcNow().UtcDateTime;
    public DateOnly Today => ChinaTime.Today(clock);
    public AuditTrail Audit => audit;
    public Guid? UserId => request.UserId;

    /// <summary>The caller's active membership of the council, if any.</summary>
    public async Task<CouncilMember?> MembershipAsync(Guid councilId, CancellationToken ct = default)
        => request.UserId is { } me
            ? await db.Set<CouncilMember>().FirstOrDefaultAsync(m => m.CouncilId == councilId && m.UserId == me && m.EndedOn == null, ct)
            : null;

    public async Task<bool> CanViewAsync(Council c, CancellationToken ct = default)
        => await scope.CanAsync(c.AreaPath, DeliberationRoles.CanView, ct) || await MembershipAsync(c.Id, ct) is not null;

    /// <summary>
    /// The caller holds a role (resident included) in the area, in its subtree or above it: a resident of a group
    /// belongs to the community's topics. Auditors and system admins only read.
    /// </summary>
    public async Task<bool> LivesInAsync(string areaPath, CancellationToken ct = default)
        => (await scope.HeldRolesAsync(ct)).Any(h => DeliberationRoles.CanComment(h.Role)
            && (h.AreaPath.StartsWith(areaPath, StringComparison.Ordinal) || areaPath.StartsWith(h.AreaPath, StringComparison.Ordinal)));

    /// <summary>Runs the council's meetings and procedure: its chair or secretary, the community secretary, the district admin.</summary>
    public async Task<bool> IsOfficerAsync(Council c, CancellationToken ct = default)
        => await scope.CanAsync(c.AreaPath, DeliberationRoles.CanManage, ct)
            || await MembershipAsync(c.Id, ct) is { Position: MemberPosition.Chair or MemberPosition.Secretary };

    public async Task<Council> CouncilForViewAsync(Guid id, CancellationToken ct = default)
    {
        var c = await db.Set<Council>().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFound("council");
        if (!await CanViewAsync(c, ct)) throw new NotFound("council");
        return c;
    }

    public async Task<Council> CouncilForManageAsync(Guid id, CancellationToken ct = default)
    {
        var c = await db.Set<Council>().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFound("council");
        await scope.RequireAsync(c.AreaPath, DeliberationRoles.CanManage, "council", ct);
        return c;
    }

    public async Task<Council> CouncilForOfficerAsync(Guid id, CancellationToken ct = default)
    {
        var c = await CouncilForViewAsync(id, ct);
        if (!await IsOfficerAsync(c, ct)) throw new Forbidden();
        return c;
    }

    public async Task<(Meeting Meeting, Council Council)> MeetingForViewAsync(Guid id, CancellationToken ct = default)
    {
        var m = await db.Set<Meeting>().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFound("meeting");
        var c = await db.Set<Council>().FirstAsync(x => x.Id == m.CouncilId, ct);
        if (!await CanViewAsync(c, ct)) throw new NotFound("meeting");
        return (m, c);
    }

    public async Task<(Meeting Meeting, Council Council)> MeetingForOfficerAsync(Guid id, CancellationToken ct = default)
    {
        var (m, c) = await MeetingForViewAsync(id, ct);
        if (!await IsOfficerAsync(c, ct)) throw new Forbidden();
        return (m, c);
    }

    /// <summary>A topic is visible to whoever sees its council, and to residents of its area (they may comment).</summary>
    public async Task<(Topic Topic, Council Council)> TopicForViewAsync(Guid id, CancellationToken ct = default)
    {
        var t = await db.Set<Topic>().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFound("topic");
        var c = await db.Set<Council>().FirstAsync(x => x.Id == t.CouncilId, ct);
        if (!await CanViewAsync(c, ct) && !await LivesInAsync(t.AreaPath, ct)) throw new NotFound("topic");
        return (t, c);
    }

    public async Task<(Topic Topic, Council Council)> TopicForOfficerAsync(Guid id, CancellationToken ct = default)
    {
        var (t, c) = await TopicForViewAsync(id, ct);
        if (!await IsOfficerAsync(c, ct)) throw new Forbidden();
        return (t, c);
    }

    /// <summary>Appends to the topic's timeline and the audit trail in the same unit of work.</summary>
    public void Record(Topic t, TopicChange change)
    {
        db.Set<TopicEvent>().Add(new TopicEvent(t.DistrictId, t.Id, change.Action.ToString(), change.From, change.To, Cap(change.Note), request.UserId, Now));
        audit.Record(t.DistrictId, "topic." + change.Action.ToString().ToLowerInvariant(), "topic", t.Id, change.From.ToString(), change.To.ToString(), Cap(change.Note));
    }

    public void RecordNote(Topic t, string action, string? note)
    {
        db.Set<TopicEvent>().Add(new TopicEvent(t.DistrictId, t.Id, action, t.Stage, t.Stage, Cap(note), request.UserId, Now));
        audit.Record(t.DistrictId, "topic." + action, "topic", t.Id, note: Cap(note));
    }

    internal static string? Cap(string? s) => s is { Length: > 2000 } ? s[..2000] : s;

    /// <summary>The community (or group) an area path belongs to, for the two-level areas councils sit in.</summary>
    public async Task<Platform.Areas.Domain.Area> AreaAsync(Guid areaId, CancellationToken ct = default)
        => await db.Areas.FirstOrDefaultAsync(a => a.Id == areaId, ct) ?? throw new NotFound("area");
}
