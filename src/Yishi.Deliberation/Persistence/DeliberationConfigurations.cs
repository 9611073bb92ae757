using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Yishi.Deliberation.Domain;
using Yishi.Platform.Media;

namespace Yishi.Deliberation.Persistence;

internal sealed class CouncilConfiguration : IEntityTypeConfiguration<Council>
{
    public void Configure(EntityTypeBuilder<Council> b)
    {
        b.ToTable("councils");
        b.HasKey(c => c.Id);
        b.Property(c => c.AreaPath).HasMaxLength(200);
        b.Property(c => c.Name).HasMaxLength(Council.NameMaxLength);
        b.Ignore(c => c.Quorum);
        b.Ignore(c => c.Majority);
        b.ComplexProperty(c => c.Recurrence, r =>
        {
            r.Property(x => x.Days).HasMaxLength(100);
            r.Property(x => x.Place).HasMaxLength(Recurrence.PlaceMaxLength);
            r.Ignore(x => x.DayList);
            r.Ignore(x => x.TimeOfDay);
        });
        b.HasIndex(c => new { c.DistrictId, c.AreaPath });
        b.HasIndex(c => new { c.DistrictId, c.AreaId, c.Name }).IsUnique();
    }
}

internal sealed class CouncilMemberConfiguration : IEntityTypeConfiguration<CouncilMember>
{
    public void Configure(EntityTypeBuilder<CouncilMember> b)
    {
        b.ToTable("council_members");
        b.HasKey(m => m.Id);
        b.Property(m => m.DisplayName).HasMaxLength(CouncilMember.NameMaxLength);
        b.Property(m => m.EndReason).HasMaxLength(CouncilMember.ReasonMaxLength);
        b.Ignore(m => m.IsActive);
        b.HasIndex(m => new { m.DistrictId, m.CouncilId, m.EndedOn });
        // One active membership per account and council, also when two secretaries add the same person at once.
        b.HasIndex(m => new { m.DistrictId, m.CouncilId, m.UserId }).IsUnique().HasFilter("\"EndedOn\" IS NULL AND \"UserId\" IS NOT NULL");
        b.HasIndex(m => new { m.DistrictId, m.UserId });
    }
}

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> b)
    {
        b.ToTable("meetings");
        b.HasKey(m => m.Id);
        b.Property(m => m.AreaPath).HasMaxLength(200);
        b.Property(m => m.Number).HasMaxLength(32);
        b.Property(m => m.Place).HasMaxLength(Meeting.PlaceMaxLength);
        b.Property(m => m.SlotKey).HasMaxLength(16);
        b.Property(m => m.CancelReason).HasMaxLength(Meeting.ReasonMaxLength);
        b.Property(m => m.CheckInToken).HasMaxLength(64);
        b.Property(m => m.MinutesText).HasMaxLength(Meeting.MinutesMaxLength);
        b.Ignore(m => m.IsOpenForAgenda);
        b.HasIndex(m => new { m.DistrictId, m.Number }).IsUnique();
        // Generation from the recurrence is idempotent: one meeting per council and slot (NULL slots never collide).
        b.HasIndex(m => new { m.DistrictId, m.CouncilId, m.SlotKey }).IsUnique();
        b.HasIndex(m => new { m.DistrictId, m.CouncilId, m.StartsAt });
        b.HasIndex(m => new { m.DistrictId, m.AreaPath, m.StartsAt });
        b.HasIndex(m => new { m.DistrictId, m.CheckInToken }).IsUnique();
        b.HasIndex(m => new { m.ReminderSentAt, m.StartsAt });
    }
}

internal sealed class MeetingAttendanceConfiguration : IEntityTypeConfiguration<MeetingAttendance>
{
    public void Configure(EntityTypeBuilder<MeetingAttendance> b)
    {
        b.ToTable("meeting_attendances");
        b.HasKey(a => a.Id);
        b.HasIndex(a => new { a.DistrictId, a.MeetingId, a.CouncilMemberId }).IsUnique();
    }
}

