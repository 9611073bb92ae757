using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Yishi.Platform.Media;
using Yishi.ServiceAreas.Domain;

namespace Yishi.ServiceAreas.Persistence;

internal static class HoldingMapping
{
    public static void MapHolding<T>(this EntityTypeBuilder<T> b) where T : Holding
    {
        b.HasKey(h => h.Id);
        b.Property(h => h.DisplayName).HasMaxLength(PersonRef.NameMaxLength);
        b.Property(h => h.EndReason).HasMaxLength(Holding.ReasonMaxLength);
        b.Ignore(h => h.IsCurrent);
        b.Ignore(h => h.Person);
        b.HasIndex(h => new { h.DistrictId, h.ServiceAreaId, h.EndedOn });
        b.HasIndex(h => new { h.DistrictId, h.UserId });
        b.HasIndex(h => new { h.DistrictId, h.ResidentId });
    }
}

internal sealed class ServiceAreaConfiguration : IEntityTypeConfiguration<ServiceArea>
{
    public void Configure(EntityTypeBuilder<ServiceArea> b)
    {
        b.ToTable("service_areas");
        b.HasKey(s => s.Id);
        b.Property(s => s.AreaPath).HasMaxLength(200);
        b.Property(s => s.Name).HasMaxLength(ServiceArea.NameMaxLength);
        b.Property(s => s.Duties).HasMaxLength(ServiceArea.DutiesMaxLength);
        b.Ignore(s => s.IsRetired);
        b.HasIndex(s => new { s.DistrictId, s.AreaId, s.Name }).IsUnique();
        b.HasIndex(s => new { s.DistrictId, s.AreaPath });
    }
}

internal sealed class ServiceAreaGroupConfiguration : IEntityTypeConfiguration<ServiceAreaGroup>
{
    public void Configure(EntityTypeBuilder<ServiceAreaGroup> b)
    {
        b.ToTable("service_area_groups");
        b.HasKey(g => g.Id);
        b.Property(g => g.AreaPath).HasMaxLength(200);
        b.HasIndex(g => new { g.DistrictId, g.ServiceAreaId, g.AreaId }).IsUnique();
        b.HasIndex(g => new { g.DistrictId, g.AreaId });
    }
}

internal sealed class ServiceAreaHouseholdConfiguration : IEntityTypeConfiguration<ServiceAreaHousehold>
{
    public void Configure(EntityTypeBuilder<ServiceAreaHousehold> b)
    {
        b.ToTable("service_area_households");
        b.HasKey(h => h.Id);
        // A household is assigned explicitly to one service area at most.
        b.HasIndex(h => new { h.DistrictId, h.HouseholdId }).IsUnique();
        b.HasIndex(h => new { h.DistrictId, h.ServiceAreaId });
    }
}

internal sealed class ServiceAreaPostConfiguration : IEntityTypeConfiguration<ServiceAreaPost>
{
    public void Configure(EntityTypeBuilder<ServiceAreaPost> b)
    {
        b.ToTable("service_area_posts");
        b.MapHolding();
    }
}

internal sealed class VolunteerTeamConfiguration : IEntityTypeConfiguration<VolunteerTeam>
{
    public void Configure(EntityTypeBuilder<VolunteerTeam> b)
    {
        b.ToTable("volunteer_teams");
        b.HasKey(t => t.Id);
        b.Property(t => t.Name).HasMaxLength(VolunteerTeam.NameMaxLength);
        b.HasIndex(t => new { t.DistrictId, t.ServiceAreaId }).IsUnique();
    }
}

internal sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMember>
{
    public void Configure(EntityTypeBuilder<TeamMember> b)
    {
        b.ToTable("team_members");
        b.MapHolding();
        b.Ignore(m => m.JoinedOn);
        b.Ignore(m => m.LeftOn);
    }
}

internal sealed class BlockChiefConfiguration : IEntityTypeConfiguration<BlockChief>
{
    public void Configure(EntityTypeBuilder<BlockChief> b)
    {
        b.ToTable("block_chiefs");
        b.MapHolding();
        b.Property(c => c.Label).HasMaxLength(BlockChief.LabelMaxLength);
    }
}

