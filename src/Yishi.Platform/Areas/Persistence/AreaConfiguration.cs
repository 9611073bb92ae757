using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Yishi.Platform.Areas.Domain;

namespace Yishi.Platform.Areas.Persistence;

internal sealed class AreaConfiguration : IEntityTypeConfiguration<Area>
{
    public void Configure(EntityTypeBuilder<Area> b)
    {
        b.ToTable("areas");
        b.HasKey(a => a.Id);
        b.Property(a => a.Name).HasMaxLength(Area.NameMaxLength);
        b.Property(a => a.Path).HasMaxLength(200);
        b.HasIndex(a => new { a.DistrictId, a.Path }).IsUnique();
        b.HasIndex(a => new { a.DistrictId, a.ParentId });
        b.Ignore(a => a.IsRetired);
    }
}