internal sealed class MinutesApprovalConfiguration : IEntityTypeConfiguration<MinutesApproval>
{
    public void Configure(EntityTypeBuilder<MinutesApproval> b)
    {
        b.ToTable("minutes_approvals");
        b.HasKey(a => a.Id);
        b.HasIndex(a => new { a.DistrictId, a.MeetingId, a.CouncilMemberId }).IsUnique();
    }
}

internal sealed class MeetingDocumentConfiguration : IEntityTypeConfiguration<MeetingDocument>
{
    public void Configure(EntityTypeBuilder<MeetingDocument> b)
    {
        b.ToTable("meeting_documents");
        b.HasKey(d => d.Id);
        b.Property(d => d.FileName).HasMaxLength(MeetingDocument.FileNameMaxLength);
        b.Property(d => d.ContentType).HasMaxLength(100);
        b.HasIndex(d => new { d.DistrictId, d.MeetingId });
    }
}

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> b)
    {
        b.ToTable("agenda_items");
        b.HasKey(a => a.Id);
        b.Property(a => a.DiscussionNotes).HasMaxLength(AgendaItem.NotesMaxLength);
        b.HasIndex(a => new { a.DistrictId, a.MeetingId, a.TopicId }).IsUnique();
        b.HasIndex(a => new { a.DistrictId, a.TopicId });
    }
}

internal sealed class VoteConfiguration : IEntityTypeConfiguration<Vote>
{
    public void Configure(EntityTypeBuilder<Vote> b)
    {
        b.ToTable("votes");
        b.HasKey(v => v.Id);
        // One vote per member per topic per meeting, also under concurrent requests.
        b.HasIndex(v => new { v.DistrictId, v.MeetingId, v.TopicId, v.CouncilMemberId }).IsUnique();
    }
}

internal sealed class TopicConfiguration : IEntityTypeConfiguration<Topic>
{
    public void Configure(EntityTypeBuilder<Topic> b)
    {
        b.ToTable("topics");
        b.HasKey(t => t.Id);
        b.Property(t => t.AreaPath).HasMaxLength(200);
        b.Property(t => t.Title).HasMaxLength(Topic.TitleMaxLength);
        b.Property(t => t.Description).HasMaxLength(Topic.DescriptionMaxLength);
        b.Property(t => t.Reason).HasMaxLength(Topic.ReasonMaxLength);
        b.Property(t => t.LastReason).HasMaxLength(Topic.ReasonMaxLength);
        b.Ignore(t => t.IsFinished);
        b.HasIndex(t => new { t.DistrictId, t.AreaPath, t.Stage });
        b.HasIndex(t => new { t.DistrictId, t.CouncilId, t.Stage });
    }
}

internal sealed class TopicDemandConfiguration : IEntityTypeConfiguration<TopicDemand>
{
    public void Configure(EntityTypeBuilder<TopicDemand> b)
    {
        b.ToTable("topic_demands");
        b.HasKey(t => t.Id);
        b.Property(t => t.TrackingCode).HasMaxLength(32);
        b.HasIndex(t => new { t.DistrictId, t.TopicId, t.DemandId }).IsUnique();
        b.HasIndex(t => new { t.DistrictId, t.DemandId });
    }
}

internal sealed class TopicEventConfiguration : IEntityTypeConfiguration<TopicEvent>
{
    public void Configure(EntityTypeBuilder<TopicEvent> b)
    {
        b.ToTable("topic_events");
        b.HasKey(e => e.Id);
        b.Property(e => e.Action).HasMaxLength(40);
        b.Property(e => e.Note).HasMaxLength(2000);
        b.HasIndex(e => new { e.DistrictId, e.TopicId, e.At });
    }
}

