using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yishi.Deliberation.Domain;
using Yishi.IntegrationTests.Infrastructure;
using Yishi.Platform.Areas.Domain;
using Yishi.Platform.Data;

namespace Yishi.IntegrationTests.Deliberation;

/// <summary>The demo district's year of deliberation: bodies and their recurrence, quorate resolutions, every stage, exact money.</summary>
public abstract class DemoDeliberationTests(YishiApp app)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private async Task<T> InDistrictAsync<T>(Func<YishiDbContext, Task<T>> work)
    {
        var districtId = await app.InScopeAsync(null, sp => sp.GetRequiredService<YishiDbContext>().Areas
            .IgnoreQueryFilters().Where(a => a.Level == AreaLevel.District).Select(a => a.Id).SingleAsync(Ct));
        return await app.InScopeAsync(districtId, sp => work(sp.GetRequiredService<YishiDbContext>()));
    }

    private DateTime Now => app.Clock.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task Every_community_has_its_bodies_and_a_year_of_meetings_on_their_days()
    {
        var (councils, meetings, communities) = await InDistrictAsync(async db => (
            await db.Set<Council>().AsNoTracking().ToListAsync(Ct),
            await db.Set<Meeting>().AsNoTracking().ToListAsync(Ct),
            await db.Areas.AsNoTracking().CountAsync(a => a.Level == AreaLevel.Community, Ct)));
        councils.Count(c => c.Kind == CouncilKind.TwoCommittee).ShouldBe(communities);
        councils.Count(c => c.Kind == CouncilKind.Representatives).ShouldBe(communities);
        councils.Count(c => c.Kind == CouncilKind.PublicCouncil).ShouldBeGreaterThanOrEqualTo(3);
        councils.Count(c => c.Kind == CouncilKind.GroupCouncil).ShouldBe(2);
        councils.Count(c => c.Kind == CouncilKind.JointPartyBuilding).ShouldBe(3); // one per street, quarterly
        meetings.ShouldContain(m => m.Kind == MeetingKind.Emergency && m.Status == MeetingStatus.Adjourned); // 急事快议
        foreach (var c in councils)
        {
            // Regular slots follow the recurrence; an extra sitting has no slot.
            var past = meetings.Where(m => m.CouncilId == c.Id && m.StartsAt < Now && m.SlotKey != null).ToList();
            past.Count.ShouldBeGreaterThan(c.Kind switch { CouncilKind.TwoCommittee => 48, CouncilKind.PublicCouncil => 30, CouncilKind.JointPartyBuilding => 3, _ => 10 }, c.Name);
            past.ShouldAllBe(m => c.Recurrence.FallsOn(ChinaTime.Day(m.StartsAt)), c.Name);
            if (c.Kind == CouncilKind.PublicCouncil) past.ShouldAllBe(m => new[] { 8, 18, 28 }.Contains(ChinaTime.ToLocal(m.StartsAt).Day));
        }
        meetings.Where(m => m.StartsAt > Now).ShouldAllBe(m => m.Status == MeetingStatus.Scheduled || m.Status == MeetingStatus.AgendaPublished);
        meetings.Count(m => m.Status == MeetingStatus.Cancelled).ShouldBeGreaterThan(0);
        meetings.Where(m => m.Status == MeetingStatus.Adjourned).ShouldAllBe(m => m.MinutesStatus != MinutesStatus.None);
    }

    [Fact]
    public async Task Resolutions_come_from_quorate_sittings_and_match_their_votes_and_every_stage_is_shown()
    {
        var (councils, resolutions, votes, attendance, topics) = await InDistrictAsync(async db => (
            await db.Set<Council>().AsNoTracking().ToDictionaryAsync(c => c.Id, Ct),
            await db.Set<Resolution>().AsNoTracking().ToListAsync(Ct),
            await db.Set<Vote>().AsNoTracking().ToListAsync(Ct),
            await db.Set<MeetingAttendance>().AsNoTracking().ToListAsync(Ct),
            await db.Set<Topic>().AsNoTracking().ToListAsync(Ct)));
        resolutions.ShouldNotBeEmpty();
        foreach (var r in resolutions)
        {
            var c = councils[r.CouncilId];
            c.IsQuorate(r.MembersTotal, r.Present).ShouldBeTrue(r.Number);
            r.Passed.ShouldBe(c.Passes(r.Present, r.For), r.Number);
            var v = votes.Where(x => x.MeetingId == r.MeetingId && x.TopicId == r.TopicId).ToList();
            v.Count(x => x.Choice == VoteChoice.For).ShouldBe(r.For);
            v.Count(x => x.Choice == VoteChoice.Against).ShouldBe(r.Against);
            v.Count(x => x.Choice == VoteChoice.Abstain).ShouldBe(r.Abstain);
            attendance.Count(a => a.MeetingId == r.MeetingId).ShouldBe(r.Present);
        }
        foreach (var stage in new[] { TopicStage.Proposal, TopicStage.Review, TopicStage.Deliberation, TopicStage.Notice, TopicStage.Implementation, TopicStage.FollowUp, TopicStage.Closed, TopicStage.Rejected })
            topics.ShouldContain(t => t.Stage == stage, stage.ToString());
        foreach (var title in new[] { "管道燃气入户（96户）", "打通村东断头路", "建设长者饭堂", "建设公共晾晒区", "小游园设置直饮水点", "老旧楼（5栋）加装电梯" })
            topics.ShouldContain(t => t.Title == title);
    }

    [Fact]
    public async Task Task_spending_is_the_sum_of_its_updates_and_the_portal_shows_no_personal_data()
    {
        var (tasks, updates, members, wenhua) = await InDistrictAsync(async db => (
            await db.Set<ImplementationTask>().AsNoTracking().ToListAsync(Ct),
            await db.Set<TaskUpdate>().AsNoTracking().ToListAsync(Ct),
            await db.Set<CouncilMember>().AsNoTracking().Select(m => m.DisplayName).Distinct().ToListAsync(Ct),
            await db.Areas.AsNoTracking().Where(a => a.Name == "文华社区").Select(a => a.Id).SingleAsync(Ct)));
        tasks.ShouldNotBeEmpty();
        foreach (var t in tasks) t.SpentFen.ShouldBe(updates.Where(u => u.TaskId == t.Id).Sum(u => u.SpentFenDelta), t.Title);
        tasks.ShouldContain(t => t.Status == ImplementationTaskStatus.Done);
        tasks.ShouldContain(t => t.Status == ImplementationTaskStatus.Open);

        var html = await (await app.Anonymous().GetAsync($"/public/deliberation/{wenhua}")).Content.ReadAsStringAsync(Ct);
        html.ShouldContain("文华社区");
        foreach (var name in members.Where(n => n.Length >= 2)) html.ShouldNotContain(name);
        html.ShouldNotMatch(@"1[3-9]\d{9}");
    }
}

public sealed class DemoDeliberationTests_Sqlite(DemoSqliteApp app) : DemoDeliberationTests(app), IClassFixture<DemoSqliteApp>;

public sealed class DemoDeliberationTests_Postgres(DemoPostgresApp app) : DemoDeliberationTests(app), IClassFixture<DemoPostgresApp>;
