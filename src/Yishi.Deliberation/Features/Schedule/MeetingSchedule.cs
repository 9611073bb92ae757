using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yishi.Deliberation.Domain;
using Yishi.Deliberation.Features.Access;
using Yishi.Platform.Data;
using Yishi.Platform.Rules;
using Yishi.Platform.Security;

namespace Yishi.Deliberation.Features.Schedule;

public sealed record GenerateMeetingsInput(int? Weeks);

public sealed record CreateMeetingInput(MeetingKind? Kind, string? StartsAt, [property: MaxLength(Meeting.PlaceMaxLength)] string? Place, MeetingForm? Form);

public sealed record CancelMeetingInput([property: Required, MaxLength(Meeting.ReasonMaxLength)] string? Reason, int Version);

public sealed record MeetingView(Guid Id, Guid CouncilId, string Number, MeetingKind Kind, MeetingForm Form, string? Place, DateTime StartsAt,
    MeetingStatus Status, DateTime? AgendaPublishedAt, DateTime? OpenedAt, DateTime? AdjournedAt, string? CancelReason, MinutesStatus MinutesStatus, int Version)
{
    public static MeetingView From(Meeting m) => new(m.Id, m.CouncilId, m.Number, m.Kind, m.Form, m.Place, m.StartsAt, m.Status,
        m.AgendaPublishedAt, m.OpenedAt, m.AdjournedAt, m.CancelReason, m.MinutesStatus, m.Version);
}

/// <summary>Meetings of a council: generated from its recurrence (idempotent), scheduled by hand, emergency meetings (急事快议), cancelled with a reason.</summary>
public sealed class MeetingSchedule(YishiDbContext db, Sequences sequences, DeliberationAccess access)
{
    public const int MaxWeeks = 26;

    /// <summary>A meeting number, unique per district: YS-HY-2026-0012.</summary>
    internal static async Task<string> NextNumberAsync(Sequences sequences, Guid districtId, DateTime at, CancellationToken ct)
    {
        var year = ChinaTime.ToLocal(at).Year;
        var n = await sequences.NextAsync(districtId, $"meeting-{year}", ct);
        return string.Create(CultureInfo.InvariantCulture, $"YS-HY-{year}-{n:0000}");
    }