internal sealed class TopicCommentConfiguration : IEntityTypeConfiguration<TopicComment>
{
    public void Configure(EntityTypeBuilder<TopicComment> b)
    {
        b.ToTable("topic_comments");
        b.HasKey(c => c.Id);
        b.Property(c => c.Text).HasMaxLength(TopicComment.TextMaxLength);
        b.HasIndex(c => new { c.DistrictId, c.TopicId, c.CreatedAt });
    }
}

internal sealed class ResolutionConfiguration : IEntityTypeConfiguration<Resolution>
{
    public void Configure(EntityTypeBuilder<Resolution> b)
    {
        b.ToTable("resolutions");
        b.HasKey(r => r.Id);
        b.Property(r => r.AreaPath).HasMaxLength(200);
        b.Property(r => r.Number).HasMaxLength(32);
        b.Property(r => r.Title).HasMaxLength(Topic.TitleMaxLength);
        b.Property(r => r.Text).HasMaxLength(Resolution.TextMaxLength);
        b.Property(r => r.WithdrawReason).HasMaxLength(1000);
        b.HasIndex(r => new { r.DistrictId, r.Number }).IsUnique();
        b.HasIndex(r => new { r.DistrictId, r.AreaPath, r.DecidedAt });
        b.HasIndex(r => new { r.DistrictId, r.TopicId });
        b.HasIndex(r => new { r.Status, r.NoticeEndsAt });
    }
}

internal sealed class ObjectionConfiguration : IEntityTypeConfiguration<Objection>
{
    public void Configure(EntityTypeBuilder<Objection> b)
    {
        b.ToTable("objections");
        b.HasKey(o => o.Id);
        b.Property(o => o.Text).HasMaxLength(Objection.TextMaxLength);
        b.Property(o => o.ContactPhone).HasMaxLength(20);
        b.Property(o => o.Answer).HasMaxLength(Objection.TextMaxLength);
        b.HasIndex(o => new { o.DistrictId, o.ResolutionId });
    }
}

internal sealed class ImplementationTaskConfiguration : IEntityTypeConfiguration<ImplementationTask>
{
    public void Configure(EntityTypeBuilder<ImplementationTask> b)
    {
        b.ToTable("implementation_tasks");
        b.HasKey(t => t.Id);
        b.Property(t => t.AreaPath).HasMaxLength(200);
        b.Property(t => t.Title).HasMaxLength(ImplementationTask.TitleMaxLength);
        b.Property(t => t.OwnerName).HasMaxLength(CouncilMember.NameMaxLength);
        b.HasIndex(t => new { t.DistrictId, t.TopicId });
        b.HasIndex(t => new { t.DistrictId, t.OwnerUserId, t.Status });
        b.HasIndex(t => new { t.DistrictId, t.AreaPath, t.Status, t.DueOn });
    }
}

internal sealed class TaskUpdateConfiguration : IEntityTypeConfiguration<TaskUpdate>
{
    public void Configure(EntityTypeBuilder<TaskUpdate> b)
    {
        b.ToTable("task_updates");
        b.HasKey(u => u.Id);
        b.Property(u => u.Note).HasMaxLength(ImplementationTask.NoteMaxLength);
        b.HasIndex(u => new { u.DistrictId, u.TaskId, u.At });
    }
}

internal sealed class TaskPhotoConfiguration : IEntityTypeConfiguration<TaskPhoto>
{
    public void Configure(EntityTypeBuilder<TaskPhoto> b)
    {
        b.ToPhotoTable("task_photos");
        b.HasIndex(p => new { p.DistrictId, p.TaskUpdateId });
    }
}

internal sealed class FollowUpReviewConfiguration : IEntityTypeConfiguration<FollowUpReview>
{
    public void Configure(EntityTypeBuilder<FollowUpReview> b)
    {
        b.ToTable("follow_up_reviews");
        b.HasKey(r => r.Id);
        b.Property(r => r.Note).HasMaxLength(FollowUpReview.NoteMaxLength);
        b.Ignore(r => r.Passed);
        b.HasIndex(r => new { r.DistrictId, r.TopicId });
    }
}
