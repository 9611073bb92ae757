using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Yishi.Demands.Domain;
using Yishi.Platform.Media;

namespace Yishi.Demands.Persistence;

internal sealed class DemandConfiguration : IEntityTypeConfiguration<Demand>
{
    public void Configure(EntityTypeBuilder<Demand> b)
    {
        b.ToTable("demands");
        b.HasKey(d => d.Id);
        b.Property(d => d.AreaPath).HasMaxLength(200);
        b.Property(d => d.TrackingCode).HasMaxLength(32);
        b.Property(d => d.Description).HasMaxLength(Demand.DescriptionMaxLength);
        b.Property(d => d.Location).HasMaxLength(Demand.LocationMaxLength);
        b.Property(d => d.ContactPhone).HasMaxLength(20);
        b.Property(d => d.Reply).HasMaxLength(Demand.ReplyMaxLength);
        b.Property(d => d.RatingComment).HasMaxLength(1000);
        b.Property(d => d.CloseReason).HasMaxLength(1000);
        b.Ignore(d => d.IsOpen);
        b.HasIndex(d => new { d.DistrictId, d.TrackingCode }).IsUnique();
        // Ledger and inbox: subtree + status, ordered by due time or creation; keyset on (key, Id).
        b.HasIndex(d => new { d.DistrictId, d.AreaPath, d.Status, d.CreatedAt });
        b.HasIndex(d => new { d.DistrictId, d.Level, d.Status, d.AreaPath });
        b.HasIndex(d => new { d.DistrictId, d.UnitId, d.Status });
        b.HasIndex(d => new { d.DistrictId, d.ReporterUserId });
        b.HasIndex(d => new { d.DistrictId, d.CommonIssueId });
        b.HasIndex(d => new { d.DistrictId, d.CreatedAt, d.TrackingCode });
        b.HasIndex(d => new { d.DistrictId, d.DueAt, d.TrackingCode });
    }
}

internal sealed class HandlingUnitConfiguration : IEntityTypeConfiguration<HandlingUnit>
{
    public void Configure(EntityTypeBuilder<HandlingUnit> b)
    {
        b.ToTable("handling_units");
        b.HasKey(u => u.Id);
        b.Property(u => u.Name).HasMaxLength(HandlingUnit.NameMaxLength);
        b.Property(u => u.Duties).HasMaxLength(500);
        b.HasIndex(u => new { u.DistrictId, u.Name }).IsUnique();
    }
}

internal sealed class UnitMemberConfiguration : IEntityTypeConfiguration<UnitMember>
{
    public void Configure(EntityTypeBuilder<UnitMember> b)
    {
        b.ToTable("unit_members");
        b.HasKey(m => m.Id);
        b.HasIndex(m => new { m.DistrictId, m.UnitId, m.UserId }).IsUnique();
        b.HasIndex(m => new { m.DistrictId, m.UserId });
    }
}

internal sealed class DeadlineRuleConfiguration : IEntityTypeConfiguration<DeadlineRule>
{
    public void Configure(EntityTypeBuilder<DeadlineRule> b)
    {
        b.ToTable("deadline_rules");
        b.HasKey(r => r.Id);
        b.HasIndex(r => new { r.DistrictId, r.Ownership, r.Urgent }).IsUnique();
    }
}

internal sealed class DemandTimerConfiguration : IEntityTypeConfiguration<DemandTimer>
{
    public void Configure(EntityTypeBuilder<DemandTimer> b)
    {
        b.ToTable("demand_timers");
        b.HasKey(t => t.Id);
        b.HasIndex(t => new { t.FiredAt, t.DueAt });
        b.HasIndex(t => new { t.DistrictId, t.DemandId });
    }
}

internal sealed class CommonIssueConfiguration : IEntityTypeConfiguration<CommonIssue>
{
    public void Configure(EntityTypeBuilder<CommonIssue> b)
    {
        b.ToTable("common_issues");
        b.HasKey(c => c.Id);
        b.Property(c => c.AreaPath).HasMaxLength(200);
        b.Property(c => c.Title).HasMaxLength(CommonIssue.TitleMaxLength);
        b.HasIndex(c => new { c.DistrictId, c.AreaPath });
    }
}

internal sealed class DemandPhotoConfiguration : IEntityTypeConfiguration<DemandPhoto>
{
    public void Configure(EntityTypeBuilder<DemandPhoto> b)
    {
        b.ToPhotoTable("demand_photos");
        b.HasIndex(p => new { p.DistrictId, p.DemandId });
    }
}

internal sealed class IdempotentSubmissionConfiguration : IEntityTypeConfiguration<IdempotentSubmission>
{
    public void Configure(EntityTypeBuilder<IdempotentSubmission> b)
    {
        b.ToTable("idempotent_submissions");
        b.HasKey(i => i.Id);
        b.Property(i => i.Scope).HasMaxLength(80);
        b.Property(i => i.Key).HasMaxLength(100);
        b.Property(i => i.RequestHash).HasMaxLength(64);
        b.HasIndex(i => new { i.Scope, i.Key }).IsUnique();
    }
}

internal sealed class TriageRuleConfiguration : IEntityTypeConfiguration<TriageRule>
{
    public void Configure(EntityTypeBuilder<TriageRule> b)
    {
        b.ToTable("triage_rules");
        b.HasKey(r => r.Id);
        b.Property(r => r.Keyword).HasMaxLength(TriageRule.KeywordMaxLength);
        b.HasIndex(r => new { r.DistrictId, r.Keyword }).IsUnique();
    }
}

internal sealed class DemandSettingsConfiguration : IEntityTypeConfiguration<DemandSettings>
{
    public void Configure(EntityTypeBuilder<DemandSettings> b)
    {
        b.ToTable("demand_settings");
        b.HasKey(s => s.Id);
        b.HasIndex(s => s.DistrictId).IsUnique();
    }
}