    internal static string SlotKey(DateTime startsAt) => ChinaTime.ToLocal(startsAt).ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);

    /// <summary>
    /// Creates the meetings of the council's recurrence between now and <paramref name="until"/> that do not exist yet
    /// (one per slot; a cancelled slot is not made again). Safe to run concurrently: the slot is a unique key.
    /// </summary>
    internal static async Task<int> GenerateAsync(YishiDbContext db, Sequences sequences, Council c, DateTime now, DateTime until, Guid? by, CancellationToken ct)
    {
        if (c.Archived) return 0;
        var slots = c.Recurrence.Occurrences(now, until);
        if (slots.Count == 0) return 0;
        var keys = slots.Select(SlotKey).ToList();
        var existing = (await db.Set<Meeting>().Where(m => m.CouncilId == c.Id && m.SlotKey != null && keys.Contains(m.SlotKey)).Select(m => m.SlotKey!).ToListAsync(ct)).ToHashSet();
        var created = 0;
        foreach (var at in slots)
        {
            var key = SlotKey(at);
            if (existing.Contains(key)) continue;
            var number = await NextNumberAsync(sequences, c.DistrictId, at, ct);
            var m = new Meeting(c.DistrictId, c.AreaId, c.AreaPath, c.Id, number, MeetingKind.Regular, c.Recurrence.Form, c.Recurrence.Place, at, key, now, by);
            db.Add(m);
            try
            {
                await db.SaveChangesAsync(ct);
                created++;
            }
            catch (DbUpdateException)
            {
                // Another request or instance made this slot first.
                db.Entry(m).State = EntityState.Detached;
            }
        }
        return created;
    }

    public async Task<int> GenerateAsync(Guid councilId, GenerateMeetingsInput input, CancellationToken ct = default)
    {
        var c = await access.CouncilForOfficerAsync(councilId, ct);
        var weeks = input.Weeks ?? 4;
        if (weeks is < 1 or > MaxWeeks) throw new InputInvalid("Weeks", "Schedule_WeeksInvalid", typeof(DeliberationStrings));
        var now = access.Now;
        var created = await GenerateAsync(db, sequences, c, now, now.AddDays(weeks * 7), access.UserId, ct);
        if (created > 0)
        {
            access.Audit.Record(c.DistrictId, "council.meetings_generated", "council", c.Id, to: created.ToString(CultureInfo.InvariantCulture));
            await db.SaveChangesAsync(ct);
        }
        return created;
    }

    /// <summary>A meeting outside the recurrence; an emergency meeting (急事快议) may start at once.</summary>
    public async Task<MeetingView> CreateAsync(Guid councilId, CreateMeetingInput input, CancellationToken ct = default)
    {
        var c = await access.CouncilForOfficerAsync(councilId, ct);
        var kind = input.Kind is { } k && Enum.IsDefined(k) ? k : MeetingKind.Regular;
        var form = input.Form is { } f && Enum.IsDefined(f) ? f : c.Recurrence.Form;
        var now = access.Now;
        DateTime startsAt;
        if (string.IsNullOrWhiteSpace(input.StartsAt) && kind == MeetingKind.Emergency) startsAt = now;
        else startsAt = ChinaTime.ParseLocal(input.StartsAt) ?? throw new InputInvalid("StartsAt", "Meeting_StartsAtInvalid", typeof(DeliberationStrings));
        // Minutes, not seconds: "now" typed in a form is a minute behind the clock.
        if (startsAt < now.AddMinutes(-1)) throw new InputInvalid("StartsAt", "Meeting_InPast", typeof(DeliberationStrings));
        if (startsAt > now.AddYears(2)) throw new InputInvalid("StartsAt", "Meeting_TooFar", typeof(DeliberationStrings));
        var place = Check.OptionalText(input.Place, "Place", Meeting.PlaceMaxLength) ?? c.Recurrence.Place;
        var number = await NextNumberAsync(sequences, c.DistrictId, startsAt, ct);
        var m = new Meeting(c.DistrictId, c.AreaId, c.AreaPath, c.Id, number, kind, form, place, startsAt, null, now, access.UserId);
        db.Add(m);
        access.Audit.Record(c.DistrictId, kind == MeetingKind.Emergency ? "meeting.emergency_called" : "meeting.scheduled", "meeting", m.Id, to: number);
        await db.SaveChangesAsync(ct);
        return MeetingView.From(m);
    }

    /// <summary>Cancels a meeting that has not started; topics on its agenda go back to review.</summary>
    public async Task<MeetingView> CancelAsync(Guid meetingId, CancelMeetingInput input, CancellationToken ct = default)
    {
        var reason = Check.RequiredText(input.Reason, "Reason", Meeting.ReasonMaxLength);
        var (m, _) = await access.MeetingForOfficerAsync(meetingId, ct);
        Concurrency.Expect(m, input.Version);
        var from = m.Status;
        m.Cancel(reason, access.Now);
        var topicIds = await db.Set<AgendaItem>().Where(a => a.MeetingId == m.Id).Select(a => a.TopicId).ToListAsync(ct);
        var topics = await db.Set<Topic>().Where(t => topicIds.Contains(t.Id) && t.Stage == TopicStage.Deliberation).ToListAsync(ct);
        foreach (var t in topics) access.Record(t, t.SendBack($"会议 {m.Number} 取消：{reason}", access.Now));
        access.Audit.Record(m.DistrictId, "meeting.cancelled", "meeting", m.Id, from.ToString(), m.Status.ToString(), DeliberationAccess.Cap(reason));
        await db.SaveChangesAsync(ct);
        return MeetingView.From(m);
    }

    public async Task<IReadOnlyList<MeetingView>> ListAsync(Guid councilId, bool past, CancellationToken ct = default)
    {
        var c = await access.CouncilForViewAsync(councilId, ct);
        var now = access.Now;
        var q = db.Set<Meeting>().AsNoTracking().Where(m => m.CouncilId == c.Id);
        q = past ? q.Where(m => m.StartsAt < now.AddHours(-12)).OrderByDescending(m => m.StartsAt)
            : q.Where(m => m.StartsAt >= now.AddHours(-12) || m.Status == MeetingStatus.InSession).OrderBy(m => m.StartsAt);
        return (await q.Take(100).ToListAsync(ct)).Select(MeetingView.From).ToList();
    }

    internal static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/deliberation").WithTags("Deliberation");
        g.MapGet("/councils/{id:guid}/meetings", async (Guid id, bool? past, MeetingSchedule h, CancellationToken ct) => TypedResults.Ok(await h.ListAsync(id, past ?? false, ct)))
            .WithSummary("Upcoming (or past=true: earlier) meetings of a council");
        g.MapPost("/councils/{id:guid}/meetings/generate", async (Guid id, GenerateMeetingsInput input, MeetingSchedule h, CancellationToken ct)
            => TypedResults.Ok(new { created = await h.GenerateAsync(id, input, ct) })).WithSummary("Create the meetings of the recurrence for the next N weeks (never duplicates a slot)");
        g.MapPost("/councils/{id:guid}/meetings", async (Guid id, CreateMeetingInput input, MeetingSchedule h, CancellationToken ct) =>
        {
            var m = await h.CreateAsync(id, input, ct);
            return TypedResults.Created($"/api/v1/deliberation/meetings/{m.Id}", m);
        }).WithSummary("Schedule a meeting (StartsAt in China time, yyyy-MM-ddTHH:mm) or call an emergency meeting (Kind=Emergency)");
        g.MapPost("/meetings/{id:guid}/cancel", async (Guid id, CancelMeetingInput input, MeetingSchedule h, CancellationToken ct) => TypedResults.Ok(await h.CancelAsync(id, input, ct)))
            .WithSummary("Cancel a meeting that has not started, with a reason; its topics go back to review");
    }
}
