using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Yishi.Platform.People.Domain;

namespace Yishi.Platform.People.Persistence;

internal sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> b)
    {
        b.ToTable("households");
        b.HasKey(h => h.Id);
        b.Property(h => h.HouseNumber).HasMaxLength(Household.HouseNumberMaxLength);
        b.Property(h => h.AreaPath).HasMaxLength(200);
        b.HasIndex(h => new { h.DistrictId, h.AreaId, h.HouseNumber }).IsUnique();
        // The list's keyset order: (AreaPath, HouseNumber) is unique because a path names exactly one area.
        b.HasIndex(h => new { h.DistrictId, h.AreaPath, h.HouseNumber });
        b.HasMany(h => h.Members).WithOne().HasForeignKey(r => r.HouseholdId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ResidentConfiguration : IEntityTypeConfiguration<Resident>
{
    public void Configure(EntityTypeBuilder<Resident> b)
    {
        b.ToTable("residents");
        b.HasKey(r => r.Id);
        b.Property(r => r.Name).HasMaxLength(Resident.NameMaxLength);
        b.Property(r => r.Phone).HasMaxLength(20);
        b.HasIndex(r => new { r.DistrictId, r.Phone });
        b.HasIndex(r => new { r.DistrictId, r.Name });
    }
}

internal sealed class RosterImportConfiguration : IEntityTypeConfiguration<RosterImport>
{
    public void Configure(EntityTypeBuilder<RosterImport> b)
    {
        b.ToTable("roster_imports");
        b.HasKey(i => i.Id);
        b.Property(i => i.AreaPath).HasMaxLength(200);
        b.Property(i => i.FileName).HasMaxLength(RosterImport.FileNameMaxLength);
        // Up to 5,000 parsed rows: unbounded text on both providers.
        b.Property(i => i.RowsJson).HasColumnType("text");
        b.HasIndex(i => new { i.DistrictId, i.AreaPath, i.CreatedAt });
    }
}
