using Yishi.Deliberation.Domain;
using Yishi.Platform.Rules;

namespace Yishi.UnitTests.Deliberation;

public class MeetingRulesTests
{
    private static readonly DateTime T0 = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Start = T0.AddDays(5);

    private static Meeting New(MeetingKind kind = MeetingKind.Regular)
        => new(Guid.NewGuid(), Guid.NewGuid(), "/d/s/c/", Guid.NewGuid(), "YS-HY-2026-0001", kind, MeetingForm.EveningTalk, "文化室", Start, null, T0, null);

    [Fact]
    public void A_regular_agenda_is_published_at_least_lead_days_before()
    {
        var m = New();
        m.PublishAgenda(3, 1, Start.AddDays(-3));
        m.Status.ShouldBe(MeetingStatus.AgendaPublished);
        var late = New();
        var ex = Should.Throw<RuleViolation>(() => late.PublishAgenda(3, 1, Start.AddDays(-3).AddMinutes(1)));
        ex.Code.ShouldBe("meeting.agenda_too_late");
        ex.Args.ShouldBe([3]);
        late.Status.ShouldBe(MeetingStatus.Scheduled);
    }

    [Fact]
    public void An_emergency_meeting_waives_the_lead_time()
    {
        var m = New(MeetingKind.Emergency);
        m.PublishAgenda(3, 1, Start.AddMinutes(-5));
        m.Status.ShouldBe(MeetingStatus.AgendaPublished);
        var opened = New(MeetingKind.Emergency);
        opened.Open(1, Start);
        opened.Status.ShouldBe(MeetingStatus.InSession);
        opened.AgendaPublishedAt.ShouldBe(Start);
    }

    [Fact]
    public void A_regular_meeting_opens_from_the_margin_before_its_start_and_earlier_only_with_a_reason_that_moves_it_to_now()
    {
        var margin = TimeSpan.FromHours(2);
        var onTime = New();
        onTime.PublishAgenda(1, 1, T0);
        onTime.Open(1, Start - margin, margin).ShouldBeNull();
        onTime.StartsAt.ShouldBe(Start);

        var early = New();
        early.PublishAgenda(1, 1, T0);
        var at = Start - margin - TimeSpan.FromMinutes(1);
        Should.Throw<RuleViolation>(() => early.Open(1, at, margin)).Code.ShouldBe("meeting.too_early");
        early.Status.ShouldBe(MeetingStatus.AgendaPublished);
        early.StartsAt.ShouldBe(Start);
        early.Open(1, at, margin, "成员到齐，提前召开").ShouldBe(Start);
        early.Status.ShouldBe(MeetingStatus.InSession);
        early.StartsAt.ShouldBe(at);
    }

    [Fact]
    public void An_empty_agenda_is_not_published()
        => Should.Throw<RuleViolation>(() => New().PublishAgenda(1, 0, T0)).Code.ShouldBe("meeting.agenda_empty");

    [Fact]
    public void A_regular_meeting_opens_only_with_a_published_agenda_and_adjourns_once()
    {
        var m = New();
        Should.Throw<RuleViolation>(() => m.Open(1, Start)).Code.ShouldBe("meeting.agenda_not_published");
        m.PublishAgenda(1, 1, T0);
        m.Open(1, Start);
        Should.Throw<RuleViolation>(() => m.Cancel("x", Start));
        m.Adjourn(Start.AddHours(2));
        m.Status.ShouldBe(MeetingStatus.Adjourned);
        Should.Throw<RuleViolation>(() => m.Adjourn(Start.AddHours(3)));
        Should.Throw<RuleViolation>(() => m.RequireInSession());
    }

    [Fact]
    public void Members_check_themselves_in_from_an_hour_before_until_the_end()
    {
        var m = New();
        m.PublishAgenda(1, 1, T0);
        Should.Throw<RuleViolation>(() => m.RequireSelfCheckInOpen(Start.AddHours(-1).AddMinutes(-1))).Code.ShouldBe("meeting.check_in_closed");
        m.RequireSelfCheckInOpen(Start.AddHours(-1));
        m.Open(1, Start);
        m.RequireSelfCheckInOpen(Start.AddHours(3));
        m.Adjourn(Start.AddHours(4));
        Should.Throw<RuleViolation>(() => m.RequireSelfCheckInOpen(Start.AddHours(4)));
        Should.Throw<RuleViolation>(() => m.RequireCheckInBySecretary());
    }