internal sealed class ServiceActivityConfiguration : IEntityTypeConfiguration<ServiceActivity>
{
    public void Configure(EntityTypeBuilder<ServiceActivity> b)
    {
        b.ToTable("service_activities");
        b.HasKey(a => a.Id);
        b.Property(a => a.AreaPath).HasMaxLength(200);
        b.Property(a => a.Title).HasMaxLength(ServiceActivity.TitleMaxLength);
        b.Property(a => a.Notes).HasMaxLength(ServiceActivity.NotesMaxLength);
        b.Property(a => a.DemandTrackingCode).HasMaxLength(32);
        b.HasIndex(a => new { a.DistrictId, a.ServiceAreaId, a.HeldOn });
        b.HasIndex(a => new { a.DistrictId, a.AreaPath, a.HeldOn });
    }
}

internal sealed class ActivityParticipantConfiguration : IEntityTypeConfiguration<ActivityParticipant>
{
    public void Configure(EntityTypeBuilder<ActivityParticipant> b)
    {
        b.ToTable("activity_participants");
        b.HasKey(p => p.Id);
        b.HasIndex(p => new { p.DistrictId, p.ActivityId, p.TeamMemberId }).IsUnique();
        b.HasIndex(p => new { p.DistrictId, p.TeamMemberId });
    }
}

internal sealed class ActivityPhotoConfiguration : IEntityTypeConfiguration<ActivityPhoto>
{
    public void Configure(EntityTypeBuilder<ActivityPhoto> b)
    {
        b.ToPhotoTable("activity_photos");
        b.HasIndex(p => new { p.DistrictId, p.ActivityId });
    }
}

internal sealed class ResidentServiceConfiguration : IEntityTypeConfiguration<ResidentService>
{
    public void Configure(EntityTypeBuilder<ResidentService> b)
    {
        b.ToTable("resident_services");
        b.HasKey(s => s.Id);
        b.Property(s => s.AreaPath).HasMaxLength(200);
        b.Property(s => s.Need).HasMaxLength(ResidentService.NeedMaxLength);
        b.Property(s => s.DoneNote).HasMaxLength(ResidentService.NoteMaxLength);
        b.Property(s => s.RatingComment).HasMaxLength(ResidentService.NoteMaxLength);
        b.Property(s => s.CancelReason).HasMaxLength(ResidentService.NoteMaxLength);
        b.Ignore(s => s.IsOpen);
        b.HasIndex(s => new { s.DistrictId, s.ServiceAreaId, s.Status, s.CreatedAt });
        b.HasIndex(s => new { s.DistrictId, s.AreaPath, s.CreatedAt });
        b.HasIndex(s => new { s.DistrictId, s.AssigneeUserId, s.Status });
        b.HasIndex(s => new { s.DistrictId, s.RequestedByUserId });
    }
}

internal sealed class HouseholdVisitConfiguration : IEntityTypeConfiguration<HouseholdVisit>
{
    public void Configure(EntityTypeBuilder<HouseholdVisit> b)
    {
        b.ToTable("household_visits");
        b.HasKey(v => v.Id);
        b.Property(v => v.AreaPath).HasMaxLength(200);
        b.Property(v => v.Notes).HasMaxLength(HouseholdVisit.NotesMaxLength);
        b.Property(v => v.VisitorName).HasMaxLength(PersonRef.NameMaxLength);
        b.HasIndex(v => new { v.DistrictId, v.ServiceAreaId, v.VisitedOn });
        b.HasIndex(v => new { v.DistrictId, v.AreaPath, v.VisitedOn });
        b.HasIndex(v => new { v.DistrictId, v.HouseholdId });
    }
}

internal sealed class VisitSuggestionConfiguration : IEntityTypeConfiguration<VisitSuggestion>
{
    public void Configure(EntityTypeBuilder<VisitSuggestion> b)
    {
        b.ToTable("visit_suggestions");
        b.HasKey(s => s.Id);
        b.Property(s => s.AreaPath).HasMaxLength(200);
        b.Property(s => s.Text).HasMaxLength(VisitSuggestion.TextMaxLength);
        b.Property(s => s.Answer).HasMaxLength(VisitSuggestion.AnswerMaxLength);
        b.Ignore(s => s.IsAnswered);
        b.HasIndex(s => new { s.DistrictId, s.ServiceAreaId, s.AnsweredAt });
        b.HasIndex(s => new { s.DistrictId, s.AreaPath, s.CreatedAt });
        b.HasIndex(s => new { s.DistrictId, s.VisitId });
    }
}
