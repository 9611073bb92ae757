using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Yishi.Platform.Media;
using Yishi.ServiceAreas.Domain;

namespace Yishi.ServiceAreas.Persistence;

internal sealed class PointListConfiguration : IEntityTypeConfiguration<PointList>
{
    public void Configure(EntityTypeBuilder<PointList> b)
    {
        b.ToTable("point_lists");
        b.HasKey(x => x.Id);
        b.Property(x => x.AreaPath).HasMaxLength(200);
        b.HasIndex(x => new { x.DistrictId, x.AreaId }).IsUnique();
        b.HasIndex(x => new { x.DistrictId, x.AreaPath });
    }
}

internal sealed class PointListVersionConfiguration : IEntityTypeConfiguration<PointListVersion>
{
    public void Configure(EntityTypeBuilder<PointListVersion> b)
    {
        b.ToTable("point_list_versions");
        b.HasKey(x => x.Id);
        b.Property(x => x.BodyName).HasMaxLength(PointListVersion.BodyNameMaxLength);
        b.Ignore(x => x.IsDraft);
        b.HasIndex(x => new { x.DistrictId, x.PointListId, x.Number }).IsUnique();
        b.HasIndex(x => new { x.DistrictId, x.PointListId, x.Status, x.EffectiveFrom });
    }
}

internal sealed class PointRuleConfiguration : IEntityTypeConfiguration<PointRule>
{
    public void Configure(EntityTypeBuilder<PointRule> b)
    {
        b.ToTable("point_rules");
        b.HasKey(x => x.Id);
        b.Property(x => x.Code).HasMaxLength(PointRule.CodeMaxLength);
        b.Property(x => x.Description).HasMaxLength(PointRule.DescriptionMaxLength);
        b.Property(x => x.EvidenceRequired).HasMaxLength(PointRule.EvidenceMaxLength);
        b.Property(x => x.Category).HasMaxLength(PointRule.CategoryMaxLength);
        b.Ignore(x => x.SignedPoints);
        b.HasIndex(x => new { x.DistrictId, x.PointListVersionId, x.Code }).IsUnique();
    }
}

internal sealed class PointEntryConfiguration : IEntityTypeConfiguration<PointEntry>
{
    public void Configure(EntityTypeBuilder<PointEntry> b)
    {
        b.ToTable("point_entries");
        b.HasKey(x => x.Id);
        b.Property(x => x.AreaPath).HasMaxLength(200);
        b.Property(x => x.Evidence).HasMaxLength(PointEntry.EvidenceMaxLength);
        b.Ignore(x => x.IsReversal);
        // Balance = SUM(points) per household; history by day, newest first (keyset on OccurredOn, Id).
        b.HasIndex(x => new { x.DistrictId, x.HouseholdId, x.OccurredOn, x.Id });
        // Lists, rankings and figures: subtree + day.
        b.HasIndex(x => new { x.DistrictId, x.AreaPath, x.OccurredOn });
        b.HasIndex(x => new { x.DistrictId, x.PointRuleId });
        // An entry is reversed at most once.
        b.HasIndex(x => new { x.DistrictId, x.ReversesEntryId }).IsUnique();
    }
}

internal sealed class PointAppealConfiguration : IEntityTypeConfiguration<PointAppeal>
{
    public void Configure(EntityTypeBuilder<PointAppeal> b)
    {
        b.ToTable("point_appeals");
        b.HasKey(x => x.Id);
        b.Property(x => x.AreaPath).HasMaxLength(200);
        b.Property(x => x.Reason).HasMaxLength(PointAppeal.ReasonMaxLength);
        b.Property(x => x.DecisionNote).HasMaxLength(PointAppeal.ReasonMaxLength);
        b.HasIndex(x => new { x.DistrictId, x.OpenEntryId }).IsUnique();
        b.HasIndex(x => new { x.DistrictId, x.PointEntryId });
        b.HasIndex(x => new { x.DistrictId, x.AreaPath, x.Status });
        b.HasIndex(x => new { x.DistrictId, x.HouseholdId });
    }
}

internal sealed class PointEntryPhotoConfiguration : IEntityTypeConfiguration<PointEntryPhoto>
{
    public void Configure(EntityTypeBuilder<PointEntryPhoto> b)
    {
        b.ToPhotoTable("point_entry_photos");
        b.HasIndex(x => new { x.DistrictId, x.PointEntryId }).IsUnique();
    }
}