    [Fact]
    public void Minutes_are_drafted_after_the_session_and_approved_by_a_majority_of_those_present()
    {
        var m = New();
        Should.Throw<RuleViolation>(() => m.DraftMinutes("纪要", T0)).Code.ShouldBe("meeting.not_adjourned");
        m.PublishAgenda(1, 1, T0);
        m.Open(1, Start);
        m.Adjourn(Start.AddHours(2));
        m.DraftMinutes("纪要", Start.AddHours(3));
        m.MinutesStatus.ShouldBe(MinutesStatus.Draft);
        m.RecordMinutesApprovals(3, 6, Start.AddHours(4)).ShouldBeFalse();
        m.RecordMinutesApprovals(4, 6, Start.AddHours(4)).ShouldBeTrue();
        m.MinutesStatus.ShouldBe(MinutesStatus.Approved);
        Should.Throw<RuleViolation>(() => m.DraftMinutes("改", Start.AddHours(5))).Code.ShouldBe("meeting.minutes_approved");
    }

    [Fact]
    public void A_meeting_cannot_be_moved_into_the_past()
        => Should.Throw<InputInvalid>(() => New().Reschedule(T0.AddMinutes(-1), null, MeetingForm.SitDown, T0)).Fields.Keys.ShouldContain("StartsAt");

    [Fact]
    public void Check_in_tokens_are_random()
        => New().CheckInToken.ShouldNotBe(New().CheckInToken);

    [Fact]
    public void Resolution_counts_votes_and_opens_a_notice_when_passed()
    {
        var count = VoteCount.Of(9, 7, [VoteChoice.For, VoteChoice.For, VoteChoice.For, VoteChoice.For, VoteChoice.Against, VoteChoice.Abstain]);
        count.ShouldBe(new VoteCount(9, 7, 4, 1, 1));
        var r = new Resolution(Guid.NewGuid(), Guid.NewGuid(), "/d/", Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "YS-JY-2026-0001", "t", "x", count, true, 5, T0);
        r.Status.ShouldBe(ResolutionStatus.UnderNotice);
        r.NoticeEndsAt.ShouldBe(T0.AddDays(5));
        Should.Throw<RuleViolation>(() => r.TakeEffect(T0.AddDays(4))).Code.ShouldBe("resolution.notice_running");
        r.TakeEffect(T0.AddDays(5));
        r.Status.ShouldBe(ResolutionStatus.Effective);
        var failed = new Resolution(Guid.NewGuid(), Guid.NewGuid(), "/d/", Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "YS-JY-2026-0002", "t", "x", count, false, 5, T0);
        failed.Status.ShouldBe(ResolutionStatus.NotPassed);
        failed.NoticeEndsAt.ShouldBeNull();
    }

    [Fact]
    public void Task_progress_sums_spending_completes_at_100_and_is_overdue_after_its_day()
    {
        var t = new ImplementationTask(Guid.NewGuid(), Guid.NewGuid(), "/d/", Guid.NewGuid(), Guid.NewGuid(), "修路", Guid.NewGuid(), "张三", new DateOnly(2026, 12, 1), 100_000, T0);
        t.IsOverdue(new DateOnly(2026, 12, 1)).ShouldBeFalse();
        t.IsOverdue(new DateOnly(2026, 12, 2)).ShouldBeTrue();
        t.Report(40, 30_000, "备料", Guid.NewGuid(), T0);
        Should.Throw<InputInvalid>(() => t.Report(30, 0, null, Guid.NewGuid(), T0));
        Should.Throw<InputInvalid>(() => t.Report(101, 0, null, Guid.NewGuid(), T0));
        t.Report(100, 50_000, "完工", Guid.NewGuid(), T0);
        t.SpentFen.ShouldBe(80_000);
        t.Status.ShouldBe(ImplementationTaskStatus.Done);
        t.IsOverdue(new DateOnly(2027, 1, 1)).ShouldBeFalse();
        Should.Throw<RuleViolation>(() => t.Report(100, 0, null, Guid.NewGuid(), T0));
    }
}
