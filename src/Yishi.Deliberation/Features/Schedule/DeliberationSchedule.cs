using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Yishi.Deliberation.Domain;
using Yishi.Platform.Data;
using Yishi.Platform.Notifications;

namespace Yishi.Deliberation.Features.Schedule;

/// <summary>
/// Keeps every council's next four weeks of regular meetings in the database, and reminds members the day before
/// a meeting, once: the reminder is claimed with a conditional UPDATE (ReminderSentAt IS NULL) in the same
/// transaction as the notifications, so two instances or a restart never send it twice.
/// </summary>
public sealed class DeliberationSchedule(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DeliberationSchedule> log)
{
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(28);
    public static readonly TimeSpan RemindBefore = TimeSpan.FromDays(1);

    public async Task<(int Generated, int Reminded)> RunOnceAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<(Guid Id, Guid DistrictId)> councils, due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<YishiDbContext>();
            councils = (await db.Set<Council>().IgnoreQueryFilters().AsNoTracking()
                    .Where(c => !c.Archived && c.Recurrence.Kind != RecurrenceKind.None).Select(c => new { c.Id, c.DistrictId }).ToListAsync(ct))
                .Select(c => (c.Id, c.DistrictId)).ToList();
        }
        var generated = 0;
        foreach (var (id, districtId) in councils)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<RequestContext>().SetSystem(districtId, "schedule");
            var db = scope.ServiceProvider.GetRequiredService<YishiDbContext>();
            var council = await db.Set<Council>().FirstAsync(c => c.Id == id, ct);
            generated += await MeetingSchedule.GenerateAsync(db, scope.ServiceProvider.GetRequiredService<Sequences>(), council, now, now + Horizon, null, ct);
        }
        // Generated first, so a meeting made in this pass that starts within a day is reminded in the same pass.
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<YishiDbContext>();
            var soon = now + RemindBefore;
            due = (await db.Set<Meeting>().IgnoreQueryFilters().AsNoTracking()
                    .Where(m => m.ReminderSentAt == null && m.StartsAt > now && m.StartsAt <= soon
                        && (m.Status == MeetingStatus.Scheduled || m.Status == MeetingStatus.AgendaPublished))
                    .OrderBy(m => m.StartsAt).Take(500).Select(m => new { m.Id, m.DistrictId }).ToListAsync(ct))
                .Select(m => (m.Id, m.DistrictId)).ToList();
        }
        var reminded = 0;
        foreach (var (id, districtId) in due)
            if (await RemindAsync(id, districtId, now, ct)) reminded++;
        var effective = await TakeEffectAsync(now, ct);
        if (generated + reminded + effective > 0)
            log.LogInformation("Deliberation schedule: {Generated} meetings generated, {Reminded} reminders sent, {Effective} resolutions took effect", generated, reminded, effective);
        return (generated, reminded);
    }

    /// <summary>Resolutions whose public notice is over take effect (公示期满生效), district by district.</summary>
    public async Task<int> TakeEffectAsync(DateTime now, CancellationToken ct = default)
    {
        List<Guid> districts;
        await using (var scope = scopes.CreateAsyncScope())
        {
            districts = await scope.ServiceProvider.GetRequiredService<YishiDbContext>().Set<Resolution>().IgnoreQueryFilters().AsNoTracking()
                .Where(r => r.Status == ResolutionStatus.UnderNotice && r.NoticeEndsAt <= now).Select(r => r.DistrictId).Distinct().ToListAsync(ct);
        }
        var count = 0;
        foreach (var districtId in districts)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<RequestContext>().SetSystem(districtId, "schedule");
            count += await scope.ServiceProvider.GetRequiredService<FollowThrough.FollowThrough>().TakeEffectDueAsync(ct);
        }
        return count;
    }

    private async Task<bool> RemindAsync(Guid meetingId, Guid districtId, DateTime now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<RequestContext>().SetSystem(districtId, "schedule");
        var db = scope.ServiceProvider.GetRequiredService<YishiDbContext>();
        var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.Set<Meeting>().Where(m => m.Id == meetingId && m.ReminderSentAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ReminderSentAt, now), ct);
        if (claimed != 1) return false;
        var m = await db.Set<Meeting>().AsNoTracking().FirstAsync(x => x.Id == meetingId, ct);
        var council = await db.Set<Council>().AsNoTracking().FirstAsync(c => c.Id == m.CouncilId, ct);
        var users = await db.Set<CouncilMember>().Where(x => x.CouncilId == m.CouncilId && x.EndedOn == null && x.UserId != null).Select(x => x.UserId!.Value).ToListAsync(ct);
        await notifier.NotifyAsync(districtId, users, NotificationText.Of<DeliberationStrings>("Notify_MeetingReminder",
            ("council", council.Name), ("meeting", m.Number), ("startsAt", ChinaTime.Format(m.StartsAt)),
            ("place", m.Place is { } place ? place : NotificationText.Of<DeliberationStrings>("Notify_MeetingPlaceUnset"))), $"/deliberation/meetings/{m.Id}", ct: ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }
}

/// <summary>Runs the schedule every five minutes (off with <c>Deliberation:Schedule=false</c>).</summary>
public sealed class DeliberationScheduleService(DeliberationSchedule schedule, ILogger<DeliberationScheduleService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(5));
        do
        {
            try
            {
                await schedule.RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Deliberation schedule failed; retrying at the next tick");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
